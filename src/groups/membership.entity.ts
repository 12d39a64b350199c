import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { WorkingGroup } from './working-group.entity';

import type { GroupRole } from './group.view';

// The vocabulary belongs to the API contract (group.view.ts); the entity's users import it from here too.
export { GROUP_ROLES } from './group.view';
export type { GroupRole } from './group.view';

/** A person's role in one working group. */
@Entity('memberships')
@Check('memberships_role_check', `"role" IN ('facilitator', 'member', 'observer')`)
export class Membership {
  @PrimaryColumn('uuid')
  groupId: string;

  @Index('memberships_user_id_idx')
  @PrimaryColumn('uuid')
  userId: string;

  @Column('text')
  role: GroupRole;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
