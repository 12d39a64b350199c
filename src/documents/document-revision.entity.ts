import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';
import { Document } from './document.entity';
import type { RevisionAction, RevisionFields } from './rules';

/** A snapshot taken at every change of a document: who, when, title, body and the other fields. */
@Entity('document_revisions')
@Unique('document_revisions_document_version_key', ['documentId', 'version'])
export class DocumentRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  documentId: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @Column('int')
  version: number;

  /** What made this revision: create, update, publish, restore, delete… */
  @Column('text')
  action: RevisionAction;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('jsonb')
  fields: RevisionFields;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
