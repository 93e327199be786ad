import { describe, expect, it } from 'vitest';
import { AnswerWriter, type AnswerBatchStore } from '../../src/app/answer-writer.ts';
import type { AppLogger } from '../../src/app/logger-port.ts';
import type { AnswerRecord, RecordAnswerResult } from '../../src/core/storage.ts';

const silent: AppLogger = { info() {}, warn() {}, error() {} };

function answer(gameId: string, playerId: string): AnswerRecord {
  return {
    roundId: `${gameId}-r0`,
    gameId,
    serverId: `server-${gameId}`,
    playerId,
    playerName: playerId,
    packId: 'pk',
    choiceIndex: 0,
    correct: true,
    points: 100,
    latencyMs: 1000,
    answeredAt: 0,
    season: 1,
    periods: ['all'],
    globalPeriods: ['all'],
  };
}

/** Records every statement it is given; a statement holding a "poison" player fails like a rejected write. */
class RecordingStore implements AnswerBatchStore {
  readonly statements: string[][] = [];
  private readonly stored = new Set<string>();
  private release: (() => void) | undefined;
  private gate: Promise<void> | undefined;

  /** Holds the next statement until `open()`, as a slow database would. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release?.();
    this.gate = undefined;
  }

  async recordAnswers(batch: readonly AnswerRecord[]): Promise<RecordAnswerResult[]> {
    this.statements.push(batch.map((a) => `${a.gameId}:${a.playerId}`));
    await this.gate;
    const players = batch.map((a) => a.playerId);
    if (new Set(players).size !== players.length) throw new Error('a player appears twice in a batch');
    if (players.includes('poison')) throw new Error('constraint violated');
    return batch.map((a) => {
      const key = `${a.roundId}:${a.playerId}`;
      if (this.stored.has(key)) return { kind: 'duplicate' };
      this.stored.add(key);
      return { kind: 'recorded' };
    });
  }
}

describe('AnswerWriter (group commit across games)', () => {
  it('when games answer while a write is in flight, then their answers share the next statement', async () => {
    const store = new RecordingStore();
    const writer = new AnswerWriter(store, 100, silent);
    store.hold();
    const first = writer.write([answer('g1', 'p1')]);
    await new Promise((resolve) => setImmediate(resolve));
    const waiting = ['g2', 'g3', 'g4'].map((game, index) =>
      writer.write([answer(game, `q${index}a`), answer(game, `q${index}b`)]),
    );
    store.open();
    const results = await Promise.all([first, ...waiting]);
    expect(store.statements).toEqual([
      ['g1:p1'],
      ['g2:q0a', 'g2:q0b', 'g3:q1a', 'g3:q1b', 'g4:q2a', 'g4:q2b'],
    ]);
    expect(results.map((result) => result.length)).toEqual([1, 2, 2, 2]);
    expect(writer.written).toEqual({ statements: 2, answers: 7 });
    expect(results.flat().every((result) => result.kind === 'recorded')).toBe(true);
  });

  it('when groups exceed the cap, then no group is split and each statement stays under it', async () => {
    const store = new RecordingStore();
    const writer = new AnswerWriter(store, 3, silent);
    const groups = [
      [answer('g1', 'a'), answer('g1', 'b')],
      [answer('g2', 'c'), answer('g2', 'd')],
      [answer('g3', 'e'), answer('g3', 'f'), answer('g3', 'g'), answer('g3', 'h')],
      [answer('g4', 'i')],
    ];
    await Promise.all(groups.map((group) => writer.write(group)));
    expect(store.statements).toEqual([
      ['g1:a', 'g1:b', 'g4:i'],
      ['g2:c', 'g2:d'],
      ['g3:e', 'g3:f', 'g3:g', 'g3:h'],
    ]);
  });

  it('when one player answers in two games at once, then the answers go in separate statements', async () => {
    const store = new RecordingStore();
    const writer = new AnswerWriter(store, 100, silent);
    const results = await Promise.all([
      writer.write([answer('g1', 'same')]),
      writer.write([answer('g2', 'same'), answer('g2', 'other')]),
      writer.write([answer('g3', 'third')]),
    ]);
    expect(store.statements).toEqual([
      ['g1:same', 'g3:third'],
      ['g2:same', 'g2:other'],
    ]);
    expect(results.flat().every((result) => result.kind === 'recorded')).toBe(true);
  });

  it('when a shared statement fails, then only the game with the bad answer is refused', async () => {
    const store = new RecordingStore();
    const writer = new AnswerWriter(store, 100, silent);
    const [good, bad, alsoGood] = await Promise.allSettled([
      writer.write([answer('g1', 'p1')]),
      writer.write([answer('g2', 'poison'), answer('g2', 'p2')]),
      writer.write([answer('g3', 'p3')]),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: [{ kind: 'recorded' }] });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('constraint violated') });
    expect(alsoGood).toEqual({ status: 'fulfilled', value: [{ kind: 'recorded' }] });
    // The bad game's other answer was not kept: the group is all or nothing.
    await expect(writer.write([answer('g2', 'p2')])).resolves.toEqual([{ kind: 'recorded' }]);
  });

  it('when an answer was already stored, then its duplicate is reported to its own game only', async () => {
    const store = new RecordingStore();
    const writer = new AnswerWriter(store, 100, silent);
    await writer.write([answer('g1', 'p1')]);
    const [again, other] = await Promise.all([
      writer.write([answer('g1', 'p1')]),
      writer.write([answer('g2', 'p2')]),
    ]);
    expect(again).toEqual([{ kind: 'duplicate' }]);
    expect(other).toEqual([{ kind: 'recorded' }]);
    expect(store.statements).toHaveLength(2);
  });
});
