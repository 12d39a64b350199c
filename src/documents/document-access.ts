import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError, notFound } from '../common/errors';
import { GroupAccess, GroupsPolicy, hiddenAs } from '../groups/groups.policy';
import { GroupAction } from '../groups/access';
import { Document } from './document.entity';
import { decideDocument, DocumentAction } from './rules';

export interface DocumentAccessResult extends GroupAccess {
  doc: Document;
}

const DENIED: Record<DocumentAction, string> = {
  read: 'You may not read this document',
  edit: 'You may not edit this document',
  delete: 'Only its author or a facilitator can delete this document',
  publish: 'Only facilitators publish meeting summaries; other drafts are published by their author',
  restore: 'Only admins restore deleted documents',
};

/**
 * Document-level access on top of THE group policy: the group check goes through
 * `GroupsPolicy.require`, then `decideDocument` adds drafts and soft deletion. An invisible
 * document answers 404 exactly like a missing one.
 */
@Injectable()
export class DocumentAccess {
  constructor(
    private readonly policy: GroupsPolicy,
    @InjectRepository(Document) private readonly documents: Repository<Document>,
  ) {}

  async group(actor: Actor, groupId: string, action: GroupAction): Promise<GroupAccess> {
    return this.policy.require(actor, groupId, action);
  }

  async require(actor: Actor, documentId: string, action: DocumentAction): Promise<DocumentAccessResult> {
    const doc = await this.documents.findOneBy({ id: documentId });
    if (!doc) throw notFound('Document');
    const access = await this.policy.require(actor, doc.groupId, 'read').catch(hiddenAs('Document'));
    const decision = decideDocument(actor, access.group, access.role, doc, action);
    if (decision === 'hidden') throw notFound('Document');
    if (decision === 'denied') throw new AppError('forbidden', DENIED[action]);
    return { ...access, doc };
  }

  /** What the actor may do with a document they can see, for the `can` block of a view. */
  abilities(actor: Actor, access: GroupAccess, doc: Document): Record<'edit' | 'delete' | 'publish', boolean> {
    const ok = (a: DocumentAction): boolean => decideDocument(actor, access.group, access.role, doc, a) === 'allow';
    return { edit: ok('edit'), delete: ok('delete'), publish: doc.status === 'draft' && ok('publish') };
  }
}
