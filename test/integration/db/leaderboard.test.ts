import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/adapters/db/database.ts';
import { PrismaGameStore } from '../../../src/adapters/db/game-store.ts';
import { PrismaLeaderboardStore } from '../../../src/adapters/db/leaderboard-store.ts';
import { PrismaPlayerStatsStore } from '../../../src/adapters/db/player-stats-store.ts';
import { PrismaSettingsStore } from '../../../src/adapters/db/settings-store.ts';
import { LeaderboardService } from '../../../src/app/leaderboard-service.ts';
import { periodsAt } from '../../../src/core/leaderboard/periods.ts';
import { describeEachDatabase } from '../../support/databases.ts';

const NOW = Date.UTC(2026, 10, 22, 15); // Sunday 22 Nov 2026, 10:00 in New York
const MINUTE = 60_000;

interface Fixture {
  games: PrismaGameStore;
  board: PrismaLeaderboardStore;
  stats: PrismaPlayerStatsStore;
  settings: PrismaSettingsStore;
  service: LeaderboardService;
}

/** A game in `serverId` with `rounds` rounds, so each player can answer up to that many questions. */
async function newGame(fixture: Fixture, serverId: string, packId: string, rounds: number) {
  const created = await fixture.games.createGame({
    serverId,
    channelId: `c-${serverId}-${packId}-${Math.random()}`,
    packId,
    startedBy: 'starter',
    questionCount: rounds,
    secondsPerQuestion: 20,
    difficulty: undefined,
    startedAt: NOW - 7 * 24 * 60 * MINUTE,
  });
  if (created.kind !== 'created') throw new Error('expected a new game');
  const roundIds: string[] = [];
  for (let index = 0; index < rounds; index++) {
    roundIds.push(
      await fixture.games.openRound({
        gameId: created.gameId,
        index,
        questionId: `${packId}-q`,
        choiceOrder: [0, 1, 2, 3],
        openedAt: NOW - 7 * 24 * 60 * MINUTE,
        deadline: NOW,
      }),
    );
  }
  await fixture.games.endGame(created.gameId, 'finished', NOW);
  return { gameId: created.gameId, roundIds };
}

async function seedPacks(database: Database): Promise<void> {
  for (const packId of ['pk', 'other']) {
    await database.prisma.questionPack.create({
      data: { id: packId, title: packId, lang: 'en', questionCount: 1, generatorVersion: '1', checksum: 'c' },
    });
    await database.prisma.question.create({
      data: {
        id: `${packId}-q`,
        packId,
        type: 'cast',
        difficulty: 1,
        prompt: '?',
        choices: ['a', 'b', 'c', 'd'],
        answerIndex: 0,
        source: 's',
      },
    });
  }
}

