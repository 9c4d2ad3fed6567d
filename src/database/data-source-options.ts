import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    // The schema is owned by migrations/ alone, in every environment.
    uuidExtension: 'pgcrypto',
    // Extensions are created by migrations, not on every connection (which needs a superuser).
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
  };
}
