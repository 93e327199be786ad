import type {
  LeaderboardKey,
  LeaderboardPageQuery,
  LeaderboardRow,
  LeaderboardStore,
} from '../../core/leaderboard/ports.ts';
import { HISTOGRAM_BAND } from './game-store.ts';
import type { PrismaClient } from './generated/client.ts';

interface RowRecord {
  playerId: string;
  displayName: string;
  points: number;
  correct: number;
  answered: number;
  accuracyBp: number;
}

/**
 * Reads ScoreTotal along ScoreTotal_rank_idx (scope, season, period, points desc, accuracyBp desc, reachedAt,
 * playerId). A rank is 1 + the players strictly ahead: those in higher score bands and scores come from
 * ScoreHistogram (at most ~1,000 band rows + 1,023 exact-score rows), only the caller's own tie group is counted
 * in the index. Counting the index alone takes ~150 ms for a player in the middle of a million (docs/leaderboard.md).
 */
export class PrismaLeaderboardStore implements LeaderboardStore {
  constructor(private readonly prisma: PrismaClient) {}

  async top(query: LeaderboardPageQuery): Promise<LeaderboardRow[]> {
    const rows = await this.prisma.$queryRaw<RowRecord[]>`
      SELECT t."playerId", p."displayName", t.points, t.correct, t.answered, t."accuracyBp"
      FROM "ScoreTotal" t JOIN "Player" p ON p.id = t."playerId"
      WHERE t.scope = ${query.scope} AND t.season = ${query.season}::int AND t.period = ${query.period}
        AND t.points > 0
      ORDER BY t.points DESC, t."accuracyBp" DESC, t."reachedAt", t."playerId"
      OFFSET ${Math.max(0, query.offset)}::int LIMIT ${Math.max(0, query.limit)}::int`;
    return rows.map((row, index) => ({ rank: query.offset + index + 1, ...row }));
  }

  async rankOf(query: LeaderboardKey & { playerId: string }): Promise<LeaderboardRow | undefined> {
    const { scope, season, period, playerId } = query;
    const rows = await this.prisma.$queryRaw<(RowRecord & { ahead: number })[]>`
      WITH me AS (
        SELECT t.points, t."accuracyBp", t."reachedAt", t.correct, t.answered,
               t.points - t.points % ${HISTOGRAM_BAND}::int AS band
        FROM "ScoreTotal" t
        WHERE t.scope = ${scope} AND t.season = ${season}::int AND t.period = ${period}
          AND t."playerId" = ${playerId} AND t.points > 0
      )
      SELECT ${playerId} AS "playerId", p."displayName", me.points, me.correct, me.answered, me."accuracyBp",
        ((SELECT coalesce(sum(h.players), 0) FROM "ScoreHistogram" h
          WHERE h.scope = ${scope} AND h.season = ${season}::int AND h.period = ${period}
            AND h.size = ${HISTOGRAM_BAND}::int AND h.start > me.band)
        + (SELECT coalesce(sum(h.players), 0) FROM "ScoreHistogram" h
          WHERE h.scope = ${scope} AND h.season = ${season}::int AND h.period = ${period}
            AND h.size = 1 AND h.start > me.points AND h.start < me.band + ${HISTOGRAM_BAND}::int)
        + (SELECT count(*) FROM "ScoreTotal" t
          WHERE t.scope = ${scope} AND t.season = ${season}::int AND t.period = ${period}
            AND t.points = me.points AND t."accuracyBp" > me."accuracyBp")
        + (SELECT count(*) FROM "ScoreTotal" t
          WHERE t.scope = ${scope} AND t.season = ${season}::int AND t.period = ${period}
            AND t.points = me.points AND t."accuracyBp" = me."accuracyBp"
            AND (t."reachedAt", t."playerId") < (me."reachedAt", ${playerId}))
        )::int AS ahead
      FROM me JOIN "Player" p ON p.id = ${playerId}`;
    const row = rows[0];
    if (!row) return undefined;
    const { ahead, ...rest } = row;
    return { rank: ahead + 1, ...rest };
  }

  async count(scope: string, season: number, period: string): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ players: number }[]>`
      SELECT coalesce(sum(players), 0)::int AS players FROM "ScoreHistogram"
      WHERE scope = ${scope} AND season = ${season}::int AND period = ${period} AND size = ${HISTOGRAM_BAND}::int`;
    return rows[0]?.players ?? 0;
  }
}
