import { beforeAll, expect, it } from 'vitest';
import { PrismaGameStore } from '../../../src/adapters/db/game-store.ts';
import type { AnswerRecord } from '../../../src/core/storage.ts';
import { describeEachDatabase } from '../../support/databases.ts';

const SERVER = '110000000000000001';
const CHANNEL = '310000000000000001';

describeEachDatabase('game store', (use) => {
  let store: PrismaGameStore;
  let gameId = '';
  let roundIds: string[] = [];

  beforeAll(async () => {
    const { prisma } = use();
    store = new PrismaGameStore(prisma);
    await prisma.questionPack.create({
      data: { id: 'pk', title: 'Pack', lang: 'en', questionCount: 2, generatorVersion: '1', checksum: 'c' },
    });
    for (const id of ['qa', 'qb']) {
      await prisma.question.create({
        data: {
          id,
          packId: 'pk',
          type: 'cast',
          difficulty: 1,
          prompt: '?',
          choices: ['a', 'b', 'c', 'd'],
          answerIndex: 0,
          source: 's',
        },
      });
    }
    const created = await store.createGame({
      serverId: SERVER,
      channelId: CHANNEL,
      packId: 'pk',
      startedBy: 'starter',
      questionCount: 2,
      secondsPerQuestion: 20,
      difficulty: undefined,
      startedAt: Date.UTC(2026, 10, 22, 10),
    });
    if (created.kind !== 'created') throw new Error('expected a new game');
    gameId = created.gameId;
    roundIds = [
      await store.openRound({
        gameId,
        index: 0,
        questionId: 'qa',
        choiceOrder: [0, 1, 2, 3],
        openedAt: Date.UTC(2026, 10, 22, 10),
        deadline: Date.UTC(2026, 10, 22, 10, 0, 20),
      }),
      await store.openRound({
        gameId,
        index: 1,
        questionId: 'qb',
        choiceOrder: [3, 2, 1, 0],
        openedAt: Date.UTC(2026, 10, 22, 10, 1),
        deadline: Date.UTC(2026, 10, 22, 10, 1, 20),
      }),
    ];
  });

  function answer(round: number, player: number, correct: boolean, points: number): AnswerRecord {
    return {
      roundId: roundIds[round]!,
      gameId,
      serverId: SERVER,
      playerId: `4000000000000${String(player).padStart(5, '0')}`,
      playerName: `Player ${player}`,
      packId: 'pk',
      choiceIndex: correct ? 0 : 1,
      correct,
      points,
      latencyMs: 1000 + player,
      answeredAt: Date.UTC(2026, 10, 22, 10, 0, 1) + player,
      season: 1,
      periods: ['all', 'day:2026-11-22', 'week:2026-W47', 'month:2026-11'],
      globalPeriods: ['all', 'day:2026-11-22', 'week:2026-W47', 'month:2026-11'],
    };
  }

  it('when a second game starts in the same channel, then it is told which game runs there', async () => {
    const second = await store.createGame({
      serverId: SERVER,
      channelId: CHANNEL,
      packId: 'pk',
      startedBy: 'other',
      questionCount: 2,
      secondsPerQuestion: 20,
      difficulty: undefined,
      startedAt: Date.UTC(2026, 10, 22, 10),
    });
    expect(second).toEqual({ kind: 'channel-busy', gameId, messageId: undefined });
  });

  it('when 50 players answer at once and each clicks twice, then each answer and total is counted once', async () => {
    const players = Array.from({ length: 50 }, (_, index) => index);
    const results = await Promise.all(
      players.flatMap((player) => [
        store.recordAnswer(answer(0, player, player % 2 === 0, player % 2 === 0 ? 150 : 0)),
        store.recordAnswer(answer(0, player, player % 2 === 0, player % 2 === 0 ? 150 : 0)),
      ]),
    );
    expect(results.filter((result) => result.kind === 'recorded')).toHaveLength(50);
    expect(results.filter((result) => result.kind === 'duplicate')).toHaveLength(50);
    const { prisma } = use();
    expect(await prisma.answer.count({ where: { roundId: roundIds[0]! } })).toBe(50);
    const totals = await prisma.scoreTotal.aggregate({
      where: { scope: SERVER, season: 1, period: 'all' },
      _sum: { points: true, answered: true, correct: true },
      _count: true,
    });
    expect(totals).toMatchObject({ _count: 50, _sum: { points: 25 * 150, answered: 50, correct: 25 } });
    expect(await prisma.scoreTotal.count({ where: { scope: 'global' } })).toBe(200);
  });

  it('when a player answers a second round, then totals, accuracy, runs and games played add up', async () => {
    await store.recordAnswer(answer(1, 0, false, 0));
    await store.recordAnswer(answer(1, 2, true, 120));
    const { prisma } = use();
    const wrongAfterRight = await prisma.scoreTotal.findUniqueOrThrow({
      where: {
        scope_season_period_playerId: {
          scope: SERVER,
          season: 1,
          period: 'all',
          playerId: answer(1, 0, false, 0).playerId,
        },
      },
    });
    expect(wrongAfterRight).toMatchObject({ points: 150, answered: 2, correct: 1, accuracyBp: 5000 });
    const stats = await prisma.playerStats.findUniqueOrThrow({
      where: { scope_playerId: { scope: SERVER, playerId: answer(1, 2, true, 0).playerId } },
    });
    expect(stats).toMatchObject({ gamesPlayed: 1, currentRun: 2, bestRun: 2, fastestCorrectMs: 1002 });
    const broken = await prisma.playerStats.findUniqueOrThrow({
      where: { scope_playerId: { scope: SERVER, playerId: answer(1, 0, false, 0).playerId } },
    });
    expect(broken).toMatchObject({ currentRun: 0, bestRun: 1 });
  });

  it('when answers from two servers, rounds and days share one statement, then each counts where it belongs', async () => {
    const otherServer = '110000000000000002';
    const other = await store.createGame({
      serverId: otherServer,
      channelId: '310000000000000002',
      packId: 'pk',
      startedBy: 'starter',
      questionCount: 1,
      secondsPerQuestion: 20,
      difficulty: undefined,
      startedAt: Date.UTC(2026, 10, 23, 0, 30),
    });
    if (other.kind !== 'created') throw new Error('expected a new game');
    const otherRound = await store.openRound({
      gameId: other.gameId,
      index: 0,
      questionId: 'qa',
      choiceOrder: [0, 1, 2, 3],
      openedAt: Date.UTC(2026, 10, 23, 0, 30),
      deadline: Date.UTC(2026, 10, 23, 0, 30, 20),
    });
    const here = answer(1, 60, true, 200);
    const nextDay = ['all', 'day:2026-11-23', 'week:2026-W48', 'month:2026-11'];
    const there: AnswerRecord = {
      ...answer(0, 61, true, 300),
      roundId: otherRound,
      gameId: other.gameId,
      serverId: otherServer,
      season: 3,
      periods: nextDay,
      globalPeriods: nextDay,
    };
    const results = await store.recordAnswers([here, there, answer(0, 0, true, 150)]);
    expect(results).toEqual([{ kind: 'recorded' }, { kind: 'recorded' }, { kind: 'duplicate' }]);

    const { prisma } = use();
    const totals = await prisma.scoreTotal.findMany({
      where: { playerId: { in: [here.playerId, there.playerId] } },
      select: { scope: true, season: true, period: true, playerId: true, points: true },
      orderBy: [{ playerId: 'asc' }, { scope: 'asc' }, { period: 'asc' }],
    });
    const expected = (playerId: string, scope: string, season: number, periods: string[], points: number) =>
      periods.map((period) => ({ scope, season, period, playerId, points }));
    expect(totals).toEqual(
      [
        ...expected(here.playerId, SERVER, 1, [...here.periods].sort(), 200),
        ...expected(here.playerId, 'global', 1, [...here.periods].sort(), 200),
        ...expected(there.playerId, otherServer, 3, [...nextDay].sort(), 300),
        ...expected(there.playerId, 'global', 1, [...nextDay].sort(), 300),
      ].sort(
        (a, b) =>
          a.playerId.localeCompare(b.playerId) ||
          a.scope.localeCompare(b.scope) ||
          a.period.localeCompare(b.period),
      ),
    );
    const stats = await prisma.playerStats.findMany({
      where: { playerId: there.playerId },
      select: { scope: true, lastGameId: true, gamesPlayed: true },
      orderBy: { scope: 'asc' },
    });
    expect(stats).toEqual([
      { scope: otherServer, lastGameId: other.gameId, gamesPlayed: 1 },
      { scope: 'global', lastGameId: other.gameId, gamesPlayed: 1 },
    ]);
    const histogram = await prisma.scoreHistogram.findFirst({
      where: { scope: otherServer, season: 3, period: 'day:2026-11-23', size: 1, start: 300 },
    });
    expect(histogram?.players).toBe(1);
    await store.endGame(other.gameId, 'finished', Date.UTC(2026, 10, 23, 0, 31));
  });

  it('when one player appears twice in a batch, then nothing is written and the batch is refused', async () => {
    const twice = [answer(1, 70, true, 100), answer(0, 70, true, 100)];
    await expect(store.recordAnswers(twice)).rejects.toThrow(/appears twice/);
    const { prisma } = use();
    expect(await prisma.answer.count({ where: { playerId: twice[0]!.playerId } })).toBe(0);
  });

  it('when the game ends, then the channel is free and recent questions are listed newest first', async () => {
    await store.closeRound(roundIds[1]!, Date.UTC(2026, 10, 22, 10, 1, 20), 'deadline');
    await store.endGame(gameId, 'finished', Date.UTC(2026, 10, 22, 10, 2));
    expect(await store.runningGames()).toEqual([]);
    expect((await store.recentQuestions(CHANNEL, 10)).map((seen) => seen.questionId)).toEqual(['qb', 'qa']);
    const next = await store.createGame({
      serverId: SERVER,
      channelId: CHANNEL,
      packId: 'pk',
      startedBy: 'other',
      questionCount: 2,
      secondsPerQuestion: 20,
      difficulty: undefined,
      startedAt: Date.UTC(2026, 10, 22, 11),
    });
    expect(next.kind).toBe('created');
  });
});
