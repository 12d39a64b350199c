import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { User } from '../users/user.entity';
import { ActionItem } from './action-item.entity';
import { DocumentOrganisation } from './document-organisation.entity';
import { Document } from './document.entity';
import { ActionItemView, DocumentSummary, DocumentView, FileView, OrganisationRef, PersonRef } from './document.view';
import { MeetingAttendee } from './meeting-attendee.entity';
import { StoredFile } from './stored-file.entity';

export const personRef = (u: Pick<User, 'id' | 'displayName' | 'organisationId'>): PersonRef => ({
  id: u.id,
  displayName: u.displayName,
  organisationId: u.organisationId,
});

export const orgRef = (o: Pick<Organisation, 'id' | 'name' | 'shortName'>): OrganisationRef => ({
  id: o.id,
  name: o.name,
  shortName: o.shortName,
});

export const fileView = (f: StoredFile): FileView => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.sizeBytes,
  sha256: f.sha256,
  downloadUrl: `/api/files/${f.id}`,
  createdAt: f.createdAt,
});

export function actionItemView(i: ActionItem): ActionItemView {
  const owner: ActionItemView['owner'] = i.ownerUser
    ? { type: 'user', ...personRef(i.ownerUser) }
    : { type: 'organisation', ...orgRef(i.ownerOrganisation!) };
  return {
    id: i.id,
    documentId: i.documentId,
    groupId: i.groupId,
    description: i.description,
    owner,
    organisationId: i.ownerOrganisationId,
    dueDate: i.dueDate,
    status: i.status,
    updatedAt: i.updatedAt,
  };
}

/** Builds the API's views of documents (reads only; access is checked by the caller). */
@Injectable()
export class DocumentReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  summary(d: Document, people: Map<string, User>): DocumentSummary {
    const author = d.authorId ? people.get(d.authorId) : undefined;
    const s: DocumentSummary = {
      id: d.id,
      groupId: d.groupId,
      kind: d.kind,
      status: d.status,
      title: d.title,
      tags: d.tags,
      version: d.version,
      parentId: d.parentId,
      templateFor: d.templateFor,
      author: author ? personRef(author) : null,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      publishedInGroupAt: d.publishedInGroupAt,
    };
    if (d.deletedAt) s.deletedAt = d.deletedAt;
    if (d.kind === 'ci_note') {
      Object.assign(s, {
        sourceUrl: d.sourceUrl,
        publisher: d.publisher,
        publishedAt: d.sourcePublishedAt,
        relevance: d.relevance,
      });
    }
    if (d.kind === 'meeting_summary') s.meetingDate = d.meetingDate;
    if (d.kind === 'resource') Object.assign(s, { linkUrl: d.linkUrl, fileId: d.fileId });
    return s;
  }

  async people(ids: Array<string | null>): Promise<Map<string, User>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const users = await this.dataSource.manager.find(User, {
      where: { id: In(wanted) },
      select: { id: true, displayName: true, organisationId: true },
    });
    return new Map(users.map((u) => [u.id, u]));
  }

  async summaries(docs: Document[]): Promise<DocumentSummary[]> {
    const people = await this.people(docs.map((d) => d.authorId));
    return docs.map((d) => this.summary(d, people));
  }

  async view(d: Document, can: DocumentView['can']): Promise<DocumentView> {
    const m = this.dataSource.manager;
    const people = await this.people([d.authorId, d.publishedById]);
    const publisher = d.publishedById ? people.get(d.publishedById) : undefined;
    const view: DocumentView = {
      ...this.summary(d, people),
      body: d.body,
      bodyHtml: d.bodyHtml,
      isTemplate: d.templateFor !== null,
      publishedBy: publisher ? personRef(publisher) : null,
      can,
    };
    if (d.kind === 'ci_note') {
      const rows = await m.find(DocumentOrganisation, {
        where: { documentId: d.id },
        relations: { organisation: true },
      });
      view.organisationsConcerned = rows
        .map((r) => orgRef(r.organisation!))
        .sort((a, b) => a.name.localeCompare(b.name));
    }
    if (d.kind === 'meeting_summary') {
      const attendees = await m.find(MeetingAttendee, {
        where: { documentId: d.id },
        relations: { user: true, organisation: true },
      });
      view.attendees = {
        users: attendees.filter((a) => a.user).map((a) => personRef(a.user!)),
        organisations: attendees.filter((a) => !a.user && a.organisation).map((a) => orgRef(a.organisation!)),
      };
      view.decisions = d.decisions;
      view.decisionsHtml = d.decisionsHtml;
      const items = await m.find(ActionItem, {
        where: { documentId: d.id },
        relations: { ownerUser: true, ownerOrganisation: true },
        order: { position: 'ASC' },
      });
      view.actionItems = items.map(actionItemView);
    }
    if (d.kind === 'resource') {
      const file = d.fileId ? await m.findOneBy(StoredFile, { id: d.fileId }) : null;
      view.file = file ? fileView(file) : null;
    }
    return view;
  }
}
