import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuzolanDataSource } from './data-source';

/**
 * Hands the already-opened, already-migrated data source to Nest. Opening happens in
 * main.ts, before Nest starts, so a bad DATABASE_URL fails with one clear line.
 */
@Module({})
export class DatabaseModule {
  static forRoot(dataSource: AuzolanDataSource): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
      ],
    };
  }
}
