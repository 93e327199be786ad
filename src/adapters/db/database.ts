import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations, readMigrations, type MigrationReport } from './migrator.ts';
import { MIGRATIONS_DIR } from './paths.ts';
import { pgliteRunner, pgPoolRunner, type SqlRunner } from './sql-runner.ts';

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; dataDir: string }
  /** In memory, for tests: optionally started from a dump of an already migrated database. */
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  readonly sql: SqlRunner;
  /** A human description without credentials, for logs. */
  readonly description: string;
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
  /** The embedded instance, when there is one (tests dump it to start others fast). */
  readonly pglite?: PGlite;
}

/** One code path above this: the rest of the bot sees a Prisma client and a SQL runner, whichever database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize);
  const lock = options.kind === 'pglite' ? lockDataDir(options.dataDir) : undefined;
  try {
    const pglite =
      options.kind === 'pglite'
        ? await PGlite.create({ dataDir: options.dataDir })
        : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const sql = pgliteRunner(pglite);
    return {
      kind: 'pglite',
      prisma,
      sql,
      pglite,
      description:
        options.kind === 'pglite' ? `embedded PGlite in ${options.dataDir}` : 'embedded PGlite in memory',
      migrate: async () => applyMigrations(sql, await readMigrations(MIGRATIONS_DIR)),
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql = pgPoolRunner(pool);
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    prisma,
    sql,
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    migrate: async () => applyMigrations(sql, await readMigrations(MIGRATIONS_DIR)),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
