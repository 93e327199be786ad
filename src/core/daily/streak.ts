import { addDays, type LocalDateString } from '../time/calendar.ts';

export interface Streak {
  lastDate: LocalDateString | null;
  current: number;
  best: number;
}

export const NO_STREAK: Streak = { lastDate: null, current: 0, best: 0 };

/**
 * Streaks count consecutive local dates played, compared as calendar dates (never 24-hour differences), so a
 * DST change cannot break or fake one. Playing the same date twice, or an earlier date, changes nothing.
 */
export function nextStreak(previous: Streak | null, playedDate: LocalDateString): Streak {
  const prev = previous ?? NO_STREAK;
  if (prev.lastDate !== null && playedDate <= prev.lastDate) return prev;
  const current = prev.lastDate !== null && addDays(prev.lastDate, 1) === playedDate ? prev.current + 1 : 1;
  return { lastDate: playedDate, current, best: Math.max(prev.best, current) };
}

/** The streak to show on `today`: still alive if the last play was today or yesterday, otherwise 0. */
export function streakOn(streak: Streak, today: LocalDateString): number {
  if (streak.lastDate === null) return 0;
  return streak.lastDate === today || addDays(streak.lastDate, 1) === today ? streak.current : 0;
}
