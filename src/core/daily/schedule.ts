import { addDays, type LocalDateString } from '../time/calendar.ts';
import { localDate, zonedTimeToEpoch } from '../time/zoned.ts';

export interface DailySchedule {
  /** IANA zone, validated with isValidTimeZone when the setting is saved. */
  timeZone: string;
  /** 'HH:MM', 24-hour, local to `timeZone`. */
  postTime: string;
}

/**
 * The instant the challenge of `date` is posted: `time` on that local date, with DST handled as in
 * zonedTimeToEpoch (a skipped time posts at the jump; a repeated time posts at its first occurrence).
 */
export function nextPostingInstant(date: LocalDateString, time: string, timeZone: string): number {
  return zonedTimeToEpoch(date, time, timeZone);
}

/**
 * Due when today's (local) challenge has not been posted and its posting time has come. A bot that was down at
 * posting time still posts later the same local day; a day missed entirely is not posted retroactively.
 */
export function isPostDue(
  now: number,
  schedule: DailySchedule,
  lastPostedLocalDate: LocalDateString | null,
): boolean {
  const today = localDate(now, schedule.timeZone);
  if (lastPostedLocalDate !== null && lastPostedLocalDate >= today) return false;
  return now >= nextPostingInstant(today, schedule.postTime, schedule.timeZone);
}

/** When the scheduler should next post: now if due, else today's or tomorrow's posting instant. */
export function nextPostAt(
  now: number,
  schedule: DailySchedule,
  lastPostedLocalDate: LocalDateString | null,
): number {
  if (isPostDue(now, schedule, lastPostedLocalDate)) return now;
  const today = localDate(now, schedule.timeZone);
  const todays = nextPostingInstant(today, schedule.postTime, schedule.timeZone);
  if (now < todays && (lastPostedLocalDate === null || lastPostedLocalDate < today)) return todays;
  return nextPostingInstant(addDays(today, 1), schedule.postTime, schedule.timeZone);
}

/** The daily challenge resets at the next local midnight (or the first instant of the next day, if skipped). */
export function nextResetAt(now: number, timeZone: string): number {
  return zonedTimeToEpoch(addDays(localDate(now, timeZone), 1), '00:00', timeZone);
}
