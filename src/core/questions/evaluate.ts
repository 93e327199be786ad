import { fold } from '../synopsis/text.ts';
import type { Rejection } from './generate.ts';
import { STOP_WORDS } from './accepted.ts';
import { REJECT_REASONS } from './gates.ts';
import { salience } from './salience.ts';
import type { RejectReason } from './gates.ts';
import type { Question, QuestionPack, QuestionType } from './question.ts';

/** A blind guesser sees the prompt and the options, never the synopsis's meaning. */
export type Guesser = 'longest' | 'frequent' | 'overlap';

export interface PackEvaluation {
  packId: string;
  words: number;
  facts: number;
  questions: number;
  yieldPer100Words: number;
  byType: Partial<Record<QuestionType, number>>;
  rejects: Record<RejectReason, number>;
  /** Share of questions each blind guesser answers right (ties split evenly); 0.25 is chance. */
  guessers: Record<Guesser, number>;
  /** How often the answer sits at A, B, C, D. */
  positions: [number, number, number, number];
}

// The gates' stop words plus the words of our own question templates, which every stem shares.
const STOP = new Set([
  ...STOP_WORDS,
  'which',
  'does',
  'did',
  'by',
  'por',
  'fill',
  'blank',
  'completa',
  'hueco',
  'how',
  'many',
  'cuantos',
  'cuantas',
  'his',
  'her',
  'su',
]);

function words(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w));
}

/** Credit for picking by `score`: 1/k when the answer is one of k options sharing the best score. */
function credit(q: Question, score: (option: string) => number): number {
  const scores = q.choices.map(score);
  const best = Math.max(...scores);
  const top = q.choices.filter((_, i) => scores[i] === best);
  return top.includes(q.answer) ? 1 / top.length : 0;
}

export function guesserScores(q: Question, foldedBody: string): Record<Guesser, number> {
  const stem = new Set(words(q.prompt));
  return {
    longest: credit(q, (o) => o.length),
    frequent: credit(q, (o) => salience(foldedBody, o)),
    overlap: credit(q, (o) => words(o).filter((w) => stem.has(w)).length),
  };
}

export function evaluatePack(
  pack: QuestionPack,
  body: string,
  rejected: readonly Rejection[],
): PackEvaluation {
  const foldedBody = fold(body);
  const rejects = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  for (const r of rejected) rejects[r.reason]++;
  const byType: Partial<Record<QuestionType, number>> = {};
  const totals: Record<Guesser, number> = { longest: 0, frequent: 0, overlap: 0 };
  const positions: [number, number, number, number] = [0, 0, 0, 0];
  for (const q of pack.questions) {
    byType[q.type] = (byType[q.type] ?? 0) + 1;
    const s = guesserScores(q, foldedBody);
    totals.longest += s.longest;
    totals.frequent += s.frequent;
    totals.overlap += s.overlap;
    const at = q.choices.indexOf(q.answer);
    if (at >= 0 && at < 4) positions[at as 0 | 1 | 2 | 3]++;
  }
  const n = Math.max(1, pack.questions.length);
  return {
    packId: pack.meta.id,
    words: pack.meta.words,
    facts: pack.facts.length,
    questions: pack.questions.length,
    yieldPer100Words: Math.round((pack.questions.length / Math.max(1, pack.meta.words)) * 1000) / 10,
    byType,
    rejects,
    guessers: { longest: totals.longest / n, frequent: totals.frequent / n, overlap: totals.overlap / n },
    positions,
  };
}
