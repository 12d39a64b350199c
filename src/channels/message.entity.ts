import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from '../users/user.entity';
import { Channel } from './channel.entity';

/**
 * A message in a channel. `seq` is gapless per channel, taken from `channels.last_seq` inside
 * the inserting transaction. A deleted message stays as a tombstone (empty body, `deletedAt`).
 */
@Entity('messages')
@Unique('messages_channel_seq_key', ['channelId', 'seq'])
@Unique('messages_author_client_msg_id_key', ['authorId', 'clientMsgId'])
@Index('messages_parent_seq_idx', ['parentId', 'seq'])
@Check('messages_seq_check', '"seq" > 0')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  channelId: string;

  @ManyToOne(() => Channel, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Channel;

  /** Copied from the channel so access checks need no join. */
  @Column('uuid')
  groupId: string;

  @Column('bigint')
  seq: string;

  @Column('uuid')
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column('uuid', { nullable: true })
  clientMsgId: string | null;

  @Column('text')
  body: string;

  @Column('text')
  html: string;

  /** The thread root (a message of the same channel that is not itself a reply). */
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Column('int', { default: 0 })
  replyCount: number;

  @Column('timestamptz', { nullable: true })
  lastReplyAt: Date | null;

  /** 1 at creation, +1 per edit or delete; the search outbox version. */
  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { nullable: true })
  deletedById: string | null;

  @Column('timestamptz', { nullable: true })
  pinnedAt: Date | null;

  @Column('uuid', { nullable: true })
  pinnedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
