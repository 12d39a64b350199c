import type { MultipartFile } from '@fastify/multipart';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AppError } from '../common/errors';
import { UuidParam } from '../common/params';
import { FileView } from './document.view';
import { contentDisposition } from './file-rules';
import { FilesService } from './files.service';
import { KNOWLEDGE_LIMITS } from './rules';

@ApiTags('documents')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** Uploads one file (multipart field `file`); attach it with a `resource` document's `fileId`. */
  @Post('groups/:groupId/files')
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Req() request: FastifyRequest,
  ): Promise<FileView> {
    if (!request.isMultipart()) {
      throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file"');
    }
    const next = async (): Promise<MultipartFile | undefined> =>
      request.file({
        preservePath: true,
        limits: { fileSize: KNOWLEDGE_LIMITS.fileBytes, files: 1, fields: 0, parts: 1 },
      });
    return this.files.upload(actor, groupId, next);
  }

  /** The file as an attachment, never rendered inline, and never sniffed by the browser. */
  @Get('files/:fileId')
  async download(
    @CurrentActor() actor: Actor,
    @UuidParam('fileId') fileId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { file, content } = await this.files.open(actor, fileId);
    await reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(content);
  }
}
