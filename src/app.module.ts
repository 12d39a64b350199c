import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CacheModule } from './cache/cache.module';
import { ChannelsModule } from './channels/channels.module';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { AuzolanDataSource } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DocumentsModule } from './documents/documents.module';
import { DomainEventsModule } from './domain-events/domain-events.module';
import { EventsModule } from './events/events.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MeModule } from './me/me.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ParticipationModule } from './participation/participation.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SearchModule } from './search/search.module';
import { SurveysModule } from './surveys/surveys.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: AuzolanDataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(dataSource),
        CacheModule,
        DomainEventsModule,
        RealtimeModule,
        AuthModule,
        OrganisationsModule,
        UsersModule,
        GroupsModule,
        MeModule,
        ChannelsModule,
        DocumentsModule,
        EventsModule,
        SurveysModule,
        ParticipationModule,
        NotificationsModule,
        SearchModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
