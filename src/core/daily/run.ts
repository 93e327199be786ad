import type { Question } from '../questions/question.ts';
import { dailyQuestionPoints, dailyScore, DAILY_SECONDS_PER_QUESTION, type DailyResult } from './scoring.ts';

/** One player's play-through of a day's challenge. Each question's clock starts when it is shown. */
export interface DailyRun {
  questions: readonly Question[];
  /** Index of the question on screen; equals questions.length when finished. */
  index: number;
  shownAt: number;
  answers: readonly { choiceIndex: number | null; correct: boolean; elapsedMs: number; points: number }[];
}

export function startDailyRun(questions: readonly Question[], at: number): DailyRun {
  return { questions, index: 0, shownAt: at, answers: [] };
}

export function isDailyRunFinished(run: DailyRun): boolean {
  return run.index >= run.questions.length;
}

export type DailyAnswerResult =
  | {
      kind: 'answered';
      /** False when wrong or after the time limit (then it counts as a timeout). */
      correct: boolean;
      timedOut: boolean;
      points: number;
      run: DailyRun;
    }
  | { kind: 'finished' }
  | { kind: 'invalid-choice' };

/**
 * Records the answer to the question on screen; the next question is considered shown at `at`. A late answer
 * (after DAILY_SECONDS_PER_QUESTION) is recorded as a wrong one, so an abandoned question can be closed by
 * answering it with `choiceIndex: null`.
 */
export function answerDaily(run: DailyRun, choiceIndex: number | null, at: number): DailyAnswerResult {
  const question = run.questions[run.index];
  if (!question) return { kind: 'finished' };
  if (choiceIndex !== null && !(Number.isInteger(choiceIndex) && choiceIndex >= 0 && choiceIndex <= 3)) {
    return { kind: 'invalid-choice' };
  }
  const elapsedMs = Math.max(0, at - run.shownAt);
  const timedOut = elapsedMs >= DAILY_SECONDS_PER_QUESTION * 1000;
  const right = choiceIndex !== null && question.choices[choiceIndex] === question.answer;
  const points = dailyQuestionPoints({ correct: right, elapsedMs });
  const correct = points > 0;
  const next: DailyRun = {
    ...run,
    index: run.index + 1,
    shownAt: at,
    answers: [...run.answers, { choiceIndex, correct, elapsedMs, points }],
  };
  return { kind: 'answered', correct, timedOut, points, run: next };
}

export function dailyRunResult(run: DailyRun): DailyResult {
  return dailyScore(run.answers);
}
