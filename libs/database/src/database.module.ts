import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@ta/config';
import { dataSourceOptions } from './data-source-options.js';
import { StatementCountingLogger } from './statement-counter.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        autoLoadEntities: true,
        ...(config.COUNT_SQL_STATEMENTS ? { logger: new StatementCountingLogger() } : {}),
      }),
    }),
  ],
})
export class DatabaseModule {}
