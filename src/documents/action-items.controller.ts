import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/params';
import { ActionItemsService } from './action-items.service';
import { ActionItemView } from './document.view';
import { ListActionItemsQuery, PatchActionItemDto } from './dto/action-item.dto';

@ApiTags('documents')
@Controller()
export class ActionItemsController {
  constructor(private readonly items: ActionItemsService) {}

  @Get('groups/:groupId/action-items')
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('groupId') groupId: string,
    @Query() query: ListActionItemsQuery,
  ): Promise<ActionItemView[]> {
    return this.items.list(actor, groupId, query);
  }

  @Patch('action-items/:id')
  setStatus(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() dto: PatchActionItemDto,
  ): Promise<ActionItemView> {
    return this.items.setStatus(actor, id, dto.status);
  }
}
