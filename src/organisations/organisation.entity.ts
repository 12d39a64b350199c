import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationKind, OrganisationView } from './organisation.view';

// The vocabulary belongs to the API contract (organisation.view.ts); the entity's users import it from here too.
export { ORGANISATION_KINDS } from './organisation.view';
export type { OrganisationKind } from './organisation.view';

/** A member organisation: a cluster association, the agency, a university… */
@Entity('organisations')
@Check('organisations_kind_check', `"kind" IN ('cluster_association', 'agency', 'academia', 'other')`)
export class Organisation implements OrganisationView {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: OrganisationKind;

  @Column('text', { unique: true })
  name: string;

  @Column('text')
  shortName: string;

  @Column('text', { nullable: true })
  sector: string | null;

  @Column('text', { nullable: true })
  website: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
