import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Document } from './document.entity';

/**
 * A `[[Page title]]` link from one document to a title in its group. `targetId` is the
 * document the title resolves to now (null while no such page exists), which is what
 * backlinks read; the title key lets a page created or renamed later pick its links up.
 */
@Entity('document_links')
@Index('document_links_target_idx', ['targetId'])
@Index('document_links_group_key_idx', ['groupId', 'targetKey'])
export class DocumentLink {
  @PrimaryColumn('uuid')
  sourceId: string;

  @PrimaryColumn('text')
  targetKey: string;

  @ManyToOne(() => Document, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Document;

  @Column('uuid')
  groupId: string;

  @Column('uuid', { nullable: true })
  targetId: string | null;

  @ManyToOne(() => Document, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_id' })
  target?: Document | null;
}
