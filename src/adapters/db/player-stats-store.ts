import type { ForgottenCounts, PlayerStatsRecord, PlayerStatsStore } from '../../core/leaderboard/ports.ts';
import { GLOBAL_SCOPE, GLOBAL_SEASON } from '../../core/leaderboard/scope.ts';
import { Prisma, type PrismaClient } from './generated/client.ts';

interface StatsRow {
  displayName: string;
  hasStats: boolean;
  gamesPlayed: number | null;
  fastestCorrectMs: number | null;
  bestRun: number | null;
  points: number | null;
  correct: number | null;
  answered: number | null;
  accuracyBp: number | null;
  streakCurrent: number | null;
  streakBest: number | null;
  favouritePackId: string | null;
}

export class PrismaPlayerStatsStore implements PlayerStatsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async stats(scope: string, playerId: string): Promise<PlayerStatsRecord | undefined> {
    const global = scope === GLOBAL_SCOPE;
    const season = global
      ? Prisma.sql`${GLOBAL_SEASON}::int`
      : Prisma.sql`(SELECT s.season FROM "Server" s WHERE s.id = ${scope})`;
    // Answer_playerId_serverId_idx serves both: the whole prefix for a server, the player prefix for global.
    const answersInScope = global
      ? Prisma.sql`a."playerId" = ${playerId}`
      : Prisma.sql`a."playerId" = ${playerId} AND a."serverId" = ${scope}`;
    const rows = await this.prisma.$queryRaw<StatsRow[]>`
      SELECT p."displayName", ps."playerId" IS NOT NULL AS "hasStats", ps."gamesPlayed", ps."fastestCorrectMs",
             ps."bestRun", st.points, st.correct, st.answered, st."accuracyBp",
             ds.current AS "streakCurrent", ds.best AS "streakBest",
             (SELECT a."packId" FROM "Answer" a WHERE ${answersInScope}
              GROUP BY a."packId" ORDER BY count(*) DESC, a."packId" LIMIT 1) AS "favouritePackId"
      FROM "Player" p
      LEFT JOIN "PlayerStats" ps ON ps.scope = ${scope} AND ps."playerId" = p.id
      LEFT JOIN "ScoreTotal" st ON st.scope = ${scope} AND st.season = ${season} AND st.period = 'all'
        AND st."playerId" = p.id
      LEFT JOIN "DailyStreak" ds ON ds."serverId" = ${scope} AND ds."playerId" = p.id
      WHERE p.id = ${playerId}`;
    const row = rows[0];
    if (!row) return undefined;
    const hasStreak = !global && row.streakCurrent !== null;
    if (!row.hasStats && row.answered === null && !hasStreak) return undefined;
    return {
      displayName: row.displayName,
      gamesPlayed: row.gamesPlayed ?? 0,
      answered: row.answered ?? 0,
      correct: row.correct ?? 0,
      accuracyBp: row.accuracyBp ?? 0,
      points: row.points ?? 0,
      fastestCorrectMs: row.fastestCorrectMs ?? undefined,
      bestRun: row.bestRun ?? 0,
      dailyStreak: hasStreak ? { current: row.streakCurrent ?? 0, best: row.streakBest ?? 0 } : undefined,
      favouritePackId: row.favouritePackId ?? undefined,
    };
  }

  async forgetPlayer(playerId: string): Promise<ForgottenCounts> {
    return this.prisma.$transaction(async (tx) => {
      // Lock the player first, as recordAnswer does (it upserts the player before its totals), so a concurrent
      // answer waits for the deletion instead of deadlocking with it.
      await tx.$queryRaw`SELECT id FROM "Player" WHERE id = ${playerId} FOR UPDATE`;
      const where = { playerId };
      const answers = await tx.answer.deleteMany({ where });
      const dailyAnswers = await tx.dailyAnswer.deleteMany({ where });
      const dailyEntries = await tx.dailyEntry.deleteMany({ where });
      const dailyStreaks = await tx.dailyStreak.deleteMany({ where });
      const playerStats = await tx.playerStats.deleteMany({ where });
      const scoreTotals = await tx.scoreTotal.deleteMany({ where });
      const players = await tx.player.deleteMany({ where: { id: playerId } });
      return {
        players: players.count,
        answers: answers.count,
        scoreTotals: scoreTotals.count,
        playerStats: playerStats.count,
        dailyEntries: dailyEntries.count,
        dailyAnswers: dailyAnswers.count,
        dailyStreaks: dailyStreaks.count,
      };
    });
  }
}
