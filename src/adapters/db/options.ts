import type { Config } from '../../config.ts';
import type { Database, DatabaseOptions } from './database.ts';

export function databaseOptions(config: Config): DatabaseOptions {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/**
 * Answers per statement (the game service's group commit across games). A PostgreSQL server writes a few hundred
 * answers in tens of milliseconds in its own process; PGlite runs each statement on the bot's thread, so its writes
 * stay short enough not to delay the acknowledgements waiting behind them.
 */
export function answersPerWrite(kind: Database['kind']): number {
  return kind === 'postgres' ? 200 : 10;
}
