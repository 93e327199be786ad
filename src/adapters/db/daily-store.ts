import type { DailyHistoryEntry } from '../../core/daily/challenge.ts';
import type {
  DailyChallengeRecord,
  DailyEntryRecord,
  DailyServer,
  DailyStore,
  DailyStreakRecord,
  DailyTopPlayer,
  DailyTopStreak,
  NewDailyAnswer,
  NewDailyChallenge,
  NewDailyEntry,
  StartEntryResult,
} from '../../core/daily/ports.ts';
import type { DailyChallenge, PrismaClient } from './generated/client.ts';

function toRecord(row: DailyChallenge): DailyChallengeRecord {
  return {
    challengeId: row.id,
    serverId: row.serverId,
    localDate: row.localDate,
    number: row.number,
    timeZone: row.timeZone,
    questionIds: row.questionIds,
    channelId: row.channelId,
    status: row.status,
    messageId: row.messageId ?? undefined,
    attempts: row.attempts,
    resetsAt: row.resetsAt.getTime(),
  };
}

/**
 * The daily challenge's tables. Every step that two schedulers (or two clicks) could race on is one SQL
 * statement guarded by a unique key or a conditional UPDATE, so it works the same on PostgreSQL and on PGlite
 * (which has a single connection and no nested transactions).
 */
export class PrismaDailyStore implements DailyStore {
  constructor(private readonly prisma: PrismaClient) {}

