import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { Document } from './document.entity';
import type { ActionItemStatus } from './rules';

/**
 * An action item of a meeting summary, as a first-class row so it can be listed and
 * closed on its own. A person owner also records their organisation at the time, so
 * issue 8 can count the associations that carry actions.
 */
@Entity('action_items')
@Check('action_items_status_check', `"status" IN ('open', 'done', 'dropped')`)
@Check('action_items_owner_check', `"owner_user_id" IS NOT NULL OR "owner_organisation_id" IS NOT NULL`)
@Index('action_items_group_status_idx', ['groupId', 'status'])
@Index('action_items_document_idx', ['documentId'])
export class ActionItem {
  /** Assigned by the service, so a revision snapshot can name the item before it is inserted. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  /** Denormalised from the document, for the per-group list. */
  @Column('uuid')
  groupId: string;

  @Column('int')
  position: number;

  @Column('text')
  description: string;

  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'action_items_owner_user_fk' })
  ownerUser?: User | null;

  @Column('uuid', { nullable: true })
  ownerOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_organisation_id', foreignKeyConstraintName: 'action_items_owner_organisation_fk' })
  ownerOrganisation?: Organisation | null;

  @Column('date', { nullable: true })
  dueDate: string | null;

  @Column('text', { default: 'open' })
  status: ActionItemStatus;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
