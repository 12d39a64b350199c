import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { DomainEvents } from '../domain-events/domain-events';
import { WorkingGroup } from '../groups/working-group.entity';
import { Document } from './document.entity';
import { writeSearchChange } from './document-search-change';
import { readState } from './document-state';

/**
 * Permission-relevant changes that do not touch a document still reach search: when a
 * group's visibility changes, every published document in it is re-announced (same
 * version, new `visibility`) in the transaction that changed the group.
 */
@Injectable()
export class DocumentSearchHooks implements OnModuleInit {
  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.onInTransaction('group.changed', ({ group, before }, manager) =>
      this.groupChanged(manager, group, before),
    );
  }

  private async groupChanged(manager: EntityManager, group: WorkingGroup, before: WorkingGroup): Promise<void> {
    if (group.visibility === before.visibility) return;
    const docs = await manager.find(Document, {
      where: { groupId: group.id, status: 'published', deletedAt: IsNull() },
    });
    for (const doc of docs) await writeSearchChange(manager, doc, await readState(manager, doc));
  }
}
