import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SearchableType } from '../search-document';

/**
 * The Postgres engine's index: one row per searchable entity, filled only by the outbox
 * worker. Deleted entities stay as tombstones (with their version) so a late, older update
 * cannot bring them back. `tsv` and `title_folded` are computed in SQL at write time.
 * There is deliberately no index on group: every search starts from a text index, and
 * the group filter is applied to its (bounded) matches.
 */
@Entity('search_entries')
@Index('search_entries_tsv_idx', { synchronize: false })
@Index('search_entries_title_trgm_idx', { synchronize: false })
export class SearchEntry {
  @PrimaryColumn('text')
  type: SearchableType;

  @PrimaryColumn('uuid')
  id: string;

  @Column('bigint')
  version: string;

  @Column('boolean', { default: false })
  deleted: boolean;

  @Column('uuid', { nullable: true })
  groupId: string | null;

  @Column('text', { default: '' })
  kind: string;

  @Column('text', { default: '' })
  title: string;

  @Column('text', { default: '' })
  body: string;

  @Column('text', { array: true, default: '{}' })
  tags: string[];

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Column('text', { nullable: true })
  language: string | null;

  @Column('text', { default: '' })
  url: string;

  @Column('jsonb', { nullable: true })
  extra: Record<string, string> | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;

  @Column('tsvector', { select: false })
  tsv: string;

  /** Lower-cased, accent-folded title and tags, for typo-tolerant trigram matching. */
  @Column('text', { default: '', select: false })
  titleFolded: string;

  /** Rebuild generation: rows not rewritten by the latest rebuild are removed at its end. */
  @Column('bigint', { default: 0 })
  generation: string;
}
