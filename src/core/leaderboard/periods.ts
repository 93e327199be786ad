import {
  addDays,
  isoWeek,
  isoWeekday,
  pad2,
  parseLocalDate,
  type LocalDateString,
} from '../time/calendar.ts';
import { localDate, zonedTimeToEpoch } from '../time/zoned.ts';

export type PeriodKind = 'day' | 'week' | 'month' | 'all';

export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'all'];

/** The range of instants JavaScript dates can represent; 'all' spans it. */
export const MIN_EPOCH_MS = -8.64e15;
export const MAX_EPOCH_MS = 8.64e15;

export interface Period {
  kind: PeriodKind;
  /** 'day:2026-11-22', 'week:2026-W47' (ISO week-year), 'month:2026-11', 'all'. */
  key: string;
  /** Inclusive. */
  start: number;
  /** Exclusive: the next period's start. */
  end: number;
}

/**
 * The period containing `now` in a server's time zone. Days start at local midnight (or the first instant of the
 * day when midnight is skipped by DST), weeks on Monday (ISO 8601), months on the 1st; consecutive periods tile
 * time with no gap or overlap.
 */
export function periodAt(kind: PeriodKind, now: number, timeZone: string): Period {
  if (kind === 'all') return { kind, key: 'all', start: MIN_EPOCH_MS, end: MAX_EPOCH_MS };
  const today = localDate(now, timeZone);
  const midnight = (date: LocalDateString): number => zonedTimeToEpoch(date, '00:00', timeZone);
  const key = keyOn(kind, today);

  switch (kind) {
    case 'day':
      return { kind, key, start: midnight(today), end: midnight(addDays(today, 1)) };
    case 'week': {
      const monday = addDays(today, 1 - isoWeekday(today));
      return { kind, key, start: midnight(monday), end: midnight(addDays(monday, 7)) };
    }
    case 'month': {
      const { year, month } = yearMonth(today);
      const first = `${String(year).padStart(4, '0')}-${pad2(month)}-01`;
      const nextFirst =
        month === 12
          ? `${String(year + 1).padStart(4, '0')}-01-01`
          : `${first.slice(0, 5)}${pad2(month + 1)}-01`;
      return { kind, key, start: midnight(first), end: midnight(nextFirst) };
    }
  }
}

function yearMonth(date: LocalDateString): { year: number; month: number } {
  const ymd = parseLocalDate(date);
  return { year: ymd?.year ?? 1970, month: ymd?.month ?? 1 };
}

/** The key of the period of `kind` that contains the local date `today`. */
function keyOn(kind: PeriodKind, today: LocalDateString): string {
  switch (kind) {
    case 'all':
      return 'all';
    case 'day':
      return `day:${today}`;
    case 'week': {
      const { year, week } = isoWeek(today);
      return `week:${year}-W${pad2(week)}`;
    }
    case 'month': {
      const { year, month } = yearMonth(today);
      return `month:${String(year).padStart(4, '0')}-${pad2(month)}`;
    }
  }
}

export function periodKey(kind: PeriodKind, now: number, timeZone: string): string {
  return periodAt(kind, now, timeZone).key;
}

/**
 * The keys of every period `now` falls in, the same as periodsAt's: what each answer is credited to. Only the
 * local date is needed, not the periods' bounds (which cost a dozen time-zone conversions): this runs per click.
 */
export function periodKeysAt(now: number, timeZone: string): string[] {
  const today = localDate(now, timeZone);
  return PERIOD_KINDS.map((kind) => keyOn(kind, today));
}

/** Every period `now` falls in, e.g. to credit a score to each leaderboard at once. */
export function periodsAt(now: number, timeZone: string): Period[] {
  return PERIOD_KINDS.map((kind) => periodAt(kind, now, timeZone));
}
