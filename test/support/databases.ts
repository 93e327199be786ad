import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/adapters/db/database.ts';
import { postgresRequired, withDatabaseName } from './postgres-urls.ts';

export type DatabaseKind = 'pglite' | 'postgres';

let warned = false;

/** A fresh, migrated database of each kind, cloned from the run's template (PGlite dump / PostgreSQL template). */
export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    const dump = await readFile(inject('pgliteDumpPath'));
    return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([dump]) });
  }
  const template = inject('postgresTemplate');
  if ('unavailable' in template) throw new Error(`PostgreSQL unavailable: ${template.unavailable}`);
  const name = `plot_trivia_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({
    kind: 'postgres',
    url: withDatabaseName(template.adminUrl, name),
    poolSize: 10,
  });
  const close = database.close.bind(database);
  return Object.assign(database, {
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: template.adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  });
}

/** Kinds to run against: both, except PostgreSQL when it does not answer and REQUIRE_POSTGRES is not set. */
export function databaseKinds(): DatabaseKind[] {
  const template = inject('postgresTemplate');
  if ('unavailable' in template) {
    if (postgresRequired())
      throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL is unavailable: ${template.unavailable}`);
    if (!warned) {
      warned = true;
      console.warn(
        `\n!!! PostgreSQL is not reachable (${template.unavailable}): the PostgreSQL half of the database tests ` +
          `is SKIPPED. Set TEST_DATABASE_URL, or REQUIRE_POSTGRES=1 to make this an error.\n`,
      );
    }
    return ['pglite'];
  }
  return ['pglite', 'postgres'];
}

/**
 * Runs the same suite against every available database. `use()` inside the suite returns this file's database,
 * created once (migrations included) before the suite and dropped after it.
 */
export function describeEachDatabase(
  name: string,
  suite: (use: () => Database, kind: DatabaseKind) => void,
): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await freshDatabase(kind);
      });
      afterAll(async () => {
        await database?.close();
      });
      suite(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, kind);
    });
  }
}
