import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupsService } from '../groups/groups.service';
import { WorkingGroup } from '../groups/working-group.entity';
import { Channel } from './channel.entity';

export const DEFAULT_CHANNEL = 'general';

@Injectable()
export class ChannelsService implements OnModuleInit {
  constructor(private readonly groups: GroupsService) {}

  onModuleInit(): void {
    // Every working group starts with a `general` channel, created in the same transaction.
    this.groups.onGroupCreated((manager, group) => this.createDefault(manager, group));
  }

  private async createDefault(manager: EntityManager, group: WorkingGroup): Promise<void> {
    await manager.insert(Channel, { groupId: group.id, name: DEFAULT_CHANNEL, topic: '', createdById: null });
  }
}
