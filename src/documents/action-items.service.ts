import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../auth/actor';
import { notFound } from '../common/errors';
import { hiddenAs } from '../groups/groups.policy';
import { ActionItem } from './action-item.entity';
import { DocumentAccess } from './document-access';
import { actionItemView } from './document-reader';
import { ActionItemView } from './document.view';
import { readState } from './document-state';
import { DocumentWriter } from './document-writer';
import { DocumentsService } from './documents.service';
import { ListActionItemsQuery } from './dto/action-item.dto';
import { ActionItemStatus, visibleDraftsSql } from './rules';

/**
 * Action items as first-class rows: listed per group across summaries, and closed one by
 * one. Changing a status is a change of its meeting summary (new version and revision), so
 * a later save from a stale copy of the summary answers 409 instead of undoing it.
 */
@Injectable()
export class ActionItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DocumentAccess,
    private readonly writer: DocumentWriter,
    private readonly documents: DocumentsService,
  ) {}

  async list(actor: Actor, groupId: string, q: ListActionItemsQuery): Promise<ActionItemView[]> {
    const access = await this.access.group(actor, groupId, 'read');
    const qb = this.dataSource.manager
      .createQueryBuilder(ActionItem, 'i')
      .innerJoin('i.document', 'd')
      .leftJoinAndSelect('i.ownerUser', 'ou')
      .leftJoinAndSelect('i.ownerOrganisation', 'oo')
      .where('i.group_id = :groupId AND d.deleted_at IS NULL', { groupId })
      .orderBy('i.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('d.meeting_date', 'DESC', 'NULLS LAST')
      .addOrderBy('i.position', 'ASC');
    const drafts = visibleDraftsSql(actor, access.role, 'd');
    if (drafts) qb.andWhere(drafts.sql, drafts.params);
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.owner) {
      qb.andWhere('(i.owner_user_id = :owner OR i.owner_organisation_id = :owner)', { owner: q.owner });
    }
    if (q.documentId) qb.andWhere('i.document_id = :documentId', { documentId: q.documentId });
    return (await qb.getMany()).map(actionItemView);
  }

  async setStatus(actor: Actor, id: string, status: ActionItemStatus): Promise<ActionItemView> {
    const item = await this.dataSource.manager.findOneBy(ActionItem, { id });
    if (!item) throw notFound('Action item');
    // Hidden with its summary: a 404 names the action item, not the document.
    await this.access.require(actor, item.documentId, 'read').catch(hiddenAs('Action item'));
    // Observers read action items; members and facilitators close them.
    await this.access.group(actor, item.groupId, 'contribute');
    await this.documents.change(actor, item.documentId, undefined, async (manager, locked) => {
      const state = await readState(manager, locked);
      state.actionItems = state.actionItems.map((a) => (a.id === id ? { ...a, status } : a));
      return this.writer.save(manager, locked, { action: 'action_item', actorId: actor.id, state });
    });
    const fresh = await this.dataSource.manager.findOneOrFail(ActionItem, {
      where: { id },
      relations: { ownerUser: true, ownerOrganisation: true },
    });
    return actionItemView(fresh);
  }
}
