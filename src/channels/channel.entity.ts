import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkingGroup } from '../groups/working-group.entity';

/** A realtime channel in a working group; `lastSeq` is the last message sequence number used. */
@Entity('channels')
@Unique('channels_group_name_key', ['groupId', 'name'])
export class Channel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  groupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  topic: string;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @Column('bigint', { default: 0 })
  lastSeq: string;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
