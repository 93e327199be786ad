import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/adapters/db/database.ts';
import { postgresAdminUrl, templateDatabaseName, withDatabaseName } from './postgres-urls.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresTemplate: { adminUrl: string; template: string } | { unavailable: string };
  }
}

/** Migrates once per run: a PGlite dump and a PostgreSQL template database, which every test file clones. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'plot-trivia-test-'));
  const pgliteDumpPath = path.join(tempDir, 'migrated.tar.gz');
  const embedded = await openDatabase({ kind: 'pglite-memory' });
  await embedded.migrate();
  const dump = await embedded.pglite!.dumpDataDir('gzip');
  await writeFile(pgliteDumpPath, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();
  project.provide('pgliteDumpPath', pgliteDumpPath);

  const adminUrl = postgresAdminUrl();
  const template = templateDatabaseName();
  const reachable = await createTemplate(adminUrl, template);
  project.provide(
    'postgresTemplate',
    reachable === true ? { adminUrl, template } : { unavailable: reachable },
  );

  return async () => {
    await rm(tempDir, { recursive: true, force: true });
    if (reachable === true) await dropDatabase(adminUrl, template);
  };
}

async function createTemplate(adminUrl: string, template: string): Promise<true | string> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    return `${new URL(adminUrl).host}: ${(error as Error).message}`;
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const database = await openDatabase({
    kind: 'postgres',
    url: withDatabaseName(adminUrl, template),
    poolSize: 2,
  });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return true;
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
