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

  /**
   * One statement, so one implicit transaction: the player, the answer (unique per round and player), the
   * leaderboard totals of every period and the stats are all written, or none is. A duplicate writes nothing.
   */
  async recordAnswer(answer: AnswerRecord): Promise<RecordAnswerResult> {
    const answeredAt = new Date(answer.answeredAt);
    const correct = answer.correct ? 1 : 0;
    const rows = await this.prisma.$queryRaw<{ inserted: number }[]>`
      WITH player AS (
        INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt")
        VALUES (${answer.playerId}, ${answer.playerName}, now(), now())
        ON CONFLICT (id) DO UPDATE SET "displayName" = EXCLUDED."displayName", "updatedAt" = now()
        RETURNING id
      ), answer AS (
        INSERT INTO "Answer" (id, "roundId", "playerId", "serverId", "packId", "choiceIndex", correct, points, "latencyMs", "answeredAt")
        SELECT gen_random_uuid(), ${answer.roundId}::uuid, player.id, ${answer.serverId}, ${answer.packId},
               ${answer.choiceIndex}::int, ${answer.correct}::boolean, ${answer.points}::int, ${answer.latencyMs}::int, ${answeredAt}::timestamptz
        FROM player
        ON CONFLICT ("roundId", "playerId") DO NOTHING
        RETURNING "playerId"
      ), scopes AS (
        SELECT ${answer.serverId}::text AS scope, ${answer.season}::int AS season, unnest(${answer.periods}::text[]) AS period
        UNION ALL
        SELECT ${GLOBAL_SCOPE}::text, 1, unnest(${answer.globalPeriods}::text[])
      ), totals AS (
        INSERT INTO "ScoreTotal" (scope, season, period, "playerId", points, correct, answered, "accuracyBp", "reachedAt")
        SELECT scopes.scope, scopes.season, scopes.period, answer."playerId", ${answer.points}::int, ${correct}::int, 1,
               ${correct * 10000}::int, ${answeredAt}::timestamptz
        FROM answer CROSS JOIN scopes
        ON CONFLICT (scope, season, period, "playerId") DO UPDATE SET
          points = "ScoreTotal".points + EXCLUDED.points,
          correct = "ScoreTotal".correct + EXCLUDED.correct,
          answered = "ScoreTotal".answered + 1,
          "accuracyBp" = ("ScoreTotal".correct + EXCLUDED.correct) * 10000 / ("ScoreTotal".answered + 1),
          "reachedAt" = CASE WHEN EXCLUDED.points > 0 THEN EXCLUDED."reachedAt" ELSE "ScoreTotal"."reachedAt" END
        RETURNING scope, season, period, points, answered
      ), moves AS (
        -- Each total that gained points leaves its old score (unless it was just inserted: answered = 1) for its new
        -- one. Players at 0 points are not ranked, so not counted.
        SELECT scope, season, period, points, 1 AS delta FROM totals WHERE ${answer.points}::int > 0
        UNION ALL
        SELECT scope, season, period, points - ${answer.points}::int, -1 FROM totals
        WHERE ${answer.points}::int > 0 AND answered > 1 AND points - ${answer.points}::int > 0
      ), histogram AS (
        -- Key order: concurrent answers lock shared histogram rows in the same order, so they cannot deadlock.
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
        SELECT s.scope, answer."playerId", 1, CASE WHEN ${answer.correct}::boolean THEN ${answer.latencyMs}::int END,
               ${correct}::int, ${correct}::int, ${answer.gameId}::uuid
        FROM answer CROSS JOIN (VALUES (${answer.serverId}::text), (${GLOBAL_SCOPE}::text)) AS s(scope)
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
      SELECT (SELECT count(*) FROM answer)::int AS inserted,
             (SELECT count(*) FROM totals)::int AS totals,
             (SELECT count(*) FROM stats)::int AS stats,
             (SELECT count(*) FROM histogram)::int AS histogram`;
    return rows[0]?.inserted === 1 ? { kind: 'recorded' } : { kind: 'duplicate' };
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
