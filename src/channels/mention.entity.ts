import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Message } from './message.entity';

/** A group member mentioned in a message; `channelId`/`seq` are copied to count unread mentions. */
@Entity('message_mentions')
@Index('message_mentions_user_channel_seq_idx', ['userId', 'channelId', 'seq'])
export class Mention {
  @PrimaryColumn('uuid')
  messageId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @Column('uuid')
  channelId: string;

  @Column('bigint')
  seq: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;
}
