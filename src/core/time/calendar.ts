/**
 * Calendar arithmetic on local date strings ('YYYY-MM-DD'). Dates are treated as labels of days, never as
 * instants, so adding a day is always exactly one calendar day whatever the time zone does.
 */
export type LocalDateString = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function parseLocalDate(date: string): YMD | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = new Date(utcMidnight(ymd));
  if (back.getUTCMonth() + 1 !== ymd.month || back.getUTCDate() !== ymd.day) return null;
  return ymd;
}

export function isValidLocalDate(date: string): boolean {
  return parseLocalDate(date) !== null;
}

/** 'HH:MM' on a 24-hour clock. */
export function parseLocalTime(time: string): { hour: number; minute: number } | null {
  const m = TIME_RE.exec(time);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

export function isValidLocalTime(time: string): boolean {
  return parseLocalTime(time) !== null;
}

export function formatLocalDate({ year, month, day }: YMD): LocalDateString {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(date: LocalDateString, days: number): LocalDateString {
  const d = new Date(utcMidnight(mustParse(date)) + days * DAY_MS);
  return formatLocalDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDateString, to: LocalDateString): number {
  return Math.round((utcMidnight(mustParse(to)) - utcMidnight(mustParse(from))) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDateString): number {
  const dow = new Date(utcMidnight(mustParse(date))).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: LocalDateString): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = mustParse(thursday).year;
  const week = Math.floor(daysBetween(formatLocalDate({ year, month: 1, day: 1 }), thursday) / 7) + 1;
  return { year, week };
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function utcMidnight({ year, month, day }: YMD): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as written
  return d.getTime();
}

/** Callers validate dates at the boundary; a malformed one here is a bug, not an expected outcome. */
function mustParse(date: string): YMD {
  const ymd = parseLocalDate(date);
  if (!ymd) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return ymd;
}
