import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config';
import { GroupsModule } from '../groups/groups.module';
import { MarkdownModule } from '../markdown/markdown.module';
import { ActionItem } from './action-item.entity';
import { ActionItemsController } from './action-items.controller';
import { ActionItemsService } from './action-items.service';
import { DocumentAccess } from './document-access';
import { DocumentLink } from './document-link.entity';
import { DocumentListsService } from './document-lists.service';
import { DocumentOrganisation } from './document-organisation.entity';
import { DocumentReader } from './document-reader';
import { DocumentRevision } from './document-revision.entity';
import { DocumentWriter } from './document-writer';
import { Document } from './document.entity';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { FileStorage, LocalFileStorage } from './file-storage';
import { FilesController } from './files.controller';
import { FilesService } from './files.service';
import { KnowledgeChecks } from './knowledge-checks';
import { MeetingAttendee } from './meeting-attendee.entity';
import { PreviewController } from './preview.controller';
import { PublicationAnnouncer } from './publication';
import { RevisionsController } from './revisions.controller';
import { RevisionsService } from './revisions.service';
import { DocumentSearchHooks } from './search-hooks';
import { DocumentSearchSource } from './search-source';
import { StoredFile } from './stored-file.entity';
import { WikiLinker } from './wiki-linker';

/** The shared knowledge store: pages, CI notes, meeting summaries, resources, and their history. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Document,
      DocumentRevision,
      DocumentLink,
      DocumentOrganisation,
      MeetingAttendee,
      ActionItem,
      StoredFile,
    ]),
    GroupsModule,
    MarkdownModule,
  ],
  controllers: [DocumentsController, RevisionsController, ActionItemsController, FilesController, PreviewController],
  providers: [
    DocumentAccess,
    DocumentReader,
    DocumentWriter,
    WikiLinker,
    KnowledgeChecks,
    PublicationAnnouncer,
    DocumentsService,
    DocumentListsService,
    RevisionsService,
    ActionItemsService,
    FilesService,
    DocumentSearchHooks,
    DocumentSearchSource,
    {
      provide: FileStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalFileStorage(join(config.dataDir, 'files')),
    },
  ],
  exports: [DocumentWriter],
})
export class DocumentsModule {}
