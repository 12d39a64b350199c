import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SearchableType, SearchDocument } from './search-document';

/**
 * The transactional outbox: written in the same transaction as the change it describes,
 * drained into the search engine by the outbox worker. If the engine is down the write
 * still succeeds and the index catches up later.
 */
@Entity('search_outbox')
@Check('search_outbox_op_check', `"op" IN ('upsert', 'delete')`)
@Index('search_outbox_pending_idx', ['availableAt'], { where: '"processed_at" IS NULL' })
export class OutboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('text')
  entityType: SearchableType;

  @Column('uuid')
  entityId: string;

  /** Monotonic per entity (e.g. the document version, or a message's edit counter). */
  @Column('bigint')
  version: string;

  @Column('text')
  op: 'upsert' | 'delete';

  /** The document to index for `upsert`; null for `delete`. */
  @Column('jsonb', { nullable: true })
  payload: SearchDocument | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt: Date;

  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;
}
