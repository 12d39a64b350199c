import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { DocumentListsService } from './document-lists.service';
import type { DocumentList, DocumentSummary, DocumentView, SavedDocument, TagCount } from './document.view';
import { DocumentsService } from './documents.service';
import { CreateDocumentDto, MoveDocumentDto, UpdateDocumentDto } from './dto/document.dto';
import { ListDocumentsQuery } from './dto/list.dto';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly lists: DocumentListsService,
  ) {}

  @Get('groups/:groupId/documents')
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Query() query: ListDocumentsQuery,
  ): Promise<DocumentList> {
    return this.lists.list(actor, groupId, query);
  }

  @Post('groups/:groupId/documents')
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Body() dto: CreateDocumentDto,
  ): Promise<SavedDocument> {
    return this.documents.create(actor, groupId, dto);
  }

  @Get('groups/:groupId/tags')
  tags(@CurrentActor() actor: Actor, @UuidParam('groupId') groupId: string): Promise<TagCount[]> {
    return this.lists.tags(actor, groupId);
  }

  @Get('groups/:groupId/templates')
  templates(@CurrentActor() actor: Actor, @UuidParam('groupId') groupId: string): Promise<DocumentSummary[]> {
    return this.lists.templates(actor, groupId);
  }

  @Get('documents/:id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DocumentView> {
    return this.documents.get(actor, id);
  }

  @Put('documents/:id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: UpdateDocumentDto,
  ): Promise<SavedDocument> {
    return this.documents.update(actor, id, dto);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.documents.remove(actor, id);
  }

  @Post('documents/:id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DocumentView> {
    return this.documents.publish(actor, id);
  }

  /** Admins bring back a soft-deleted document. */
  @Post('documents/:id/restore')
  @HttpCode(200)
  undelete(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DocumentView> {
    return this.documents.undelete(actor, id);
  }

  @Post('documents/:id/move')
  @HttpCode(200)
  move(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: MoveDocumentDto): Promise<DocumentView> {
    return this.documents.move(actor, id, dto);
  }

  @Get('documents/:id/backlinks')
  backlinks(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<DocumentSummary[]> {
    return this.lists.backlinks(actor, id);
  }
}
