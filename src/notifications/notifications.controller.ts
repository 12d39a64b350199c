import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ListNotificationsQuery, MarkNotificationsReadDto } from './dto/notifications.dto';
import type { NotificationList, NotificationsReadResult } from './notification.view';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<NotificationList> {
    return this.notifications.list(actor, query);
  }

  @Post('read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Body() dto: MarkNotificationsReadDto): Promise<NotificationsReadResult> {
    return this.notifications.markRead(actor, dto.ids);
  }
}
