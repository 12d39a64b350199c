import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WorkingGroup } from '../groups/working-group.entity';
import { User } from '../users/user.entity';

/** An uploaded file. The bytes live in `FileStorage` under `storageKey`; the type was sniffed. */
@Entity('stored_files')
@Index('stored_files_group_idx', ['groupId'])
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  groupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: WorkingGroup;

  @Column('text', { unique: true })
  storageKey: string;

  @Column('text')
  fileName: string;

  /** Sniffed from the bytes, never taken from the client. */
  @Column('text')
  contentType: string;

  @Column('int')
  sizeBytes: number;

  @Column('text')
  sha256: string;

  @Column('uuid', { nullable: true })
  uploadedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: User | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
