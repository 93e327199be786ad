import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  canonicalTimeZone,
  daysBetween,
  isoWeek,
  isValidLocalDate,
  isValidLocalTime,
  isValidTimeZone,
  localDate,
  wallClock,
  zonedTimeToEpoch,
} from '../../src/core/time/index.ts';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Madrid',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
];

describe('calendar', () => {
  it('when adding days across month, year and leap day, then the calendar is followed', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-11-22')).toBe(325);
  });

  it('when validating, then impossible dates and times are rejected', () => {
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-2-1')).toBe(false);
    expect(isValidLocalTime('24:00')).toBe(false);
    expect(isValidLocalTime('9:00')).toBe(false);
    expect(isValidLocalTime('09:05')).toBe(true);
  });

  it('when a date sits at a year boundary, then the ISO week-year is used', () => {
    expect(isoWeek('2026-11-22')).toEqual({ year: 2026, week: 47 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });
});

describe('time zones', () => {
  it('when a zone is known, then it is valid and canonicalised', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(canonicalTimeZone('europe/madrid')).toBe('Europe/Madrid');
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('when it is already tomorrow east of UTC, then localDate says so', () => {
    const t = Date.UTC(2026, 10, 22, 23, 30);

    expect(localDate(t, 'UTC')).toBe('2026-11-22');
    expect(localDate(t, 'Asia/Tokyo')).toBe('2026-11-23');
    expect(localDate(t, 'America/Los_Angeles')).toBe('2026-11-22');
  });

  it('when the local time is skipped by DST, then the first valid instant after it is used', () => {
    const t = zonedTimeToEpoch('2026-03-08', '02:30', 'America/New_York');

    expect(new Date(t).toISOString()).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
  });

  it('when the local time happens twice, then the first occurrence is used', () => {
    const t = zonedTimeToEpoch('2026-11-01', '01:30', 'America/New_York');

    expect(new Date(t).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, not EST
  });

  it('when midnight itself is skipped, then the day starts at the jump', () => {
    const t = zonedTimeToEpoch('2026-09-06', '00:00', 'America/Santiago');

    expect(wallClock(t, 'America/Santiago')).toMatchObject({ day: 6, hour: 1, minute: 0 });
  });

  it('when converting any wall time back, then localDate gives the same date (DST included)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...ZONES),
        (dayOffset, hour, minute, zone) => {
          const date = addDays('2026-01-01', dayOffset);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const t = zonedTimeToEpoch(date, time, zone);
          const w = wallClock(t, zone);
          expect(localDate(t, zone)).toBe(date);
          // Either the exact wall time, or (in a gap) a later one within the same day.
          expect(w.hour * 60 + w.minute).toBeGreaterThanOrEqual(hour * 60 + minute);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when time advances, then localDate never goes backwards and changes by at most one day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.integer({ min: 0, max: 86_400_000 }),
        fc.constantFrom(...ZONES),
        (t, step, zone) => {
          const diff = daysBetween(localDate(t, zone), localDate(t + step, zone));
          return diff === 0 || diff === 1;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('when the zone is UTC, then the shortcut reads the same wall clock as the tz database does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -64_000_000_000_000, max: 8_000_000_000_000 }), (t) => {
        expect(wallClock(t, 'UTC')).toEqual(wallClock(t, 'Etc/UTC'));
      }),
      { numRuns: 500 },
    );
  });
});
