import { mkdirSync } from 'node:fs';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config';
import { createPGlitePoolClass } from './pglite-pool';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations/index';
import { SnakeNamingStrategy } from './naming-strategy';

/** Builds the TypeORM options for a PostgreSQL server, or for embedded PGlite without one. */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
  };
  if (config.databaseUrl) {
    return { ...common, url: config.databaseUrl, poolSize: 10, applicationName: 'hilink' };
  }
  if (!config.dataDir.startsWith('memory://')) {
    mkdirSync(config.dataDir, { recursive: true });
  }
  const Pool = createPGlitePoolClass(config.dataDir);

  return { ...common, driver: { Pool }, poolSize: 1 };
}

export function createDataSource(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): DataSource {
  return new DataSource(buildDataSourceOptions(config));
}
