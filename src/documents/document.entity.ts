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
import { WorkingGroup } from '../groups/working-group.entity';
import { User } from '../users/user.entity';
import { DOCUMENT_KINDS, DocumentKind, DocumentStatus } from './rules';
import { StoredFile } from './stored-file.entity';

/**
 * One piece of a working group's shared knowledge: a wiki page, a CI note, a meeting
 * summary or a resource. Kind-specific columns are null for the other kinds. `version`
 * counts every change (each has a row in `document_revisions`) and orders search updates.
 */
@Entity('documents')
@Check('documents_kind_check', `"kind" IN (${DOCUMENT_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('documents_status_check', `"status" IN ('draft', 'published')`)
@Check('documents_relevance_check', `"relevance" IS NULL OR "relevance" BETWEEN 1 AND 5`)
@Check('documents_template_for_check', `"template_for" IS NULL OR "kind" = 'page'`)
@Index('documents_group_kind_idx', ['groupId', 'kind'])
@Index('documents_group_title_key_idx', ['groupId', 'titleKey'])
@Index('documents_group_source_key_idx', ['groupId', 'sourceUrlKey'])
@Index('documents_parent_id_idx', ['parentId'])
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  groupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup;

  @Column('text')
  kind: DocumentKind;

  @Column('text')
  status: DocumentStatus;

  @Column('text')
  title: string;

  /** Normalised title that `[[Page title]]` links match against. */
  @Column('text')
  titleKey: string;

  @Column('text', { default: '' })
  body: string;

  /** The body rendered by THE renderer, stored beside the source. */
  @Column('text', { default: '' })
  bodyHtml: string;

  @Column('text', { array: true, default: () => "'{}'" })
  tags: string[];

  /** Pages form a tree per group. */
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => Document, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Document | null;

  /** When set, this page is a template for documents of that kind. */
  @Column('text', { nullable: true })
  templateFor: DocumentKind | null;

  @Column('int', { default: 1 })
  version: number;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User | null;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  // ci_note
  @Column('text', { nullable: true })
  sourceUrl: string | null;

  /** `sourceUrl` normalised, to warn about a second note on the same source. */
  @Column('text', { nullable: true })
  sourceUrlKey: string | null;

  @Column('text', { nullable: true })
  publisher: string | null;

  /** When the source was published (a CI note's `publishedAt`). */
  @Column('date', { nullable: true })
  sourcePublishedAt: string | null;

  @Column('smallint', { nullable: true })
  relevance: number | null;

  // meeting_summary
  @Column('date', { nullable: true })
  meetingDate: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  decisions: string[];

  /** Each decision rendered by THE renderer. */
  @Column('text', { array: true, default: () => "'{}'" })
  decisionsHtml: string[];

  // resource
  @Column('text', { nullable: true })
  linkUrl: string | null;

  @Column('uuid', { nullable: true })
  fileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'documents_file_fk' })
  file?: StoredFile | null;

  // lifecycle
  @Column('timestamptz', { nullable: true })
  publishedInGroupAt: Date | null;

  @Column('uuid', { nullable: true })
  publishedById: string | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { nullable: true })
  deletedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
