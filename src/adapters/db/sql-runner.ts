import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** The little SQL surface the migrator and tests need, the same over PostgreSQL and PGlite. */
export interface SqlRunner {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a multi-statement script as one simple-protocol query, so it is one implicit transaction. */
  exec(script: string): Promise<void>;
  /** Runs `work` on one connection (advisory locks are per session). */
  withSession<T>(work: (session: SqlRunner) => Promise<T>): Promise<T>;
}

export function pgliteRunner(db: PGlite): SqlRunner {
  const runner: SqlRunner = {
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await db.exec(script);
    },
    // PGlite is a single session already.
    withSession: (work) => work(runner),
  };
  return runner;
}

function clientRunner(client: pg.ClientBase): SqlRunner {
  const runner: SqlRunner = {
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await client.query(script);
    },
    withSession: (work) => work(runner),
  };
  return runner;
}

export function pgPoolRunner(pool: pg.Pool): SqlRunner {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await pool.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await pool.query(script);
    },
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work(clientRunner(client));
      } finally {
        client.release();
      }
    },
  };
}
