import { formatLocalDate, parseLocalDate, parseLocalTime, type LocalDateString } from './calendar.ts';

/**
 * Conversions between instants (epoch ms) and wall-clock time in an IANA time zone, built on
 * Intl.DateTimeFormat (deterministic for a given tz database).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

/** The tz database's spelling ('america/new_york' -> 'America/New_York'), or null if unknown. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (timeZone.trim() === '') return null;
  try {
    return formatterFor(timeZone).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(epochMs: number, timeZone: string): WallClock {
  if (timeZone === 'UTC') {
    // No formatter needed (and this is the global leaderboard's zone, asked on every answer).
    const date = new Date(epochMs);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type === 'era') bc = part.value === 'BC';
    else if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  if (bc) clock.year = 1 - clock.year;
  return clock;
}

/** The calendar date at `epochMs` in `timeZone`, as 'YYYY-MM-DD'. */
export function localDate(epochMs: number, timeZone: string): LocalDateString {
  return formatLocalDate(wallClock(epochMs, timeZone));
}

/** UTC offset in ms at an instant (positive east of Greenwich), at one-second resolution. */
export function offsetAt(epochMs: number, timeZone: string): number {
  const t = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(wallClock(t, timeZone)) - t;
}

/**
 * The instant at which `timeZone` reads `date` `time` ('HH:MM'). When that wall time happens twice (clocks going
 * back), the first occurrence; when it never happens (clocks jumping forward), the first instant after it, i.e.
 * the moment of the jump. Inputs are validated at the boundary: a malformed date or time throws (a bug).
 */
export function zonedTimeToEpoch(date: LocalDateString, time: string, timeZone: string): number {
  const ymd = parseLocalDate(date);
  const hm = parseLocalTime(time);
  if (!ymd || !hm) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const wall = wallAsUtc({ ...ymd, hour: hm.hour, minute: hm.minute, second: 0 });
  const local = (t: number): number => t + offsetAt(t, timeZone);

  // Any offset in force near the wall time; true offsets are within ±14 h, transitions are rare.
  const offsets = new Set<number>();
  for (const h of [-48, -24, -12, 0, 12, 24, 48]) offsets.add(offsetAt(wall + h * 3_600_000, timeZone));

  const exact = [...offsets].map((o) => wall - o).filter((t) => local(t) === wall);
  if (exact.length > 0) return Math.min(...exact);

  // A gap: local time jumps over `wall` between these bounds; find the jump to the second.
  let lo = Math.floor((wall - Math.max(...offsets)) / 1000);
  let hi = Math.ceil((wall - Math.min(...offsets)) / 1000);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (local(mid * 1000) >= wall) hi = mid;
    else lo = mid + 1;
  }
  return lo * 1000;
}

function wallAsUtc(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}
