import type { Difficulty } from '../questions/question.ts';

/** Base points for a correct answer, by question difficulty. */
export const BASE_POINTS: Readonly<Record<Difficulty, number>> = { 1: 100, 2: 150, 3: 200 };

/** The most a correct answer can add for speed (answering the instant the round opens). */
export const MAX_SPEED_BONUS = 100;

export interface TimedAnswer {
  correct: boolean;
  difficulty: Difficulty;
  openedAt: number;
  deadline: number;
  answeredAt: number;
}

/**
 * Linear speed bonus by the fraction of the round's time left when the answer was locked, rounded to a whole
 * point. Clamped, so clock skew between the round opening and the click never gives more than the maximum.
 */
export function speedBonus(
  openedAt: number,
  deadline: number,
  answeredAt: number,
  max = MAX_SPEED_BONUS,
): number {
  const duration = deadline - openedAt;
  if (duration <= 0) return 0;
  const left = Math.min(1, Math.max(0, (deadline - answeredAt) / duration));
  return Math.round(max * left);
}

/** Points for one answer in a channel game: 0 when wrong, base by difficulty plus speed bonus when right. */
export function pointsFor(answer: TimedAnswer): number {
  if (!answer.correct) return 0;
  return BASE_POINTS[answer.difficulty] + speedBonus(answer.openedAt, answer.deadline, answer.answeredAt);
}
