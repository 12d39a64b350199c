import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** An in-app notification for one person: a mention, a published meeting summary… */
@Entity('notifications')
@Index('notifications_user_created_idx', ['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** e.g. `mention`, `summary_published`. */
  @Column('text')
  kind: string;

  @Column('uuid', { nullable: true })
  groupId: string | null;

  /** The message or document the notification is about. */
  @Column('uuid', { nullable: true })
  subjectId: string | null;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  body: string;

  /** Where the client should go (a client route, not an API path). */
  @Column('text', { nullable: true })
  url: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
