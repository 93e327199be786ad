// Bulk seeding for the leaderboard benchmark: one server with many players, totals per period written directly with
// generate_series (as recordAnswer would have left them), the histogram rebuilt with the migration's own backfill
// query, and optionally answer rows. Secondary indexes are dropped during the load and rebuilt after (same DDL).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SqlRunner } from '../../src/adapters/db/sql-runner.ts';
import { MIGRATIONS_DIR } from '../../src/adapters/db/paths.ts';

export interface LeaderboardSeed {
  serverId: string;
  players: number;
  /** Rows per period key, e.g. { all: 1_000_000, 'month:2026-11': 400_000 } with the max points of each. */
  periods: { key: string; players: number; maxPoints: number }[];
  answers: number;
  packId: string;
  questionId: string;
  now: Date;
}

export interface SeedTimings {
  playersMs: number;
  totalsMs: number;
  histogramMs: number;
  answersMs: number;
  /** VACUUM ANALYZE. */
  analyzeMs: number;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Drops the table's secondary indexes (with `unique`, its unique ones too: the load must then be unique by
 * construction), runs `load`, recreates them with their original definitions.
 */
async function withoutSecondaryIndexes(
  sql: SqlRunner,
  table: string,
  load: () => Promise<void>,
  { unique = false } = {},
): Promise<void> {
  const indexes = await sql.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = $1 AND NOT x.indisprimary AND (NOT x.indisunique OR $2::boolean)`,
    [table, unique],
  );
  for (const index of indexes) await sql.exec(`DROP INDEX "${index.name}"`);
  await load();
  for (const index of indexes) await sql.exec(index.def);
}

async function histogramBackfill(): Promise<string> {
  const migration = await readFile(
    join(MIGRATIONS_DIR, '20261122031828_score_histogram', 'migration.sql'),
    'utf8',
  );
  const backfill = migration.split('-- Backfill from the totals already recorded.')[1];
  if (!backfill) throw new Error('histogram backfill query not found in its migration');
  return backfill;
}

const lit = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export async function seedLeaderboard(runner: SqlRunner, seed: LeaderboardSeed): Promise<SeedTimings> {
  // Foreign keys are checked row by row, which made 1,000,000 answers take minutes; every row here references rows
  // inserted just before, by construction, so the bulk load skips those checks (replica mode, superuser only).
  return runner.withSession(async (sql) => {
    await sql.exec('SET session_replication_role = replica');
    try {
      return await seedRows(sql, seed);
    } finally {
      await sql.exec('RESET session_replication_role');
    }
  });
}

async function seedRows(sql: SqlRunner, seed: LeaderboardSeed): Promise<SeedTimings> {
  const server = lit(seed.serverId);
  const now = lit(seed.now.toISOString());
  const timings: SeedTimings = { playersMs: 0, totalsMs: 0, histogramMs: 0, answersMs: 0, analyzeMs: 0 };
  await sql.exec(`INSERT INTO "Server" (id, "updatedAt") VALUES (${server}, now()) ON CONFLICT DO NOTHING`);
  timings.playersMs = await timed(() =>
    sql.exec(`INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt")
      SELECT 'p' || g, 'player ' || g, ${now}, ${now} FROM generate_series(1, ${seed.players}) g`),
  );
  timings.totalsMs = await timed(() =>
    withoutSecondaryIndexes(sql, 'ScoreTotal', async () => {
      for (const period of seed.periods) {
        // Points skewed to the bottom (random()^3), 20 accuracies, 100,000 distinct instants, as docs/leaderboard.md.
        await sql.exec(`INSERT INTO "ScoreTotal" (scope, season, period, "playerId", points, correct, answered, "accuracyBp", "reachedAt")
          SELECT ${server}, 1, ${lit(period.key)}, 'p' || g, floor(random() ^ 3 * ${period.maxPoints})::int,
                 (10 + g % 50) * (g % 20) / 20, 10 + g % 50, (g % 20) * 500,
                 ${now}::timestamptz - make_interval(secs => g % 100000)
          FROM generate_series(1, ${period.players}) g`);
      }
    }),
  );
  const backfill = await histogramBackfill();
  timings.histogramMs = await timed(() => sql.exec(backfill));
  if (seed.answers > 0) {
    const rounds = Math.min(10_000, seed.answers);
    timings.answersMs = await timed(async () => {
      await sql.exec(`INSERT INTO "Game" (id, "serverId", "channelId", "packId", "startedBy", "questionCount", "secondsPerQuestion", status, "startedAt")
        VALUES ('00000000-0000-4000-8000-000000000001', ${server}, '1', ${lit(seed.packId)}, 'bench', ${rounds}, 20, 'finished', ${now})`);
      await sql.exec(`INSERT INTO "Round" (id, "gameId", index, "questionId", "choiceOrder", "openedAt", deadline, "closedAt")
        SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', g, ${lit(seed.questionId)}, '{0,1,2,3}', ${now}, ${now}, ${now}
        FROM generate_series(0, ${rounds - 1}) g`);
      await withoutSecondaryIndexes(
        sql,
        'Answer',
        () =>
          // Each round's players are distinct (g / rounds < players), so ("roundId", "playerId") stays unique.
          // Ids in insertion order: random UUIDs would make the primary key's inserts random I/O.
          sql.exec(`WITH r AS (SELECT array_agg(id ORDER BY index) AS ids FROM "Round")
          INSERT INTO "Answer" (id, "roundId", "playerId", "serverId", "packId", "choiceIndex", correct, points, "latencyMs", "answeredAt")
          SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, r.ids[g % ${rounds} + 1], 'p' || ((g / ${rounds} + (g % ${rounds}) * 100) % ${seed.players} + 1),
                 ${server}, ${lit(seed.packId)}, g % 4, g % 3 = 0, CASE WHEN g % 3 = 0 THEN 500 + g % 500 ELSE 0 END,
                 1000 + g % 9000, ${now}
          FROM r, generate_series(0, ${seed.answers - 1}) g`),
        { unique: true },
      );
    });
  }
  // As autovacuum would have on a live database: statistics, and a visibility map for index-only scans.
  timings.analyzeMs = await timed(() => sql.exec('VACUUM ANALYZE'));
  return timings;
}
