import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  challengeNumber,
  chooseDailyQuestions,
  dailyQuestionPoints,
  dailyScore,
  answerDaily,
  dailyRunResult,
  isDailyRunFinished,
  startDailyRun,
  isPostDue,
  nextPostAt,
  nextPostingInstant,
  nextResetAt,
  nextStreak,
  NO_STREAK,
  shareLine,
  streakOn,
  type Streak,
} from '../../src/core/daily/index.ts';
import { addDays } from '../../src/core/time/calendar.ts';
import { makeQuestion, makeQuestions } from './fixtures.ts';

const madrid = { timeZone: 'Europe/Madrid', postTime: '09:00' };

describe('posting schedule', () => {
  it('when the posting time has not come, then nothing is due and the next post is today', () => {
    const now = Date.UTC(2026, 10, 22, 7, 59); // 08:59 in Madrid

    expect(isPostDue(now, madrid, '2026-11-21')).toBe(false);
    expect(nextPostAt(now, madrid, '2026-11-21')).toBe(Date.UTC(2026, 10, 22, 8, 0));
  });

  it('when the posting time has passed and today was not posted, then it is due (even hours late)', () => {
    expect(isPostDue(Date.UTC(2026, 10, 22, 8, 0), madrid, '2026-11-21')).toBe(true);
    expect(isPostDue(Date.UTC(2026, 10, 22, 20, 0), madrid, null)).toBe(true);
  });

  it('when today was already posted, then the next post is tomorrow', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0);

    expect(isPostDue(now, madrid, '2026-11-22')).toBe(false);
    expect(nextPostAt(now, madrid, '2026-11-22')).toBe(Date.UTC(2026, 10, 23, 8, 0));
  });

  it('when the posting time falls in the spring-forward gap, then it posts at the jump', () => {
    const t = nextPostingInstant('2026-03-29', '02:30', 'Europe/Madrid');

    expect(new Date(t).toISOString()).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
  });

  it('when asked for the reset, then it is the next local midnight', () => {
    const now = Date.UTC(2026, 10, 22, 22, 30); // 23:30 in Madrid

    expect(nextResetAt(now, 'Europe/Madrid')).toBe(Date.UTC(2026, 10, 22, 23, 0));
  });

  it('when the clocks go back tonight, then the reset is still local midnight (a 25-hour day)', () => {
    const now = Date.UTC(2026, 9, 24, 12, 0);

    expect(nextResetAt(now, 'Europe/Madrid')).toBe(Date.UTC(2026, 9, 24, 22, 0));
    expect(nextResetAt(Date.UTC(2026, 9, 24, 22, 0), 'Europe/Madrid')).toBe(Date.UTC(2026, 9, 25, 23, 0));
  });
});

describe('challenge number and questions', () => {
  it('when the date is the epoch, then it is challenge #1', () => {
    expect(challengeNumber('2026-01-01')).toBe(1);
    expect(challengeNumber('2026-11-22')).toBe(326);
  });

  it('when recomputed for the same server and day, then the same questions come out, easy to hard', () => {
    const pool = makeQuestions(40).map((q, i) => ({ ...q, difficulty: ((i % 3) + 1) as 1 | 2 | 3 }));

    const a = chooseDailyQuestions({ pool, history: [], date: '2026-11-22', seed: 'guild-1' });
    const b = chooseDailyQuestions({ pool, history: [], date: '2026-11-22', seed: 'guild-1' });

    expect(a).toEqual(b);
    expect(a.kind === 'chosen' && a.questions.length).toBe(5);
    const difficulties = a.kind === 'chosen' ? a.questions.map((q) => q.difficulty) : [];
    expect(difficulties).toEqual(difficulties.slice().sort());
  });

  it("when today's set is already in the history, then recomputing still gives the same set", () => {
    const pool = makeQuestions(40);
    const first = chooseDailyQuestions({ pool, history: [], date: '2026-11-22', seed: 'g' });
    const history =
      first.kind === 'chosen'
        ? first.questions.map((q) => ({ questionId: q.id, localDate: '2026-11-22' }))
        : [];

    expect(chooseDailyQuestions({ pool, history, date: '2026-11-22', seed: 'g' })).toEqual(first);
  });

  it('when days go by, then no question repeats until the pool is used up, and then the oldest return', () => {
    const pool = makeQuestions(20);
    const history: { questionId: string; localDate: string }[] = [];
    const perDay: string[][] = [];
    for (let day = 0; day < 5; day++) {
      const date = addDays('2026-11-01', day);
      const result = chooseDailyQuestions({ pool, history, date, seed: 'g' });
      const ids = result.kind === 'chosen' ? result.questions.map((q) => q.id) : [];
      perDay.push(ids);
      history.push(...ids.map((questionId) => ({ questionId, localDate: date })));
    }

    expect(new Set(perDay.slice(0, 4).flat()).size).toBe(20);
    expect(perDay[4]?.slice().sort()).toEqual(perDay[0]?.slice().sort());
  });

  it('when the pool is empty, then it says so', () => {
    expect(chooseDailyQuestions({ pool: [], history: [], date: '2026-11-22', seed: 'g' })).toEqual({
      kind: 'empty-pool',
    });
  });

  it('when different servers choose on the same day, then their sets usually differ', () => {
    const pool = [...makeQuestions(50), makeQuestion('extra')];

    const a = chooseDailyQuestions({ pool, history: [], date: '2026-11-22', seed: 'guild-a' });
    const b = chooseDailyQuestions({ pool, history: [], date: '2026-11-22', seed: 'guild-b' });

    expect(a).not.toEqual(b);
  });
});

