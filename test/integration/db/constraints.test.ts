import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('database constraints', (use) => {
  it('when two answers arrive for the same round and player, then the database keeps one', async () => {
    const { prisma } = use();
    await prisma.server.create({ data: { id: '100000000000000001' } });
    await prisma.player.create({ data: { id: '200000000000000001' } });
    await prisma.questionPack.create({
      data: { id: 'p', title: 'P', lang: 'en', questionCount: 1, generatorVersion: '1', checksum: 'c' },
    });
    await prisma.question.create({
      data: {
        id: 'q1',
        packId: 'p',
        type: 'cast',
        difficulty: 1,
        prompt: '?',
        choices: ['a', 'b', 'c', 'd'],
        answerIndex: 0,
        source: 's',
      },
    });
    const game = await prisma.game.create({
      data: {
        serverId: '100000000000000001',
        channelId: '300000000000000001',
        runningInChannelId: '300000000000000001',
        packId: 'p',
        startedBy: '200000000000000001',
        questionCount: 1,
        secondsPerQuestion: 20,
      },
    });
    const round = await prisma.round.create({
      data: {
        gameId: game.id,
        index: 0,
        questionId: 'q1',
        choiceOrder: [0, 1, 2, 3],
        openedAt: new Date(),
        deadline: new Date(),
      },
    });
    const answer = {
      roundId: round.id,
      playerId: '200000000000000001',
      serverId: '100000000000000001',
      packId: 'p',
      choiceIndex: 0,
      correct: true,
      points: 100,
      latencyMs: 1000,
      answeredAt: new Date(),
    };
    const results = await Promise.allSettled([
      prisma.answer.create({ data: answer }),
      prisma.answer.create({ data: answer }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect((rejected?.reason as { code?: string }).code).toBe('P2002');
    expect(await prisma.answer.count({ where: { roundId: round.id } })).toBe(1);
  });

  it('when a second game starts in a channel that has one running, then the database refuses it', async () => {
    const { prisma } = use();
    const data = {
      serverId: '100000000000000001',
      channelId: '300000000000000002',
      runningInChannelId: '300000000000000002',
      packId: 'p',
      startedBy: '200000000000000001',
      questionCount: 1,
      secondsPerQuestion: 20,
    };
    await prisma.game.create({ data });
    await expect(prisma.game.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('when the same daily challenge is created twice for a server and local date, then one exists', async () => {
    const { prisma } = use();
    const data = {
      serverId: '100000000000000001',
      localDate: '2026-11-22',
      number: 1,
      timeZone: 'UTC',
      questionIds: ['q1'],
      channelId: '300000000000000003',
      resetsAt: new Date('2026-11-23T00:00:00Z'),
    };
    await prisma.dailyChallenge.create({ data });
    await expect(prisma.dailyChallenge.create({ data })).rejects.toMatchObject({ code: 'P2002' });
  });
});
