import type { Question } from '../questions/question.ts';
import { selectQuestions } from '../questions/selection.ts';
import { createRng } from '../random.ts';
import { daysBetween, type LocalDateString } from '../time/calendar.ts';

/** Challenge #1 is this local date, in every server's own time zone. */
export const DAILY_EPOCH_DATE = '2026-01-01';
export const DAILY_QUESTION_COUNT = 5;

/**
 * Days since DAILY_EPOCH_DATE plus one, from the server's local date. The same local date has the same number
 * everywhere (like Wordle), so shared results compare, and a server that skips days keeps the numbering honest.
 * Dates before the epoch give numbers below 1.
 */
export function challengeNumber(date: LocalDateString): number {
  return daysBetween(DAILY_EPOCH_DATE, date) + 1;
}

export interface DailyHistoryEntry {
  questionId: string;
  localDate: LocalDateString;
}

export interface ChooseDailyInput {
  pool: readonly Question[];
  /** Every question this server's daily challenges used, with the date. */
  history: readonly DailyHistoryEntry[];
  date: LocalDateString;
  /** Usually the guild id: servers get different sets on the same day. */
  seed: string;
  count?: number;
}

export type ChooseDailyResult =
  { kind: 'chosen'; questions: Question[]; repeats: number } | { kind: 'empty-pool' };

/**
 * The day's questions: never-used ones first, then the longest unused. History from `date` onward is ignored,
 * so recomputing after today's set was recorded gives the same set (restart-safe). Ordered easy to hard.
 */
export function chooseDailyQuestions(input: ChooseDailyInput): ChooseDailyResult {
  const recentlySeen = input.history
    .filter((h) => h.localDate < input.date)
    .map((h) => ({ questionId: h.questionId, seenAt: daysBetween(DAILY_EPOCH_DATE, h.localDate) }));
  const result = selectQuestions({
    pool: input.pool,
    count: input.count ?? DAILY_QUESTION_COUNT,
    recentlySeen,
    rng: createRng(`daily:${input.seed}:${input.date}`),
  });
  if (result.kind === 'empty-pool') return result;
  const questions = result.questions.slice().sort((a, b) => a.difficulty - b.difficulty);
  return { kind: 'chosen', questions, repeats: result.repeats };
}
