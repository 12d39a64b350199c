import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { NotificationTriggers } from './notification-triggers';

@Module({
  imports: [TypeOrmModule.forFeature([Notification]), GroupsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationTriggers],
  exports: [NotificationsService],
})
export class NotificationsModule {}
