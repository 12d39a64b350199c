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
import type { PlatformRole } from '../auth/actor';
import { Organisation } from '../organisations/organisation.entity';
import type { Locale } from './user.view';

// The vocabulary belongs to the API contract (user.view.ts); the entity's users import it from here too.
export { LOCALES } from './user.view';
export type { Locale } from './user.view';

/** A person who can sign in. Email is stored normalised (see common/email.ts). */
@Entity('users')
@Check('users_locale_check', `"locale" IN ('en', 'es', 'eu')`)
@Check('users_role_check', `"role" IN ('admin', 'member')`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  email: string;

  @Column('text')
  displayName: string;

  @Index('users_organisation_id_idx')
  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation | null;

  @Column('text', { default: 'en' })
  locale: Locale;

  @Column('text', { default: 'member' })
  role: PlatformRole;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('text', { select: false })
  passwordHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
