import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectQuestions } from '../../src/core/questions/selection.ts';
import { createRng } from '../../src/core/random.ts';
import { makeQuestion, makeQuestions } from './fixtures.ts';

describe('selectQuestions', () => {
  it('when the same seed is used, then the same questions come out in the same order', () => {
    const pool = makeQuestions(30);

    const a = selectQuestions({ pool, count: 10, recentlySeen: [], rng: createRng('seed') });
    const b = selectQuestions({ pool, count: 10, recentlySeen: [], rng: createRng('seed') });

    expect(a).toEqual(b);
  });

  it('when enough unseen questions exist, then no seen question is picked', () => {
    const pool = makeQuestions(10);
    const recentlySeen = pool.slice(0, 5).map((q, i) => ({ questionId: q.id, seenAt: i }));

    const result = selectQuestions({ pool, count: 5, recentlySeen, rng: createRng(1) });

    expect(result.kind === 'selected' && result.questions.map((q) => q.id).sort()).toEqual(
      ['q10', 'q6', 'q7', 'q8', 'q9'].sort(),
    );
  });

  it('when the pool is too small, then the least recently seen fill the gap', () => {
    const pool = makeQuestions(5);
    const recentlySeen = [
      { questionId: 'q1', seenAt: 50 },
      { questionId: 'q2', seenAt: 10 },
      { questionId: 'q3', seenAt: 30 },
      { questionId: 'q2', seenAt: 40 }, // seen again later: its latest sighting counts
    ];

    const result = selectQuestions({ pool, count: 4, recentlySeen, rng: createRng(7) });

    expect(result.kind).toBe('selected');
    if (result.kind !== 'selected') return;
    expect(result.repeats).toBe(2);
    expect(result.questions.map((q) => q.id).sort()).toEqual(['q2', 'q3', 'q4', 'q5']);
  });

  it('when a difficulty is set, then only that difficulty is picked', () => {
    const pool = [makeQuestion('e', { difficulty: 1 }), makeQuestion('h', { difficulty: 3 })];

    const result = selectQuestions({ pool, count: 5, difficulty: 3, recentlySeen: [], rng: createRng(1) });

    expect(result.kind === 'selected' && result.questions.map((q) => q.id)).toEqual(['h']);
  });

  it('when nothing matches, then the pool is reported empty', () => {
    const result = selectQuestions({
      pool: makeQuestions(3),
      count: 2,
      difficulty: 2,
      recentlySeen: [],
      rng: createRng(1),
    });

    expect(result).toEqual({ kind: 'empty-pool' });
  });

  it('when inputs are arbitrary, then picks are distinct and min(count, pool) many', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.record({ questionId: fc.constantFrom('q1', 'q2', 'q3', 'x'), seenAt: fc.integer() })),
        fc.integer(),
        (poolSize, count, recentlySeen, seed) => {
          const pool = makeQuestions(poolSize);
          const result = selectQuestions({ pool, count, recentlySeen, rng: createRng(seed) });
          if (result.kind !== 'selected') return false;
          const ids = result.questions.map((q) => q.id);
          return ids.length === Math.min(count, poolSize) && new Set(ids).size === ids.length;
        },
      ),
    );
  });
});
