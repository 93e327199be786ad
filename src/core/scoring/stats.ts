/** Fraction of correct answers in [0, 1]; 0 when nothing was answered. */
export function accuracy(correct: number, answered: number): number {
  if (answered <= 0) return 0;
  return Math.min(1, Math.max(0, correct / answered));
}

/** Whole-number percentage for display (e.g. 66 for 2/3). */
export function accuracyPercent(correct: number, answered: number): number {
  return Math.round(accuracy(correct, answered) * 100);
}

/** Longest run of consecutive correct answers, in answer order. */
export function bestStreak(results: readonly boolean[]): number {
  let best = 0;
  let run = 0;
  for (const ok of results) {
    run = ok ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** The run of correct answers ending with the latest answer. */
export function currentStreak(results: readonly boolean[]): number {
  let run = 0;
  for (let i = results.length - 1; i >= 0 && results[i] === true; i--) run++;
  return run;
}

export interface AnswerStats {
  answered: number;
  correct: number;
  accuracy: number;
  bestStreak: number;
  currentStreak: number;
}

export function answerStats(results: readonly boolean[]): AnswerStats {
  const correct = results.filter(Boolean).length;
  return {
    answered: results.length,
    correct,
    accuracy: accuracy(correct, results.length),
    bestStreak: bestStreak(results),
    currentStreak: currentStreak(results),
  };
}
