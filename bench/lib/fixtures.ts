// Games and rounds to hang answers on, created through the bot's own store (foreign keys are real).
import type { Database } from '../../src/adapters/db/database.ts';
import { PrismaGameStore } from '../../src/adapters/db/game-store.ts';
import { syncPacks } from '../../src/adapters/db/pack-sync.ts';
import { loadPacks } from '../../src/adapters/questions/pack-bank.ts';
import { parsePack } from '../../src/core/questions/pack-format.ts';
import { PACKS_DIR } from '../../src/main.ts';

export interface RoundFixture {
  roundId: string;
  gameId: string;
  serverId: string;
  packId: string;
}

/** `servers` servers, one running game each, `roundsPerGame` rounds per game. */
/** The shipped packs' questions, synced as the bot does at start. */
export async function syncShippedPacks(database: Database): Promise<{ packId: string; questionId: string }> {
  const loaded = await loadPacks(PACKS_DIR, parsePack);
  await syncPacks(database.prisma, loaded.packs);
  const pack = loaded.packs[0]!.pack;
  return { packId: pack.meta.id, questionId: pack.questions[0]!.id };
}

export async function seedRounds(
  database: Database,
  servers: number,
  roundsPerGame: number,
  now: number,
): Promise<RoundFixture[]> {
  const loaded = await loadPacks(PACKS_DIR, parsePack);
  await syncPacks(database.prisma, loaded.packs);
  const pack = loaded.packs[0]!.pack;
  const store = new PrismaGameStore(database.prisma);
  const rounds: RoundFixture[] = [];
  for (let s = 0; s < servers; s++) {
    const serverId = `9000000000000${String(s).padStart(5, '0')}`;
    const created = await store.createGame({
      serverId,
      channelId: `8000000000000${String(s).padStart(5, '0')}`,
      packId: pack.meta.id,
      startedBy: 'bench',
      questionCount: roundsPerGame,
      secondsPerQuestion: 20,
      difficulty: undefined,
      startedAt: now,
    });
    if (created.kind !== 'created') throw new Error('channel busy in a fresh database');
    for (let index = 0; index < roundsPerGame; index++) {
      const question = pack.questions[index % pack.questions.length]!;
      const roundId = await store.openRound({
        gameId: created.gameId,
        index,
        questionId: question.id,
        choiceOrder: [0, 1, 2, 3],
        openedAt: now,
        deadline: now + 20_000,
      });
      rounds.push({ roundId, gameId: created.gameId, serverId, packId: pack.meta.id });
    }
  }
  return rounds;
}
