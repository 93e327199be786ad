import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_EPOCH_MS,
  MIN_EPOCH_MS,
  periodAt,
  periodKey,
  periodKeysAt,
  periodsAt,
} from '../../src/core/leaderboard/periods.ts';

describe('periods', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0); // Sunday

  it('when asked for today in Madrid, then it spans local midnight to midnight', () => {
    expect(periodAt('day', now, 'Europe/Madrid')).toEqual({
      kind: 'day',
      key: 'day:2026-11-22',
      start: Date.UTC(2026, 10, 21, 23, 0),
      end: Date.UTC(2026, 10, 22, 23, 0),
    });
  });

  it('when it is Sunday, then the week started on Monday and ends next Monday', () => {
    const week = periodAt('week', now, 'UTC');

    expect(week).toEqual({
      kind: 'week',
      key: 'week:2026-W47',
      start: Date.UTC(2026, 10, 16),
      end: Date.UTC(2026, 10, 23),
    });
  });

  it('when the month contains a DST change, then it still starts and ends at local midnight', () => {
    const october = periodAt('month', Date.UTC(2026, 9, 15), 'Europe/Madrid');

    expect(october).toMatchObject({
      key: 'month:2026-10',
      start: Date.UTC(2026, 8, 30, 22),
      end: Date.UTC(2026, 9, 31, 23),
    });
  });

  it('when it is December, then the month ends on 1 January', () => {
    expect(periodAt('month', Date.UTC(2026, 11, 31, 12), 'UTC').end).toBe(Date.UTC(2027, 0, 1));
  });

  it('when the instant is late on Sunday UTC but Monday in Tokyo, then Tokyo is in the next week', () => {
    const t = Date.UTC(2026, 10, 22, 20, 0);

    expect(periodKey('week', t, 'UTC')).toBe('week:2026-W47');
    expect(periodKey('week', t, 'Asia/Tokyo')).toBe('week:2026-W48');
  });

  it('when asked for all time, then everything is in it', () => {
    expect(periodAt('all', now, 'UTC')).toEqual({
      kind: 'all',
      key: 'all',
      start: MIN_EPOCH_MS,
      end: MAX_EPOCH_MS,
    });
    expect(periodsAt(now, 'UTC').map((p) => p.key)).toEqual([
      'day:2026-11-22',
      'week:2026-W47',
      'month:2026-11',
      'all',
    ]);
  });

  it('when any instant is given, then it lies in its periods and the next period starts where this one ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom('UTC', 'Europe/Madrid', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Apia'),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const),
        (t, zone, kind) => {
          const p = periodAt(kind, t, zone);
          expect(p.start).toBeLessThanOrEqual(t);
          expect(t).toBeLessThan(p.end);
          expect(periodAt(kind, p.end, zone).start).toBe(p.end);
          expect(periodAt(kind, p.end - 1, zone).key).toBe(p.key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("when only the keys are asked for, then they are exactly the periods' keys, at any instant and zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('UTC', 'Europe/Madrid', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Apia'),
        (t, zone) => {
          expect(periodKeysAt(t, zone)).toEqual(periodsAt(t, zone).map((p) => p.key));
        },
      ),
      { numRuns: 500 },
    );
    // ISO week-years differ from calendar years at the turn of the year.
    expect(periodKeysAt(Date.UTC(2026, 11, 31, 12), 'UTC')).toEqual([
      'day:2026-12-31',
      'week:2026-W53',
      'month:2026-12',
      'all',
    ]);
  });
});
