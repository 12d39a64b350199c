import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { WorkingGroup } from '../groups/working-group.entity';
import { User } from '../users/user.entity';
import { EVENT_KINDS, EventKind } from './event-rules';

/**
 * A Cluster Day, a thematic workshop (optionally part of a Cluster Day) or a working-group
 * meeting. Events with a group are managed by its facilitators; the others by admins.
 */
@Entity('events')
@Check('events_kind_check', `"kind" IN (${EVENT_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('events_place_check', `"online" OR "place" IS NOT NULL`)
@Index('events_starts_at_idx', ['startsAt'])
@Index('events_group_id_idx', ['groupId'])
@Index('events_parent_id_idx', ['parentId'])
export class AgendaEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: EventKind;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz', { nullable: true })
  endsAt: Date | null;

  @Column('text', { nullable: true })
  place: string | null;

  @Column('boolean', { default: false })
  online: boolean;

  @Column('uuid', { nullable: true })
  groupId: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup | null;

  /** A thematic workshop's Cluster Day. */
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => AgendaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: AgendaEvent | null;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
