import { containsWords } from '../synopsis/text.ts';
import type { AcceptedQuestions } from './accepted.ts';
import { matchesAnswer, matchesEither, normaliseAnswer } from './match.ts';
import { salience } from './salience.ts';
import type { Question } from './question.ts';

export type RejectReason =
  | 'answer-in-stem'
  | 'unfilled-slot'
  | 'pronoun-start'
  | 'options-invalid'
  | 'distractor-true'
  | 'ungrounded'
  | 'near-duplicate'
  | 'too-long'
  | 'answer-overused'
  | 'guessable';

export const REJECT_REASONS: readonly RejectReason[] = [
  'answer-in-stem',
  'unfilled-slot',
  'pronoun-start',
  'options-invalid',
  'distractor-true',
  'ungrounded',
  'near-duplicate',
  'too-long',
  'answer-overused',
  'guessable',
];

/** The protagonist answers half the "who" questions of a synopsis; past this many per type, they teach nothing. */
export const MAX_SAME_ANSWER_PER_TYPE = 3;

/** Discord limits: a button label holds 80 characters, an embed title 256, an embed field 1024. */
export const LIMITS = { prompt: 256, choice: 80, accepted: 100, source: 1024 } as const;

/** What the gates need besides the question itself. */
export interface GateContext {
  /** Values the facts make true as well. */
  truths: readonly string[];
  /** Names whose presence in the prompt gives the answer away. */
  giveaways: readonly string[];
  /** The text generated into the template. */
  slot: string;
  /** The folded synopsis body, to spot answers that stand out by sheer prominence. */
  foldedBody: string;
}

const PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'it',
  'him',
  'her',
  'them',
  'his',
  'its',
  'their',
  'this',
  'these',
  'those',
  'who',
  'which',
  'él',
  'ella',
  'ellos',
  'ellas',
  'su',
  'sus',
  'le',
  'les',
  'lo',
  'quien',
  'que',
  'esto',
  'eso',
  'ello',
]);

const UNFILLED = /\{|\}|\bundefined\b|\bnull\b|\bNaN\b|\[object/;

type Shape = 'number' | 'name' | 'phrase';

function shapeOf(value: string): Shape {
  if (/^\d+$/.test(value.trim())) return 'number';
  const words = value
    .replace(/^(?:the|el|la|los|las)\s+/i, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  const content = words.filter((w, i) => i === 0 || !/^(of|de|del|la|el|the|y|and|van|von|da)$/i.test(w));
  return content.length > 0 && content.every((w) => /^["'(]?[\p{Lu}\p{N}]/u.test(w)) ? 'name' : 'phrase';
}

/** Shape checks that hold for any question, generated or loaded: used by the gates and by parsePack. */
export function structuralProblem(q: Question): RejectReason | undefined {
  if (q.prompt.trim() === '' || UNFILLED.test(q.prompt)) return 'unfilled-slot';
  if (q.type !== 'cloze' && q.prompt.includes('___')) return 'unfilled-slot';
  if (q.type === 'cloze' && q.prompt.split('___').length !== 2) return 'unfilled-slot';
  const keys = q.choices.map(normaliseAnswer);
  if (q.choices.length !== 4 || new Set(keys).size !== 4 || keys.some((k) => k === ''))
    return 'options-invalid';
  if (
    !q.choices.includes(q.answer) ||
    (!q.accepted.includes(q.answer) && !matchesAnswer(q.answer, q.accepted))
  )
    return 'options-invalid';
  if (new Set(q.choices.map(shapeOf)).size !== 1) return 'options-invalid';
  if (q.prompt.length > LIMITS.prompt || q.choices.some((c) => c.length > LIMITS.choice)) return 'too-long';
  if (q.accepted.some((a) => a.length > LIMITS.accepted) || q.source.length > LIMITS.source)
    return 'too-long';
  return undefined;
}

/** Runs every gate; the first failing one names the rejection. */
export function gate(q: Question, ctx: GateContext, accepted: AcceptedQuestions): RejectReason | undefined {
  const slotStart =
    ctx.slot
      .trim()
      .split(/\s+/)[0]
      ?.toLowerCase()
      .replace(/[^\p{L}]/gu, '') ?? '';
  if (ctx.slot.trim() === '' || UNFILLED.test(ctx.slot)) return 'unfilled-slot';
  if (PRONOUNS.has(slotStart)) return 'pronoun-start';
  const stem = q.type === 'cloze' ? q.prompt.replace('___', ' ') : q.prompt;
  if ([...q.accepted, ...ctx.giveaways].some((name) => containsWords(stem, name))) return 'answer-in-stem';
  const structural = structuralProblem(q);
  if (structural) return structural;
  const distractors = q.choices.filter((c) => c !== q.answer);
  const truths = [...ctx.truths, ...q.accepted];
  if (distractors.some((d) => matchesEither(d, truths))) return 'distractor-true';
  if (!q.accepted.some((a) => containsWords(q.source, a))) return 'ungrounded';
  if (accepted.repeats(q)) return 'near-duplicate';
  const same = accepted.sameAnswer(q).length;
  if (same >= MAX_SAME_ANSWER_PER_TYPE && q.type !== 'cast') return 'answer-overused';
  // The protagonist among three walk-ons: anyone who skimmed the synopsis picks it without knowing.
  const prominence = q.choices.map((c) => salience(ctx.foldedBody, c));
  const mine = salience(ctx.foldedBody, q.answer);
  const others = Math.max(...prominence.filter((_, i) => q.choices[i] !== q.answer));
  // Options borrowed from other packs or pools never occur in the text; that is accepted, not rejected.
  if (mine >= 4 && others > 0 && mine > 2 * others) return 'guessable';
  return undefined;
}
