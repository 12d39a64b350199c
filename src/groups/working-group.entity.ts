import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { Visibility } from './group.view';

// The vocabulary belongs to the API contract (group.view.ts); the entity's users import it from here too.
export { VISIBILITIES } from './group.view';
export type { Visibility } from './group.view';

/** A working group, e.g. Technology Watch & Competitive Intelligence. */
@Entity('working_groups')
@Check('working_groups_visibility_check', `"visibility" IN ('open', 'private')`)
export class WorkingGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  slug: string;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text', { default: 'open' })
  visibility: Visibility;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
