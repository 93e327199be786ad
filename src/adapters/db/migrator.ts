import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlRunner } from './sql-runner.ts';

// The same lock id Prisma's schema engine takes, so our migrator and `prisma migrate deploy` exclude each other.
const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

// Copied from the native schema engine, so either tool can read and write the history the other wrote.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const SELECT_HISTORY =
  'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at';

export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
  /** Applied migrations whose file changed since (Prisma warns about these too). */
  modified: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName?: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

export async function readMigrations(migrationsDir: string): Promise<Migration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    }),
  );
}

interface MigrationRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

/**
 * Applies pending migrations the way `prisma migrate deploy` does: under Prisma's advisory lock, one implicit
 * transaction per migration, every attempt recorded in `_prisma_migrations`, and a failed one blocking the next run.
 * The usual start, every migration already applied, is one read and no lock.
 */
export async function applyMigrations(runner: SqlRunner, migrations: Migration[]): Promise<MigrationReport> {
  return (await reportIfUpToDate(runner, migrations)) ?? applyLocked(runner, migrations);
}

/**
 * The report when every migration is recorded as finished and none is failed or in progress; otherwise undefined
 * (also when the history table does not exist yet). Without the lock this only reads: anything to write, or a row
 * another process may still be applying, goes through the locked path, which waits for that process.
 */
async function reportIfUpToDate(
  runner: SqlRunner,
  migrations: Migration[],
): Promise<MigrationReport | undefined> {
  let rows: MigrationRow[];
  try {
    rows = await runner.query<MigrationRow>(SELECT_HISTORY);
  } catch {
    return undefined;
  }
  if (rows.some((row) => row.finished_at === null && row.rolled_back_at === null)) return undefined;
  const { report, pending } = reportAgainst(rows, migrations);
  return pending.length === 0 ? report : undefined;
}

/** What is already applied (and modified since), and what is still to apply, in order. */
function reportAgainst(
  rows: MigrationRow[],
  migrations: Migration[],
): { report: MigrationReport; pending: Migration[] } {
  const finished = new Map(
    rows
      .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
      .map((row) => [row.migration_name, row]),
  );
  const report: MigrationReport = { applied: [], alreadyApplied: [], modified: [] };
  const pending: Migration[] = [];
  for (const migration of migrations) {
    const done = finished.get(migration.name);
    if (!done) {
      pending.push(migration);
      continue;
    }
    report.alreadyApplied.push(migration.name);
    if (done.checksum !== migration.checksum) report.modified.push(migration.name);
  }
  return { report, pending };
}

async function applyLocked(runner: SqlRunner, migrations: Migration[]): Promise<MigrationReport> {
  return runner.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
    try {
      return await applyUnderLock(session, migrations);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
    }
  });
}

async function applyUnderLock(session: SqlRunner, migrations: Migration[]): Promise<MigrationReport> {
  await session.exec(CREATE_MIGRATIONS_TABLE);
  const rows = await session.query<MigrationRow>(SELECT_HISTORY);
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration "${failed.migration_name}" failed earlier and blocks new migrations (as in Prisma's P3009). ` +
        `Fix the database, then mark it rolled back: UPDATE "_prisma_migrations" SET rolled_back_at = now() ` +
        `WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL; ` +
        `(or 'prisma migrate resolve --rolled-back ${failed.migration_name}' with the native CLI). ` +
        `Its error was: ${firstLine(failed.logs)}`,
      failed.migration_name,
    );
  }
  const { report, pending } = reportAgainst(rows, migrations);
  for (const migration of pending) {
    await applyOne(session, migration);
    report.applied.push(migration.name);
  }
  return report;
}

async function applyOne(session: SqlRunner, migration: Migration): Promise<void> {
  const id = randomUUID();
  await session.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    await session.exec(migration.script);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await session.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [
      id,
      `Migration ${migration.name} failed: ${message}`,
    ]);
    throw new MigrationError(`Migration "${migration.name}" failed: ${message}`, migration.name);
  }
  await session.query(
    'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
    [id],
  );
}

function firstLine(text: string | null): string {
  return (text ?? 'no log recorded').split('\n')[0] ?? '';
}