describeEachDatabase('leaderboard', (use) => {
  let fixture: Fixture;

  beforeAll(async () => {
    const { prisma } = use();
    const settings = new PrismaSettingsStore(prisma);
    const board = new PrismaLeaderboardStore(prisma);
    const stats = new PrismaPlayerStatsStore(prisma);
    fixture = {
      games: new PrismaGameStore(prisma),
      board,
      stats,
      settings,
      service: new LeaderboardService({ leaderboard: board, playerStats: stats, settings }),
    };
    await seedPacks(use());
  });

  /** Records one answer the way GameService does: periods in the server's zone and in UTC. */
  async function answer(options: {
    serverId: string;
    game: { gameId: string; roundIds: string[] };
    round: number;
    playerId: string;
    points: number;
    at: number;
    packId?: string;
    latencyMs?: number;
  }): Promise<void> {
    const settings = await fixture.settings.get(options.serverId);
    const result = await fixture.games.recordAnswer({
      roundId: options.game.roundIds[options.round]!,
      gameId: options.game.gameId,
      serverId: options.serverId,
      playerId: options.playerId,
      playerName: `Name ${options.playerId}`,
      packId: options.packId ?? 'pk',
      choiceIndex: options.points > 0 ? 0 : 1,
      correct: options.points > 0,
      points: options.points,
      latencyMs: options.latencyMs ?? 1500,
      answeredAt: options.at,
      season: settings.season,
      periods: periodsAt(options.at, settings.timeZone).map((period) => period.key),
      globalPeriods: periodsAt(options.at, 'UTC').map((period) => period.key),
    });
    expect(result.kind).toBe('recorded');
  }

  /** The ordering computed the slow, obvious way, to compare against. */
  async function bruteForce(scope: string, season: number, period: string, ranks: number[]) {
    return use().prisma.$queryRaw<{ playerId: string; rank: number }[]>`
      SELECT * FROM (
        SELECT "playerId", (row_number() OVER (
          ORDER BY points DESC, "accuracyBp" DESC, "reachedAt", "playerId"))::int AS rank
        FROM "ScoreTotal" WHERE scope = ${scope} AND season = ${season}::int AND period = ${period} AND points > 0
      ) ordered WHERE rank = ANY(${ranks}::int[])`;
  }

  /** The histogram must always equal what a full recount gives. */
  async function expectHistogramConsistent(): Promise<void> {
    const drift = await use().prisma.$queryRaw<unknown[]>`
      WITH truth AS (
        SELECT t.scope, t.season, t.period, s.size, t.points - t.points % s.size AS start, count(*)::int AS players
        FROM "ScoreTotal" t CROSS JOIN (VALUES (1), (1024)) AS s(size) WHERE t.points > 0 GROUP BY 1, 2, 3, 4, 5
      ), kept AS (SELECT scope, season, period, size, start, players FROM "ScoreHistogram" WHERE players <> 0)
      (SELECT * FROM truth EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM truth)`;
    expect(drift).toEqual([]);
  }

  it('when players tie on points, then accuracy, who got there first and player id break the tie', async () => {
    const server = '900000000000000001';
    const game = await newGame(fixture, server, 'pk', 3);
    const t0 = NOW - 60 * MINUTE;
    // a and d reach 300 at the same instant with 100%; c reaches it later; b has 300 at 50%.
    await answer({ serverId: server, game, round: 0, playerId: 'p-d', points: 300, at: t0 });
    await answer({ serverId: server, game, round: 0, playerId: 'p-a', points: 300, at: t0 });
    await answer({ serverId: server, game, round: 0, playerId: 'p-c', points: 300, at: t0 + MINUTE });
    await answer({ serverId: server, game, round: 0, playerId: 'p-b', points: 300, at: t0 - MINUTE });
    await answer({ serverId: server, game, round: 1, playerId: 'p-b', points: 0, at: t0 + 2 * MINUTE });
    await answer({ serverId: server, game, round: 0, playerId: 'p-e', points: 100, at: t0 - 5 * MINUTE });
    await answer({ serverId: server, game, round: 0, playerId: 'p-zero', points: 0, at: t0 });

    const top = await fixture.board.top({ scope: server, season: 1, period: 'all', offset: 0, limit: 10 });
    expect(top.map((row) => [row.rank, row.playerId, row.points, row.accuracyBp])).toEqual([
      [1, 'p-a', 300, 10000],
      [2, 'p-d', 300, 10000],
      [3, 'p-c', 300, 10000],
      [4, 'p-b', 300, 5000],
      [5, 'p-e', 100, 10000],
    ]);
    expect(top[0]).toMatchObject({ displayName: 'Name p-a', correct: 1, answered: 1 });
    for (const row of top) {
      expect(
        await fixture.board.rankOf({ scope: server, season: 1, period: 'all', playerId: row.playerId }),
      ).toEqual(row);
    }
    expect(await fixture.board.rankOf({ scope: server, season: 1, period: 'all', playerId: 'p-zero' })).toBe(
      undefined,
    );
    expect(await fixture.board.count(server, 1, 'all')).toBe(5);
    await expectHistogramConsistent();
  });

  it('when the caller is beyond the page, then the page has 10 rows and the caller still gets their rank', async () => {
    const server = '900000000000000002';
    const game = await newGame(fixture, server, 'pk', 1);
    for (let player = 1; player <= 23; player++) {
      await answer({
        serverId: server,
        game,
        round: 0,
        playerId: `q-${player}`,
        points: 1000 - player,
        at: NOW,
      });
    }
    const first = await fixture.service.leaderboardPage({
      scope: { serverId: server },
      period: 'all',
      page: 1,
      callerId: 'q-23',
      now: NOW,
    });
    expect(first.rows.map((row) => row.playerId)).toEqual(Array.from({ length: 10 }, (_, i) => `q-${i + 1}`));
    expect(first).toMatchObject({ page: 1, pageCount: 3, ranked: 23, periodLabel: 'leaderboard.period.all' });
    expect(first.caller).toMatchObject({ rank: 23, playerId: 'q-23', points: 977 });

    const second = await fixture.service.leaderboardPage({
      scope: { serverId: server },
      period: 'all',
      page: 2,
      callerId: 'q-23',
      now: NOW,
    });
    expect(second.rows.map((row) => row.rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);

    const beyond = await fixture.service.leaderboardPage({
      scope: { serverId: server },
      period: 'all',
      page: 99,
      callerId: 'nobody',
      now: NOW,
    });
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((row) => row.playerId)).toEqual(['q-21', 'q-22', 'q-23']);
    expect(beyond.caller).toBe(undefined);
  });

  it("when a player answered yesterday in the server's time zone, then it counts this week but not today", async () => {
    const server = '900000000000000003';
    await fixture.settings.update(server, { timeZone: 'America/New_York' });
    const game = await newGame(fixture, server, 'pk', 2);
    // 03:00 UTC on the 22nd is 22:00 on the 21st in New York: yesterday there, today in UTC.
    await answer({
      serverId: server,
      game,
      round: 0,
      playerId: 'r-late',
      points: 200,
      at: Date.UTC(2026, 10, 22, 3),
    });
    await answer({ serverId: server, game, round: 0, playerId: 'r-now', points: 150, at: NOW - MINUTE });

    const page = (period: 'day' | 'week', scope: { serverId: string } | 'global') =>
      fixture.service.leaderboardPage({ scope, period, page: 1, callerId: 'r-late', now: NOW });
    const today = await page('day', { serverId: server });
    expect(today.periodKey).toBe('day:2026-11-22');
    expect(today.rows.map((row) => row.playerId)).toEqual(['r-now']);
    expect(today.caller).toBe(undefined);
    // Sunday 22nd and Saturday 21st are in the same ISO week.
    expect((await page('week', { serverId: server })).rows.map((row) => row.playerId)).toEqual([
      'r-late',
      'r-now',
    ]);
    const globalToday = await page('day', 'global');
    expect(globalToday.caller).toMatchObject({ playerId: 'r-late', points: 200 });
  });

  it('when an admin resets the leaderboard, then old totals are hidden and new answers start a new season', async () => {
    const server = '900000000000000004';
    const game = await newGame(fixture, server, 'pk', 2);
    await answer({ serverId: server, game, round: 0, playerId: 's-old', points: 500, at: NOW - MINUTE });
    const season = await fixture.settings.resetLeaderboard(server, 'admin', NOW - MINUTE / 2);
    expect(season).toBe(2);

    const afterReset = await fixture.service.leaderboardPage({
      scope: { serverId: server },
      period: 'all',
      page: 1,
      callerId: 's-old',
      now: NOW,
    });
    expect(afterReset).toMatchObject({ rows: [], ranked: 0, pageCount: 1, caller: undefined, season: 2 });

    await answer({ serverId: server, game, round: 1, playerId: 's-new', points: 120, at: NOW });
    const next = await fixture.service.leaderboardPage({
      scope: { serverId: server },
      period: 'all',
      page: 1,
      callerId: 's-new',
      now: NOW,
    });
    expect(next.rows.map((row) => [row.playerId, row.points])).toEqual([['s-new', 120]]);
    // The global board has no seasons.
    const global = await fixture.service.leaderboardPage({
      scope: 'global',
      period: 'all',
      page: 1,
      callerId: 's-old',
      now: NOW,
    });
    expect(global.caller).toMatchObject({ playerId: 's-old', points: 500 });
  });

  it('when stats are asked for, then the server view is complete and the global view of others hides server hints', async () => {
    const server = '900000000000000005';
    const game = await newGame(fixture, server, 'pk', 4);
    const otherGame = await newGame(fixture, server, 'other', 1);
    const player = 'u-stats';
    await answer({
      serverId: server,
      game,
      round: 0,
      playerId: player,
      points: 180,
      at: NOW,
      latencyMs: 900,
    });
    await answer({
      serverId: server,
      game,
      round: 1,
      playerId: player,
      points: 150,
      at: NOW,
      latencyMs: 700,
    });
    await answer({ serverId: server, game, round: 2, playerId: player, points: 0, at: NOW });
    await answer({
      serverId: server,
      game,
      round: 3,
      playerId: player,
      points: 110,
      at: NOW,
      latencyMs: 2000,
    });
    await answer({
      serverId: server,
      game: otherGame,
      round: 0,
      playerId: player,
      points: 100,
      at: NOW,
      packId: 'other',
    });
    await use().prisma.dailyStreak.create({
      data: { serverId: server, playerId: player, current: 3, best: 5, lastLocalDate: '2026-11-22' },
    });

    const own = await fixture.service.playerStats({
      scope: { serverId: server },
      playerId: player,
      viewerId: 'x',
    });
    expect(own).toEqual({
      kind: 'full',
      stats: {
        displayName: `Name ${player}`,
        gamesPlayed: 2,
        answered: 5,
        correct: 4,
        accuracyBp: 8000,
        points: 540,
        fastestCorrectMs: 700,
        bestRun: 2,
        dailyStreak: { current: 3, best: 5 },
        favouritePackId: 'pk',
      },
    });
    const globalOther = await fixture.service.playerStats({
      scope: 'global',
      playerId: player,
      viewerId: 'x',
    });
    expect(globalOther.kind).toBe('public');
    expect(globalOther.kind === 'public' && Object.keys(globalOther.stats)).not.toContain('favouritePackId');
    const globalSelf = await fixture.service.playerStats({
      scope: 'global',
      playerId: player,
      viewerId: player,
    });
    expect(globalSelf).toMatchObject({
      kind: 'full',
      stats: { points: 540, favouritePackId: 'pk', dailyStreak: undefined },
    });
    expect(
      await fixture.service.playerStats({ scope: { serverId: server }, playerId: 'ghost', viewerId: 'x' }),
    ).toEqual({
      kind: 'no-data',
    });
  });

  it('when a player asks to be forgotten, then every row about them is deleted, and again deletes nothing', async () => {
    const server = '900000000000000006';
    const game = await newGame(fixture, server, 'pk', 2);
    const player = 'f-me';
    await answer({ serverId: server, game, round: 0, playerId: player, points: 250, at: NOW });
    await answer({ serverId: server, game, round: 1, playerId: player, points: 0, at: NOW });
    await answer({ serverId: server, game, round: 0, playerId: 'f-other', points: 100, at: NOW });
    const { prisma } = use();
    const challenge = await prisma.dailyChallenge.create({
      data: {
        serverId: server,
        localDate: '2026-11-22',
        number: 1,
        timeZone: 'UTC',
        questionIds: ['pk-q'],
        channelId: 'daily',
        resetsAt: new Date(NOW + 60 * MINUTE),
      },
    });
    await prisma.dailyEntry.create({
      data: {
        challengeId: challenge.id,
        playerId: player,
        startedAt: new Date(NOW),
        correct: 1,
        points: 100,
      },
    });
    await prisma.dailyAnswer.create({
      data: {
        challengeId: challenge.id,
        playerId: player,
        questionIndex: 0,
        choiceIndex: 0,
        correct: true,
        points: 100,
        askedAt: new Date(NOW),
        answeredAt: new Date(NOW),
      },
    });
    await prisma.dailyStreak.create({
      data: { serverId: server, playerId: player, current: 1, best: 1, lastLocalDate: '2026-11-22' },
    });
    expect(await fixture.board.count(server, 1, 'all')).toBe(2);

    expect(await fixture.service.forgetMe(player)).toEqual({
      players: 1,
      answers: 2,
      scoreTotals: 8,
      playerStats: 2,
      dailyEntries: 1,
      dailyAnswers: 1,
      dailyStreaks: 1,
    });
    const where = { playerId: player };
    const left = await Promise.all([
      prisma.player.count({ where: { id: player } }),
      prisma.answer.count({ where }),
      prisma.scoreTotal.count({ where }),
      prisma.playerStats.count({ where }),
      prisma.dailyEntry.count({ where }),
      prisma.dailyAnswer.count({ where }),
      prisma.dailyStreak.count({ where }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await fixture.board.count(server, 1, 'all')).toBe(1);
    expect(
      await fixture.board.rankOf({ scope: server, season: 1, period: 'all', playerId: 'f-other' }),
    ).toMatchObject({
      rank: 1,
    });
    await expectHistogramConsistent();
    expect(Object.values(await fixture.service.forgetMe(player))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('when 100,000 players are ranked, then top 10 and anyone’s rank match a brute-force ordering', async () => {
    const scope = 'bench-100k';
    const { prisma } = use();
    // Many ties on every key: 100,000 players over ~3,000 scores, 3 accuracies and 7 instants, some at 0 points.
    await prisma.$executeRaw`
      INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt")
      SELECT 'b' || g, 'Bench ' || g, now(), now() FROM generate_series(1, 100000) AS g`;
    await prisma.$executeRaw`
      INSERT INTO "ScoreTotal" (scope, season, period, "playerId", points, correct, answered, "accuracyBp", "reachedAt")
      SELECT ${scope}, 1, 'all', 'b' || g, (g * 7919) % 3001 * 37, g % 3, 2, (g % 3) * 5000,
             timestamptz '2026-11-01' + (g % 7) * interval '1 minute'
      FROM generate_series(1, 100000) AS g`;
    // Seeded behind recordAnswer's back, so the histogram is rebuilt the way the migration backfills it.
    await prisma.$executeRaw`
      INSERT INTO "ScoreHistogram" (scope, season, period, size, start, players)
      SELECT t.scope, t.season, t.period, s.size, t.points - t.points % s.size, count(*)::int
      FROM "ScoreTotal" t CROSS JOIN (VALUES (1), (1024)) AS s(size)
      WHERE t.scope = ${scope} AND t.points > 0 GROUP BY 1, 2, 3, 4, 5`;

    const ranked = await fixture.board.count(scope, 1, 'all');
    expect(ranked).toBe(await prisma.scoreTotal.count({ where: { scope, points: { gt: 0 } } }));
    const sampled = [1, 2, 3, 1024, 5000, Math.floor(ranked / 2), ranked - 1, ranked];
    const pageAt = 50_000;
    const wanted = [...Array.from({ length: 10 }, (_, i) => [i + 1, pageAt + i + 1]).flat(), ...sampled];
    const truth = new Map((await bruteForce(scope, 1, 'all', wanted)).map((row) => [row.rank, row.playerId]));
    const expectedPage = (offset: number) =>
      Array.from({ length: 10 }, (_, i) => [offset + i + 1, truth.get(offset + i + 1)]);

    const top = await fixture.board.top({ scope, season: 1, period: 'all', offset: 0, limit: 10 });
    expect(top.map((row) => [row.rank, row.playerId])).toEqual(expectedPage(0));
    const page = await fixture.board.top({ scope, season: 1, period: 'all', offset: pageAt, limit: 10 });
    expect(page.map((row) => [row.rank, row.playerId])).toEqual(expectedPage(pageAt));
    for (const rank of sampled) {
      const playerId = truth.get(rank)!;
      const row = await fixture.board.rankOf({ scope, season: 1, period: 'all', playerId });
      expect(row?.rank, playerId).toBe(rank);
    }
    expect(await fixture.board.rankOf({ scope, season: 1, period: 'all', playerId: 'b3001' })).toBe(
      undefined,
    );
  });
});
