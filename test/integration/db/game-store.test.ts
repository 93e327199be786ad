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