  async activeServers(): Promise<DailyServer[]> {
    const rows = await this.prisma.server.findMany({
      where: { dailyEnabled: true, dailyChannelId: { not: null } },
      include: { dailyChallenges: { orderBy: { localDate: 'desc' }, take: 1 } },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => {
      const latest = row.dailyChallenges[0];
      return {
        serverId: row.id,
        channelId: row.dailyChannelId ?? '',
        timeZone: row.timeZone,
        postTime: row.dailyTime,
        language: row.language,
        enabledPackIds: row.enabledPackIds,
        latest: latest && {
          challengeId: latest.id,
          localDate: latest.localDate,
          status: latest.status,
          leaseUntil: latest.leaseUntil?.getTime(),
          attempts: latest.attempts,
        },
      };
    });
  }

  async history(serverId: string, limit: number): Promise<DailyHistoryEntry[]> {
    const rows = await this.prisma.dailyChallenge.findMany({
      where: { serverId },
      orderBy: { localDate: 'desc' },
      take: limit,
      select: { localDate: true, questionIds: true },
    });
    return rows.flatMap((row) =>
      row.questionIds.map((questionId) => ({ questionId, localDate: row.localDate })),
    );
  }

  async ensureChallenge(challenge: NewDailyChallenge): Promise<DailyChallengeRecord> {
    // ON CONFLICT DO NOTHING: a concurrent creator's row wins and both callers read the same one back.
    await this.prisma.$executeRaw`
      INSERT INTO "DailyChallenge" (id, "serverId", "localDate", number, "timeZone", "questionIds", "channelId", "createdAt", "resetsAt")
      VALUES (gen_random_uuid(), ${challenge.serverId}, ${challenge.localDate}, ${challenge.number}::int, ${challenge.timeZone},
              ${challenge.questionIds}::text[], ${challenge.channelId}, ${new Date(challenge.createdAt)}::timestamptz,
              ${new Date(challenge.resetsAt)}::timestamptz)
      ON CONFLICT ("serverId", "localDate") DO NOTHING`;
    const row = await this.prisma.dailyChallenge.findUniqueOrThrow({
      where: { serverId_localDate: { serverId: challenge.serverId, localDate: challenge.localDate } },
    });
    return toRecord(row);
  }

  async claim(challengeId: string, now: number, leaseMs: number): Promise<DailyChallengeRecord | undefined> {
    // A single conditional UPDATE: PostgreSQL row-locks it, and a second claimer re-checks the WHERE after the
    // first commits, so it sees the lease and gets no row.
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE "DailyChallenge"
      SET "leaseUntil" = ${new Date(now + leaseMs)}::timestamptz, attempts = attempts + 1
      WHERE id = ${challengeId}::uuid AND status = 'pending'
        AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${new Date(now)}::timestamptz)
      RETURNING id`;
    if (rows.length === 0) return undefined;
    // Read back through Prisma for typed columns; only the lease holder changes this row until it expires.
    return this.challenge(challengeId);
  }

  async markSent(challengeId: string, messageId: string, at: number): Promise<boolean> {
    const updated = await this.prisma.dailyChallenge.updateMany({
      where: { id: challengeId, status: 'pending' },
      data: { status: 'sent', messageId, sentAt: new Date(at), leaseUntil: null, lastError: null },
    });
    return updated.count === 1;
  }

  async markFailed(challengeId: string, attempt: number, error: string, at: number): Promise<void> {
    const when = new Date(at);
    await this.prisma.$executeRaw`
      WITH failed AS (
        UPDATE "DailyChallenge" SET status = 'failed', "lastError" = ${error}, "leaseUntil" = NULL
        WHERE id = ${challengeId}::uuid AND status = 'pending' AND attempts = ${attempt}::int
        RETURNING "serverId"
      )
      UPDATE "Server" SET "dailyLastError" = ${error}, "dailyLastErrorAt" = ${when}::timestamptz,
        "dailyErrorNotified" = false, "updatedAt" = ${when}::timestamptz
      WHERE id IN (SELECT "serverId" FROM failed)`;
  }

  async retryLater(challengeId: string, attempt: number, error: string, retryAt: number): Promise<void> {
    await this.prisma.dailyChallenge.updateMany({
      where: { id: challengeId, status: 'pending', attempts: attempt },
      data: { lastError: error, leaseUntil: new Date(retryAt) },
    });
  }

  async rearmFailed(serverId: string, localDate: string, channelId: string): Promise<boolean> {
    const updated = await this.prisma.dailyChallenge.updateMany({
      where: { serverId, localDate, status: 'failed' },
      data: { status: 'pending', channelId, leaseUntil: null },
    });
    return updated.count === 1;
  }

  async challenge(challengeId: string): Promise<DailyChallengeRecord | undefined> {
    const row = await this.prisma.dailyChallenge.findUnique({ where: { id: challengeId } });
    return row ? toRecord(row) : undefined;
  }

  async challengeOn(serverId: string, localDate: string): Promise<DailyChallengeRecord | undefined> {
    const row = await this.prisma.dailyChallenge.findUnique({
      where: { serverId_localDate: { serverId, localDate } },
    });
    return row ? toRecord(row) : undefined;
  }

  async previousChallenge(serverId: string, localDate: string): Promise<DailyChallengeRecord | undefined> {
    const row = await this.prisma.dailyChallenge.findFirst({
      where: { serverId, localDate: { lt: localDate } },
      orderBy: { localDate: 'desc' },
    });
    return row ? toRecord(row) : undefined;
  }

  async startEntry(entry: NewDailyEntry): Promise<StartEntryResult> {
    // Player, entry (unique per challenge and player) and streak in one statement: the streak counts the day
    // exactly when the entry is created, and a second start (double click, second process) writes nothing.
    const rows = await this.prisma.$queryRaw<{ inserted: number }[]>`
      WITH player AS (
        INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt")
        VALUES (${entry.playerId}, ${entry.playerName}, ${new Date(entry.startedAt)}::timestamptz, ${new Date(entry.startedAt)}::timestamptz)
        ON CONFLICT (id) DO UPDATE SET "displayName" = EXCLUDED."displayName", "updatedAt" = EXCLUDED."updatedAt"
        RETURNING id
      ), entry AS (
        INSERT INTO "DailyEntry" (id, "challengeId", "playerId", "startedAt")
        SELECT gen_random_uuid(), ${entry.challengeId}::uuid, player.id, ${new Date(entry.startedAt)}::timestamptz FROM player
        ON CONFLICT ("challengeId", "playerId") DO NOTHING
        RETURNING "playerId"
      ), streak AS (
        INSERT INTO "DailyStreak" ("serverId", "playerId", current, best, "lastLocalDate")
        SELECT ${entry.serverId}, entry."playerId", 1, 1, ${entry.localDate} FROM entry
        ON CONFLICT ("serverId", "playerId") DO UPDATE SET
          current = CASE
            WHEN "DailyStreak"."lastLocalDate" >= EXCLUDED."lastLocalDate" THEN "DailyStreak".current
            WHEN "DailyStreak"."lastLocalDate" = ${entry.previousDate} THEN "DailyStreak".current + 1
            ELSE 1 END,
          best = GREATEST("DailyStreak".best, CASE
            WHEN "DailyStreak"."lastLocalDate" >= EXCLUDED."lastLocalDate" THEN "DailyStreak".current
            WHEN "DailyStreak"."lastLocalDate" = ${entry.previousDate} THEN "DailyStreak".current + 1
            ELSE 1 END),
          "lastLocalDate" = GREATEST("DailyStreak"."lastLocalDate", EXCLUDED."lastLocalDate")
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM entry)::int AS inserted, (SELECT count(*) FROM streak)::int AS streaks`;
    return rows[0]?.inserted === 1 ? { kind: 'started' } : { kind: 'exists' };
  }

  async entry(challengeId: string, playerId: string): Promise<DailyEntryRecord | undefined> {
    const row = await this.prisma.dailyEntry.findUnique({
      where: { challengeId_playerId: { challengeId, playerId } },
    });
    if (!row) return undefined;
    const answers = await this.prisma.dailyAnswer.findMany({
      where: { challengeId, playerId },
      orderBy: { questionIndex: 'asc' },
    });
    return {
      challengeId,
      playerId,
      startedAt: row.startedAt.getTime(),
      finishedAt: row.finishedAt?.getTime(),
      correct: row.correct,
      points: row.points,
      answers: answers.map((a) => ({
        questionIndex: a.questionIndex,
        choiceIndex: a.choiceIndex,
        correct: a.correct,
        points: a.points,
        askedAt: a.askedAt.getTime(),
        answeredAt: a.answeredAt.getTime(),
      })),
    };
  }

  async recordAnswer(answer: NewDailyAnswer): Promise<'recorded' | 'duplicate'> {
    const answeredAt = new Date(answer.answeredAt);
    const rows = await this.prisma.$queryRaw<{ inserted: number }[]>`
      WITH answer AS (
        INSERT INTO "DailyAnswer" ("challengeId", "playerId", "questionIndex", "choiceIndex", correct, points, "askedAt", "answeredAt")
        VALUES (${answer.challengeId}::uuid, ${answer.playerId}, ${answer.questionIndex}::int, ${answer.choiceIndex}::int,
                ${answer.correct}::boolean, ${answer.points}::int, ${new Date(answer.askedAt)}::timestamptz, ${answeredAt}::timestamptz)
        ON CONFLICT ("challengeId", "playerId", "questionIndex") DO NOTHING
        RETURNING correct, points
      ), entry AS (
        UPDATE "DailyEntry" SET
          correct = "DailyEntry".correct + (SELECT count(*) FROM answer WHERE answer.correct)::int,
          points = "DailyEntry".points + (SELECT coalesce(sum(answer.points), 0) FROM answer)::int,
          "finishedAt" = CASE WHEN ${answer.last}::boolean THEN ${answeredAt}::timestamptz ELSE "DailyEntry"."finishedAt" END
        WHERE "challengeId" = ${answer.challengeId}::uuid AND "playerId" = ${answer.playerId}
          AND EXISTS (SELECT 1 FROM answer)
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM answer)::int AS inserted, (SELECT count(*) FROM entry)::int AS entries`;
    return rows[0]?.inserted === 1 ? 'recorded' : 'duplicate';
  }

  async streak(serverId: string, playerId: string): Promise<DailyStreakRecord | undefined> {
    const row = await this.prisma.dailyStreak.findUnique({
      where: { serverId_playerId: { serverId, playerId } },
    });
    return row ? { current: row.current, best: row.best, lastLocalDate: row.lastLocalDate } : undefined;
  }

  async topPlayers(challengeId: string, limit: number): Promise<DailyTopPlayer[]> {
    const rows = await this.prisma.dailyEntry.findMany({
      where: { challengeId },
      orderBy: [{ points: 'desc' }, { correct: 'desc' }, { finishedAt: { sort: 'asc', nulls: 'last' } }],
      take: limit,
      include: { player: { select: { displayName: true } } },
    });
    return rows.map((row) => ({
      playerId: row.playerId,
      displayName: row.player.displayName,
      points: row.points,
      correct: row.correct,
    }));
  }

  async topStreaks(serverId: string, yesterday: string, limit: number): Promise<DailyTopStreak[]> {
    const rows = await this.prisma.dailyStreak.findMany({
      where: { serverId, lastLocalDate: { gte: yesterday }, current: { gt: 0 } },
      orderBy: [{ current: 'desc' }, { playerId: 'asc' }],
      take: limit,
      include: { player: { select: { displayName: true } } },
    });
    return rows.map((row) => ({
      playerId: row.playerId,
      displayName: row.player.displayName,
      current: row.current,
    }));
  }

  async takeUnnotifiedError(serverId: string): Promise<{ error: string; at: number } | undefined> {
    const rows = await this.prisma.$queryRaw<
      { dailyLastError: string | null; dailyLastErrorAt: Date | null }[]
    >`
      UPDATE "Server" SET "dailyErrorNotified" = true
      WHERE id = ${serverId} AND NOT "dailyErrorNotified" AND "dailyLastError" IS NOT NULL
      RETURNING "dailyLastError", "dailyLastErrorAt"`;
    const row = rows[0];
    if (!row?.dailyLastError) return undefined;
    return { error: row.dailyLastError, at: row.dailyLastErrorAt?.getTime() ?? 0 };
  }
}
