import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { Document } from './document.entity';

/**
 * Who attended a meeting: a person (with their organisation at the time) or an
 * organisation without a named person. `count(DISTINCT organisation_id)` over these rows
 * is the participation figure issue 8 reports.
 */
@Entity('meeting_attendees')
@Check('meeting_attendees_someone_check', `"user_id" IS NOT NULL OR "organisation_id" IS NOT NULL`)
@Index('meeting_attendees_document_idx', ['documentId'])
@Index('meeting_attendees_organisation_idx', ['organisationId'])
export class MeetingAttendee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'meeting_attendees_user_fk' })
  user?: User | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'meeting_attendees_organisation_fk' })
  organisation?: Organisation | null;
}
