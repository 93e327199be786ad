import type { Rng } from '../random.ts';
import type { Difficulty, Question } from './question.ts';

export interface SeenQuestion {
  questionId: string;
  /** Anything that orders sightings: epoch ms, a day number, a sequence number. Larger is more recent. */
  seenAt: number;
}

export interface SelectQuestionsInput {
  pool: readonly Question[];
  count: number;
  difficulty?: Difficulty | 'any';
  /** What this channel (or server) was shown before; ids no longer in the pool are ignored. */
  recentlySeen: readonly SeenQuestion[];
  rng: Rng;
}

export type SelectQuestionsResult =
  | {
      kind: 'selected';
      questions: Question[];
      /** How many of them had been seen before (the pool ran out of unseen ones). */
      repeats: number;
    }
  | { kind: 'empty-pool' };

/**
 * Picks up to `count` distinct questions: never-seen ones first (in random order), then, only if those run out,
 * the least recently seen. The result is shuffled so repeats are not always last. Deterministic for a given Rng.
 */
export function selectQuestions(input: SelectQuestionsInput): SelectQuestionsResult {
  const wanted = Math.max(0, Math.floor(input.count));
  const difficulty = input.difficulty ?? 'any';
  const byId = new Map<string, Question>();
  for (const q of input.pool) {
    if ((difficulty === 'any' || q.difficulty === difficulty) && !byId.has(q.id)) byId.set(q.id, q);
  }
  if (byId.size === 0) return { kind: 'empty-pool' };

  const lastSeen = new Map<string, number>();
  for (const s of input.recentlySeen) {
    if (!byId.has(s.questionId)) continue;
    const prev = lastSeen.get(s.questionId);
    if (prev === undefined || s.seenAt > prev) lastSeen.set(s.questionId, s.seenAt);
  }

  // Shuffle first, then a stable sort: questions seen at the same moment keep a random order.
  const shuffled = input.rng.shuffle([...byId.values()]);
  const unseen = shuffled.filter((q) => !lastSeen.has(q.id));
  const seen = shuffled
    .filter((q) => lastSeen.has(q.id))
    .sort((a, b) => (lastSeen.get(a.id) ?? 0) - (lastSeen.get(b.id) ?? 0));

  const fromUnseen = unseen.slice(0, wanted);
  const fromSeen = seen.slice(0, wanted - fromUnseen.length);
  return {
    kind: 'selected',
    questions: input.rng.shuffle([...fromUnseen, ...fromSeen]),
    repeats: fromSeen.length,
  };
}
