import type { PGlite } from '@electric-sql/pglite';
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

/**
 * PGlite's own defaults, with PostgreSQL's shared buffers cut from 128 MB to 16 MB. In WebAssembly the buffers are
 * heap the process keeps resident (opening a database touched ~150 MB of it), while the bot's working set is a few
 * MB and, on disk, pages PostgreSQL drops are still in the OS page cache. fsync stays as PGlite sets it (off: see
 * docs/bench.md, "Footprint").
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

/**
 * One code path above this: the rest of the bot sees a Prisma client and a SQL runner, whichever database. Each
 * driver is imported only when used (loading both cost `npm start` ~0.1 s), and Prisma loads its query compiler
 * while the database opens instead of at the first query.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize);
  const lock = options.kind === 'pglite' ? lockDataDir(options.dataDir) : undefined;
  try {
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('pglite-prisma-adapter'),
    ]);
    const startParams = [...PGlite.defaultStartParams, ...PGLITE_SETTINGS];
    const pglite = new PGlite(
      options.kind === 'pglite'
        ? { dataDir: options.dataDir, startParams }
        : { startParams, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) },
    );
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const warming = warmUp(prisma);
    try {
      await pglite.waitReady;
    } catch (error) {
      await warming;
      await prisma.$disconnect();
      throw error;
    }
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
        await warming;
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

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const warming = warmUp(prisma);
  const sql = pgPoolRunner(pool);
  const parsed = new URL(url);
  return {
    kind: 'postgres',
    prisma,
    sql,
    description: `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    migrate: async () => applyMigrations(sql, await readMigrations(MIGRATIONS_DIR)),
    async close() {
      await warming;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * Starts loading Prisma's query compiler (its WebAssembly module and the schema) now, so it overlaps with opening
 * the database and migrating. With a driver adapter, connecting sends no query: a failure here would be a broken
 * install, and the first query reports it again with its context.
 */
function warmUp(prisma: PrismaClient): Promise<void> {
  return prisma.$connect().catch(() => {});
}
