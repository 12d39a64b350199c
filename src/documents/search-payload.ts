import { plainText } from '../markdown/plain-text';
import type { SearchDocument } from '../search/search-document';
import type { Document } from './document.entity';
import { documentRoute, RevisionFields } from './rules';

export interface PayloadContext {
  organisationId: string | null;
  visibility: string;
  fileName: string | null;
  actionItems: RevisionFields['actionItems'];
}

/**
 * The document as search indexes it, built here so search never imports this feature.
 * Kind-specific text goes in `extra`; `visibility` lets an engine that stores it react to
 * a group turning private.
 */
export function toSearchDocument(doc: Document, ctx: PayloadContext): SearchDocument {
  const extra: Record<string, string> = { status: doc.status, visibility: ctx.visibility };
  if (doc.publisher) extra.publisher = doc.publisher;
  if (doc.sourceUrl) extra.sourceUrl = doc.sourceUrl;
  if (doc.sourcePublishedAt) extra.publishedAt = doc.sourcePublishedAt;
  if (doc.relevance !== null) extra.relevance = String(doc.relevance);
  if (doc.meetingDate) extra.meetingDate = doc.meetingDate;
  if (doc.decisionsHtml.length) extra.decisions = doc.decisionsHtml.map(plainText).join('\n');
  if (ctx.actionItems.length) extra.actionItems = ctx.actionItems.map((a) => a.description).join('\n');
  if (doc.linkUrl) extra.linkUrl = doc.linkUrl;
  if (ctx.fileName) extra.fileName = ctx.fileName;
  if (doc.templateFor) extra.templateFor = doc.templateFor;
  return {
    type: 'document',
    id: doc.id,
    groupId: doc.groupId,
    kind: doc.kind,
    title: doc.title,
    // What readers see, so a snippet never quotes markdown.
    body: plainText(doc.bodyHtml),
    tags: doc.tags,
    authorId: doc.authorId,
    organisationId: ctx.organisationId,
    language: null,
    url: documentRoute(doc.groupId, doc.id),
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
    extra,
  };
}
