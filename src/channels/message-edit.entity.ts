import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Message } from './message.entity';

/** The body a message had before an edit: its edit history. */
@Entity('message_edits')
@Index('message_edits_message_idx', ['messageId', 'version'])
export class MessageEdit {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid')
  messageId: string;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Message;

  /** The version the body belonged to. */
  @Column('int')
  version: number;

  @Column('text')
  body: string;

  @Column('text')
  html: string;

  /** When this body was replaced. */
  @Column('timestamptz')
  replacedAt: Date;
}
