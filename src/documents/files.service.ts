import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, invalid, notFound } from '../common/errors';
import { hiddenAs } from '../groups/groups.policy';
import { DocumentAccess } from './document-access';
import { fileView } from './document-reader';
import { Document } from './document.entity';
import { FileView } from './document.view';
import { extensionOf, fileNameProblem, finalContentType, sniffContentType } from './file-rules';
import { FileStorage, newStorageKey } from './file-storage';
import { handlesFile, KNOWLEDGE_LIMITS, visibleDraftsSql } from './rules';
import { StoredFile } from './stored-file.entity';

/** The part of a multipart upload this service needs (kept small so it is easy to fake). */
export interface UploadPart {
  filename: string;
  /** `truncated` is set by the multipart parser when the file passed the size limit. */
  file: Readable & { truncated?: boolean };
}

const ACCEPTED = 'PDF, office documents (Word, Excel, PowerPoint, OpenDocument) and images (PNG, JPEG, GIF, WebP)';

/** Reads and throws away the rest of an upload we refuse, so the client gets its answer cleanly. */
async function discard(part: UploadPart): Promise<void> {
  await pipeline(part.file, new Writable({ write: (_c, _e, done) => done() })).catch(() => undefined);
}

/**
 * Uploads and downloads. The stored type is sniffed from the bytes and must agree with the
 * file name's extension; a file is served only to those who may read a document that uses
 * it (or who uploaded it, or facilitate the group).
 */
@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly storage: FileStorage,
  ) {}

  async upload(actor: Actor, groupId: string, next: () => Promise<UploadPart | undefined>): Promise<FileView> {
    await this.access.group(actor, groupId, 'contribute');
    const part = await next();
    if (!part) throw invalid('file', 'send the file as multipart/form-data in a field named "file"');
    const problem = fileNameProblem(part.filename, KNOWLEDGE_LIMITS.fileNameChars);
    if (problem) {
      await discard(part);
      throw invalid('file.filename', problem);
    }
    const key = newStorageKey();
    const blob = await this.storage.write(key, part.file);
    try {
      if (part.file.truncated) {
        throw new AppError('payload_too_large', `Files may be at most ${KNOWLEDGE_LIMITS.fileBytes / 1024 / 1024} MB`, [
          { field: 'file', reason: 'too large' },
        ]);
      }
      const sniffed = sniffContentType(blob.head);
      if (!sniffed) {
        throw new AppError('unsupported_media_type', `Only ${ACCEPTED} can be uploaded`, [
          { field: 'file', reason: 'content type not accepted' },
        ]);
      }
      const ext = extensionOf(part.filename);
      if (!sniffed.extensions.includes(ext)) {
        throw new AppError(
          'unsupported_media_type',
          `The file name ends in "${ext ? '.' + ext : '(no extension)'}" but the content is ${sniffed.contentType}; rename it to .${sniffed.extensions[0]}`,
          [{ field: 'file.filename', reason: 'extension does not match the content' }],
        );
      }
      const row = await this.dataSource.manager.save(
        this.dataSource.manager.create(StoredFile, {
          groupId,
          storageKey: key,
          fileName: part.filename.normalize('NFC'),
          contentType: finalContentType(sniffed, part.filename),
          sizeBytes: blob.size,
          sha256: blob.sha256,
          uploadedById: actor.id,
        }),
      );
      return fileView(row);
    } catch (e) {
      await this.storage.remove(key);
      throw e;
    }
  }

  async open(actor: Actor, fileId: string): Promise<{ file: StoredFile; content: Readable }> {
    const file = await this.dataSource.manager.findOneBy(StoredFile, { id: fileId });
    if (!file) throw notFound('File');
    const access = await this.access.group(actor, file.groupId, 'read').catch(hiddenAs('File'));
    if (!handlesFile(actor, access.role, file.uploadedById)) {
      const qb = this.dataSource.manager
        .createQueryBuilder(Document, 'd')
        .where('d.file_id = :fileId AND d.deleted_at IS NULL', { fileId });
      const drafts = visibleDraftsSql(actor, access.role, 'd');
      if (drafts) qb.andWhere(drafts.sql, drafts.params);
      const used = await qb.getExists();
      if (!used) throw notFound('File');
    }
    const content = await this.storage.read(file.storageKey).catch(() => {
      throw new AppError('not_found', 'The file content is missing from storage');
    });
    return { file, content };
  }
}
