import type { Config } from '../../config.ts';
import type { DatabaseOptions } from './database.ts';

export function databaseOptions(config: Config): DatabaseOptions {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { kind: 'pglite', dataDir: config.dataDir };
}