describe('streaks', () => {
  it('when played on consecutive dates, then the streak grows; a missed day resets it', () => {
    let s: Streak = NO_STREAK;
    for (const d of ['2026-11-01', '2026-11-02', '2026-11-03']) s = nextStreak(s, d);
    expect(s).toEqual({ lastDate: '2026-11-03', current: 3, best: 3 });

    s = nextStreak(s, '2026-11-05');

    expect(s).toEqual({ lastDate: '2026-11-05', current: 1, best: 3 });
  });

  it('when the DST change makes a day 23 or 25 hours long, then the streak is unaffected', () => {
    let s = nextStreak(null, '2026-10-24');
    s = nextStreak(s, '2026-10-25'); // Madrid's 25-hour day
    s = nextStreak(s, '2026-10-26');

    expect(s.current).toBe(3);
  });

  it('when the same day is played twice or an old date arrives, then nothing changes', () => {
    const s = nextStreak(nextStreak(null, '2026-11-02'), '2026-11-03');

    expect(nextStreak(s, '2026-11-03')).toBe(s);
    expect(nextStreak(s, '2026-11-01')).toBe(s);
  });

  it('when displayed after a missed day, then it shows 0 but keeps the best', () => {
    const s = nextStreak(nextStreak(null, '2026-11-02'), '2026-11-03');

    expect(streakOn(s, '2026-11-04')).toBe(2);
    expect(streakOn(s, '2026-11-05')).toBe(0);
    expect(s.best).toBe(2);
  });

  it('when any sequence of dates is played, then 1 <= current <= best and never negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 1 }), (offsets) => {
        let s: Streak = NO_STREAK;
        for (const o of offsets) s = nextStreak(s, addDays('2026-11-01', o));
        return s.current >= 1 && s.current <= s.best && s.best <= offsets.length;
      }),
    );
  });
});

describe('daily scoring and sharing', () => {
  it('when correct answers come quickly, then they earn base plus up to 50', () => {
    expect(dailyQuestionPoints({ correct: true, elapsedMs: 0 })).toBe(150);
    expect(dailyQuestionPoints({ correct: true, elapsedMs: 15_000 })).toBe(125);
    expect(dailyQuestionPoints({ correct: true, elapsedMs: 30_000 })).toBe(0);
    expect(dailyQuestionPoints({ correct: false, elapsedMs: 1000 })).toBe(0);
  });

  it('when a day is scored, then the totals and the per-question results are returned', () => {
    const result = dailyScore([
      { correct: true, elapsedMs: 0 },
      { correct: false, elapsedMs: 2000 },
      { correct: true, elapsedMs: 31_000 },
    ]);

    expect(result).toEqual({ points: 150, correct: 1, total: 3, results: [true, false, false] });
  });

  it('when sharing, then the line shows number, score, squares and streak but no answers', () => {
    const line = shareLine({ challengeNumber: 42, results: [true, true, false, true, true], streak: 7 });

    expect(line).toBe('Plot Trivia #42 4/5 ✅✅❌✅✅ 🔥 7');
    expect(shareLine({ challengeNumber: 1, results: [false], streak: 0 })).toBe('Plot Trivia #1 0/1 ❌');
  });
});

describe('daily run', () => {
  const questions = makeQuestions(3); // answer is always choice 0

  it('when a player answers every question, then the run finishes with the day result', () => {
    let run = startDailyRun(questions, 0);
    const steps: [number | null, number][] = [
      [0, 0],
      [1, 5000],
      [0, 5000 + 15_000],
    ];
    for (const [choice, at] of steps) {
      const r = answerDaily(run, choice, at);
      if (r.kind !== 'answered') throw new Error(r.kind);
      run = r.run;
    }

    expect(isDailyRunFinished(run)).toBe(true);
    expect(dailyRunResult(run)).toEqual({
      points: 150 + 125,
      correct: 2,
      total: 3,
      results: [true, false, true],
    });
    expect(answerDaily(run, 0, 30_000)).toEqual({ kind: 'finished' });
  });

  it('when the answer comes after the time limit, then it counts as a wrong timeout', () => {
    const r = answerDaily(startDailyRun(questions, 0), 0, 30_000);

    expect(r).toMatchObject({ kind: 'answered', correct: false, timedOut: true, points: 0 });
  });

  it('when the choice is out of range, then nothing is recorded', () => {
    expect(answerDaily(startDailyRun(questions, 0), 7, 10)).toEqual({ kind: 'invalid-choice' });
  });
});
