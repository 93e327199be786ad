import { speedBonus } from '../scoring/points.ts';

export const DAILY_SECONDS_PER_QUESTION = 30;
export const DAILY_BASE_POINTS = 100;
export const DAILY_MAX_SPEED_BONUS = 50;

export interface DailyAnswer {
  /** False for a wrong answer or a timeout. */
  correct: boolean;
  /** From the question being shown to the answer. */
  elapsedMs: number;
}

/** 100 for a correct answer plus up to 50 by time left of the 30 seconds; 0 when wrong or timed out. */
export function dailyQuestionPoints(answer: DailyAnswer): number {
  const limit = DAILY_SECONDS_PER_QUESTION * 1000;
  if (!answer.correct || answer.elapsedMs >= limit) return 0;
  return DAILY_BASE_POINTS + speedBonus(0, limit, answer.elapsedMs, DAILY_MAX_SPEED_BONUS);
}

export interface DailyResult {
  points: number;
  correct: number;
  total: number;
  /** Right/wrong per question in order (what the share line shows). */
  results: boolean[];
}

export function dailyScore(answers: readonly DailyAnswer[]): DailyResult {
  const results = answers.map((a) => dailyQuestionPoints(a) > 0);
  return {
    points: answers.reduce((sum, a) => sum + dailyQuestionPoints(a), 0),
    correct: results.filter(Boolean).length,
    total: answers.length,
    results,
  };
}
