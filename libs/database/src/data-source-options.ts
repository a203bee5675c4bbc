import type { AppConfig } from '@ta/config';
import type { DataSourceOptions } from 'typeorm';
import { allMigrations } from '../../../migrations/index.js';

/**
 * The one set of connection options shared by the API, the worker and the migration CLI.
 * Entities are registered by each domain module (autoLoadEntities) in the apps and by file pattern in the CLI.
 * `synchronize` is never on: the schema only changes through reviewed migrations.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'CENTER_TIME_ZONE'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations: allMigrations,
    migrationsTableName: 'migrations',
    // Every connection carries the center's time zone, which the SQL reads as center_time_zone() (statements,
    // triggers, the case reference's year): one setting for Node and Postgres (ARCHITECTURE §Contracts).
    extra: { max: 10, options: `-c ta.center_time_zone=${config.CENTER_TIME_ZONE}` },
  };
}
