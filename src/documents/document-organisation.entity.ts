import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { Document } from './document.entity';

/** The organisations a CI note concerns (`organisationsConcerned`). */
@Entity('document_organisations')
@Index('document_organisations_organisation_idx', ['organisationId'])
export class DocumentOrganisation {
  @PrimaryColumn('uuid')
  documentId: string;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'document_organisations_organisation_fk' })
  organisation?: Organisation;
}
