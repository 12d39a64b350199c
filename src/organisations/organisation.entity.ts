import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['cluster_association', 'agency', 'academia', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A member organisation: a cluster association, the agency, a university… */
@Entity('organisations')
@Check('organisations_kind_check', `"kind" IN ('cluster_association', 'agency', 'academia', 'other')`)
export class Organisation {
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
