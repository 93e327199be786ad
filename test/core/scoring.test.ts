import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  accuracyPercent,
  answerStats,
  bestStreak,
  compareStandings,
  currentStreak,
  pointsFor,
  rankStandings,
  speedBonus,
  type PlayerTotals,
} from '../../src/core/scoring/index.ts';

describe('pointsFor', () => {
  it('when the answer is wrong, then it scores nothing however fast', () => {
    const points = pointsFor({ correct: false, difficulty: 3, openedAt: 0, deadline: 20_000, answeredAt: 0 });

    expect(points).toBe(0);
  });

  it('when a correct answer comes instantly, then it scores base plus the full bonus', () => {
    expect(pointsFor({ correct: true, difficulty: 1, openedAt: 0, deadline: 20_000, answeredAt: 0 })).toBe(
      200,
    );
    expect(pointsFor({ correct: true, difficulty: 2, openedAt: 0, deadline: 20_000, answeredAt: 0 })).toBe(
      250,
    );
    expect(pointsFor({ correct: true, difficulty: 3, openedAt: 0, deadline: 20_000, answeredAt: 0 })).toBe(
      300,
    );
  });

  it('when a correct answer comes with a quarter of the time left, then the bonus is a quarter', () => {
    const points = pointsFor({
      correct: true,
      difficulty: 2,
      openedAt: 1000,
      deadline: 21_000,
      answeredAt: 16_000,
    });

    expect(points).toBe(150 + 25);
  });

  it('when the click is timestamped before the round opened, then the bonus is capped', () => {
    expect(speedBonus(1000, 2000, 0)).toBe(100);
  });

  it('when times are arbitrary, then the bonus stays within 0..100', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer(),
        (openedAt, length, answeredAt) => {
          const bonus = speedBonus(openedAt, openedAt + length, answeredAt);
          return bonus >= 0 && bonus <= 100 && Number.isInteger(bonus);
        },
      ),
    );
  });
});

describe('standings', () => {
  const p = (playerId: string, points: number, correct: number, answered: number, reachedAt: number) =>
    ({ playerId, points, correct, answered, reachedAt }) satisfies PlayerTotals;

  it('when points differ, then more points rank first', () => {
    const ranked = rankStandings([p('a', 100, 1, 1, 0), p('b', 300, 2, 5, 9)]);

    expect(ranked.map((s) => [s.playerId, s.rank])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('when points tie, then better accuracy ranks first', () => {
    const ranked = rankStandings([p('a', 300, 2, 4, 0), p('b', 300, 2, 3, 9)]);

    expect(ranked[0]?.playerId).toBe('b');
  });

  it('when points and accuracy tie, then whoever reached the score first ranks first', () => {
    const ranked = rankStandings([p('a', 300, 2, 4, 50), p('b', 300, 1, 2, 10)]);

    expect(ranked[0]?.playerId).toBe('b');
  });

  it('when everything else ties, then the player id decides', () => {
    const ranked = rankStandings([p('b', 0, 0, 1, 5), p('a', 0, 0, 1, 5)]);

    expect(ranked.map((s) => s.playerId)).toEqual(['a', 'b']);
  });

  const totalsArb = fc.uniqueArray(
    fc.record({
      playerId: fc.string({ maxLength: 4 }),
      points: fc.integer({ min: 0, max: 1000 }),
      answered: fc.integer({ min: 0, max: 10 }),
      correct: fc.integer({ min: 0, max: 10 }),
      reachedAt: fc.integer({ min: 0, max: 100 }),
    }),
    { selector: (t) => t.playerId, maxLength: 12 },
  );

  it('when the input order changes, then the standings do not (the order is total)', () => {
    const withPermutation = totalsArb.chain((totals) =>
      fc.tuple(fc.constant(totals), fc.shuffledSubarray(totals, { minLength: totals.length })),
    );
    fc.assert(
      fc.property(withPermutation, ([totals, permuted]) => {
        expect(rankStandings(permuted)).toEqual(rankStandings(totals));
      }),
    );
  });

  it('when comparing two distinct players, then the comparison is antisymmetric and never zero', () => {
    fc.assert(
      fc.property(totalsArb, (totals) => {
        for (const a of totals)
          for (const b of totals) {
            if (a.playerId === b.playerId) continue;
            const ab = compareStandings(a, b);
            expect(ab).not.toBe(0);
            expect(Math.sign(ab)).toBe(-Math.sign(compareStandings(b, a)));
          }
      }),
    );
  });
});

describe('stats', () => {
  it('when nothing was answered, then accuracy is 0', () => {
    expect(accuracy(0, 0)).toBe(0);
    expect(accuracyPercent(2, 3)).toBe(67);
  });

  it('when results alternate runs, then the best and current streaks are found', () => {
    const results = [true, true, false, true, true, true, false, true];

    expect(bestStreak(results)).toBe(3);
    expect(currentStreak(results)).toBe(1);
    expect(answerStats(results)).toEqual({
      answered: 8,
      correct: 6,
      accuracy: 0.75,
      bestStreak: 3,
      currentStreak: 1,
    });
  });

  it('when results are arbitrary, then 0 <= current <= best <= correct', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean()), (results) => {
        const s = answerStats(results);
        return 0 <= s.currentStreak && s.currentStreak <= s.bestStreak && s.bestStreak <= s.correct;
      }),
    );
  });
});
