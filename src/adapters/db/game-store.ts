import type { SeenQuestion } from '../../core/questions/selection.ts';
import type {
  AnswerRecord,
  CreateGameResult,
  GameEndStatus,
  GameStore,
  NewGame,
  NewRound,
  RecordAnswerResult,
  RoundEndReason,
  RunningGameRecord,
} from '../../core/storage.ts';
import { GLOBAL_SCOPE } from '../../core/leaderboard/scope.ts';
import { Prisma, type PrismaClient } from './generated/client.ts';
import { ensureServer } from './settings-store.ts';

export { GLOBAL_SCOPE };

/** Width of ScoreHistogram's coarse bands (its other rows count exact points); the migration uses the same. */
export const HISTOGRAM_BAND = 1024;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export class PrismaGameStore implements GameStore {
  constructor(private readonly prisma: PrismaClient) {}

  async createGame(game: NewGame): Promise<CreateGameResult> {
    await ensureServer(this.prisma, game.serverId);
    try {
      const created = await this.prisma.game.create({
        data: {
          serverId: game.serverId,
          channelId: game.channelId,
          runningInChannelId: game.channelId,
          packId: game.packId,
          startedBy: game.startedBy,
          questionCount: game.questionCount,
          secondsPerQuestion: game.secondsPerQuestion,
          difficulty: game.difficulty ?? null,
          startedAt: new Date(game.startedAt),
        },
        select: { id: true },
      });
      return { kind: 'created', gameId: created.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const running = await this.prisma.game.findUnique({
        where: { runningInChannelId: game.channelId },
        select: { id: true, messageId: true },
      });
      if (!running) return this.createGame(game); // it ended between the two statements
      return { kind: 'channel-busy', gameId: running.id, messageId: running.messageId ?? undefined };
    }
  }

  async setGameMessage(gameId: string, messageId: string): Promise<void> {
    await this.prisma.game.update({ where: { id: gameId }, data: { messageId } });
  }

  async openRound(round: NewRound): Promise<string> {
    const created = await this.prisma.round.create({
      data: {
        gameId: round.gameId,
        index: round.index,
        questionId: round.questionId,
        choiceOrder: round.choiceOrder,
        openedAt: new Date(round.openedAt),
        deadline: new Date(round.deadline),
      },
      select: { id: true },
    });
    return created.id;
  }

  async setRoundMessage(roundId: string, messageId: string): Promise<void> {
    await this.prisma.round.update({ where: { id: roundId }, data: { messageId } });
  }

  async recordAnswer(answer: AnswerRecord): Promise<RecordAnswerResult> {
    const [result] = await this.recordAnswers([answer]);
    return result ?? { kind: 'duplicate' };
  }

  /**
   * One statement, so one implicit transaction, for a whole batch of answers (a burst of clicks, or clicks from
   * many games written together: one write, not fifty): the players, the answers (unique per round and player),
   * the leaderboard totals of every period, their histogram and the stats are all written, or none is. A duplicate
   * answer writes nothing. Answers may belong to different rounds, servers, seasons and periods, but a player
   * appears at most once: two answers of one player would upsert the same global total twice in one statement.
   * Rows are written in key order, so concurrent batches lock shared rows in the same order and cannot deadlock.
   */
  async recordAnswers(batch: readonly AnswerRecord[]): Promise<RecordAnswerResult[]> {
    if (batch.length === 0) return [];
    const playerIds = batch.map((answer) => answer.playerId);
    if (new Set(playerIds).size !== playerIds.length)
      throw new Error('recordAnswers: a player appears twice in a batch');
    // Each answer counts in its server's periods (this season) and in the global periods (season 1).
    const scopes = batch.flatMap((answer) => [
      ...answer.periods.map((period) => [answer.playerId, answer.serverId, answer.season, period] as const),
      ...answer.globalPeriods.map((period) => [answer.playerId, GLOBAL_SCOPE, 1, period] as const),
    ]);
    const rows = await this.prisma.$queryRaw<{ inserted: string[] }[]>`
      WITH input AS (
        SELECT * FROM unnest(
          ${batch.map((a) => a.roundId)}::uuid[], ${batch.map((a) => a.gameId)}::uuid[],
          ${batch.map((a) => a.serverId)}::text[], ${batch.map((a) => a.packId)}::text[],
          ${playerIds}::text[], ${batch.map((a) => a.playerName)}::text[], ${batch.map((a) => a.choiceIndex)}::int[],
          ${batch.map((a) => a.correct)}::boolean[], ${batch.map((a) => a.points)}::int[],
          ${batch.map((a) => a.latencyMs)}::int[], ${batch.map((a) => new Date(a.answeredAt))}::timestamptz[]
        ) AS t(round_id, game_id, server_id, pack_id, player_id, player_name, choice_index, correct, points,
               latency_ms, answered_at)
      ), player AS (
        INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt")
        SELECT player_id, player_name, now(), now() FROM input ORDER BY player_id
        ON CONFLICT (id) DO UPDATE SET "displayName" = EXCLUDED."displayName", "updatedAt" = now()
          -- A returning player's row is rewritten only when their name changed: one row write less per answer.
          WHERE "Player"."displayName" IS DISTINCT FROM EXCLUDED."displayName"
        RETURNING id
      ), answer AS (
        INSERT INTO "Answer" (id, "roundId", "playerId", "serverId", "packId", "choiceIndex", correct, points, "latencyMs", "answeredAt")
        SELECT gen_random_uuid(), input.round_id, input.player_id, input.server_id, input.pack_id,
               input.choice_index, input.correct, input.points, input.latency_ms, input.answered_at
        -- No join with "player": a returning player whose name is unchanged is not in it. The foreign key is
        -- checked at the end of the statement, when the sibling insert above has run.
        FROM input
        ORDER BY input.round_id, input.player_id
        ON CONFLICT ("roundId", "playerId") DO NOTHING
        RETURNING "playerId", "serverId", points, correct, "latencyMs", "answeredAt"
      ), scopes AS (
        SELECT * FROM unnest(
          ${scopes.map((s) => s[0])}::text[], ${scopes.map((s) => s[1])}::text[],
          ${scopes.map((s) => s[2])}::int[], ${scopes.map((s) => s[3])}::text[]
        ) AS s(player_id, scope, season, period)
      ), totals AS (
        INSERT INTO "ScoreTotal" (scope, season, period, "playerId", points, correct, answered, "accuracyBp", "reachedAt")
        SELECT scopes.scope, scopes.season, scopes.period, answer."playerId", answer.points, answer.correct::int, 1,
               CASE WHEN answer.correct THEN 10000 ELSE 0 END, answer."answeredAt"
        FROM answer JOIN scopes ON scopes.player_id = answer."playerId"
        ORDER BY 1, 2, 3, 4
        ON CONFLICT (scope, season, period, "playerId") DO UPDATE SET
          points = "ScoreTotal".points + EXCLUDED.points,
          correct = "ScoreTotal".correct + EXCLUDED.correct,
          answered = "ScoreTotal".answered + 1,
          "accuracyBp" = ("ScoreTotal".correct + EXCLUDED.correct) * 10000 / ("ScoreTotal".answered + 1),
          "reachedAt" = CASE WHEN EXCLUDED.points > 0 THEN EXCLUDED."reachedAt" ELSE "ScoreTotal"."reachedAt" END
        RETURNING scope, season, period, "playerId", points, answered
      ), moves AS (
        -- Each total that gained points leaves its old score (unless it was just inserted: answered = 1) for its new
        -- one. Players at 0 points are not ranked, so not counted.
        SELECT totals.scope, totals.season, totals.period, totals.points, 1 AS delta
        FROM totals JOIN answer ON answer."playerId" = totals."playerId" WHERE answer.points > 0
        UNION ALL
        SELECT totals.scope, totals.season, totals.period, totals.points - answer.points, -1
        FROM totals JOIN answer ON answer."playerId" = totals."playerId"
        WHERE answer.points > 0 AND totals.answered > 1 AND totals.points - answer.points > 0
      ), histogram AS (
        INSERT INTO "ScoreHistogram" AS h (scope, season, period, size, start, players)
        SELECT moves.scope, moves.season, moves.period, sizes.size, moves.points - moves.points % sizes.size,
               sum(moves.delta)::int
        FROM moves CROSS JOIN (VALUES (1), (${HISTOGRAM_BAND}::int)) AS sizes(size)
        GROUP BY 1, 2, 3, 4, 5
        HAVING sum(moves.delta) <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (scope, season, period, size, start) DO UPDATE SET players = h.players + EXCLUDED.players
        RETURNING 1
      ), stats AS (
        INSERT INTO "PlayerStats" (scope, "playerId", "gamesPlayed", "fastestCorrectMs", "currentRun", "bestRun", "lastGameId")
        SELECT s.scope, answer."playerId", 1, CASE WHEN answer.correct THEN answer."latencyMs" END,
               answer.correct::int, answer.correct::int, input.game_id
        FROM answer JOIN input ON input.player_id = answer."playerId"
        CROSS JOIN LATERAL (VALUES (answer."serverId"), (${GLOBAL_SCOPE}::text)) AS s(scope)
        ORDER BY 1, 2
        ON CONFLICT (scope, "playerId") DO UPDATE SET
          "gamesPlayed" = "PlayerStats"."gamesPlayed"
            + CASE WHEN "PlayerStats"."lastGameId" IS DISTINCT FROM EXCLUDED."lastGameId" THEN 1 ELSE 0 END,
          "fastestCorrectMs" = LEAST("PlayerStats"."fastestCorrectMs", EXCLUDED."fastestCorrectMs"),
          "currentRun" = CASE WHEN EXCLUDED."currentRun" = 1 THEN "PlayerStats"."currentRun" + 1 ELSE 0 END,
          "bestRun" = GREATEST("PlayerStats"."bestRun",
            CASE WHEN EXCLUDED."currentRun" = 1 THEN "PlayerStats"."currentRun" + 1 ELSE 0 END),
          "lastGameId" = EXCLUDED."lastGameId"
        RETURNING 1
      )
      SELECT coalesce((SELECT array_agg("playerId") FROM answer), ARRAY[]::text[]) AS inserted,
             (SELECT count(*) FROM totals)::int AS totals,
             (SELECT count(*) FROM stats)::int AS stats,
             (SELECT count(*) FROM histogram)::int AS histogram`;
    const inserted = new Set(rows[0]?.inserted ?? []);
    return batch.map((answer) =>
      inserted.has(answer.playerId) ? { kind: 'recorded' } : { kind: 'duplicate' },
    );
  }

  async closeRound(roundId: string, closedAt: number, reason: RoundEndReason): Promise<void> {
    await this.prisma.round.updateMany({
      where: { id: roundId, closedAt: null },
      data: { closedAt: new Date(closedAt), endReason: reason },
    });
  }

  async endGame(gameId: string, status: GameEndStatus, endedAt: number): Promise<void> {
    await this.prisma.game.updateMany({
      where: { id: gameId, status: 'running' },
      data: { status, endedAt: new Date(endedAt), runningInChannelId: null },
    });
  }

  async recentQuestions(channelId: string, limit: number): Promise<SeenQuestion[]> {
    const rows = await this.prisma.$queryRaw<{ questionId: string; openedAt: Date }[]>`
      SELECT r."questionId", r."openedAt" FROM "Round" r JOIN "Game" g ON g.id = r."gameId"
      WHERE g."channelId" = ${channelId}
      ORDER BY r."openedAt" DESC
      LIMIT ${limit}::int`;
    return rows.map((row) => ({ questionId: row.questionId, seenAt: row.openedAt.getTime() }));
  }

  async runningGames(): Promise<RunningGameRecord[]> {
    const games = await this.prisma.game.findMany({
      where: { status: 'running' },
      select: { id: true, serverId: true, channelId: true },
    });
    return games.map((game) => ({ gameId: game.id, serverId: game.serverId, channelId: game.channelId }));
  }
}
