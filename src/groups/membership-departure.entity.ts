import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import type { GroupRole } from './membership.entity';
import { WorkingGroup } from './working-group.entity';

/**
 * How a person's last membership of a group ended: the role they held then, and whether a
 * facilitator or admin removed them or they left themselves. Memberships are deleted on
 * leaving (every count and access query reads only current ones), so this is what remembers
 * that an observer or a removed member may not make themselves a member again by re-joining
 * (see `decideSelfJoin`). One row per group and person, overwritten by each departure.
 */
@Entity('membership_departures')
@Check('membership_departures_role_check', `"role" IN ('facilitator', 'member', 'observer')`)
export class MembershipDeparture {
  @PrimaryColumn('uuid')
  groupId: string;

  @Index('membership_departures_user_id_idx')
  @PrimaryColumn('uuid')
  userId: string;

  @Column('text')
  role: GroupRole;

  /** True when a facilitator or admin removed them; false when they left themselves. */
  @Column('boolean')
  removed: boolean;

  @Column('uuid', { nullable: true })
  removedById: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  leftAt: Date;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'removed_by_id' })
  removedBy?: User | null;
}
