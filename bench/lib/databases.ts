// Benchmark databases: created for one scenario and dropped after it (no vitest here, so no shared template).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/adapters/db/database.ts';

/** The bench reads its own environment, like the tests (src/config.ts knows nothing of benchmarks). */
export function postgresAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty PostgreSQL database named `plot_trivia_bench_<label>_<random>`. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `plot_trivia_bench_${label}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabaseName(postgresAdminUrl(), name),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** A fresh, migrated PostgreSQL database opened through the bot's own factory; `close()` also drops it. */
export async function freshPostgres(label: string, poolSize = 10): Promise<Database & { url: string }> {
  const scratch = await createScratchDatabase(label);
  try {
    const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize });
    await database.migrate();
    const close = database.close.bind(database);
    return Object.assign(database, {
      url: scratch.url,
      async close() {
        await close();
        await scratch.drop();
      },
    });
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** A fresh, migrated in-memory PGlite. */
export async function freshPglite(): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  return database;
}

export async function postgresVersion(): Promise<string> {
  return admin(async (client) => {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  });
}
