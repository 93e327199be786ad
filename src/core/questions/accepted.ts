import { fold } from '../synopsis/text.ts';
import { normaliseAnswer } from './match.ts';
import type { Question } from './question.ts';
import { countIn } from './salience.ts';

/** Words that say nothing about a question's content (shared with the quality metrics). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'to',
  'is',
  'who',
  'what',
  'el',
  'la',
  'de',
  'en',
  'que',
  'quien',
  'es',
  'los',
  'las',
  'un',
  'una',
  'y',
  'and',
]);

/** Prompts sharing this share of their content words repeat each other, whatever the answer. */
export const NEAR_DUPLICATE = 0.8;
/** With the same type and answer, this much is already a repeat. */
export const NEAR_DUPLICATE_SAME_ANSWER = 0.5;

const wordCache = new Map<string, Set<string>>();

function contentWords(text: string): Set<string> {
  let words = wordCache.get(text);
  if (!words) {
    words = new Set(
      fold(text)
        .split(' ')
        .filter((w) => w.length > 1 && !STOP_WORDS.has(w)),
    );
    if (wordCache.size > 5000) wordCache.clear();
    wordCache.set(text, words);
  }
  return words;
}

/** Jaccard similarity of two prompts' content words. */
export function similarity(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/**
 * Two prompts at NEAR_DUPLICATE similarity share at least this many of the larger one's n words, so each
 * shares a word with the other's first n - minShared(n) + 1 words in any fixed order (prefix filtering).
 * Rounded down a hair: a longer prefix only costs a comparison, a shorter one would miss a duplicate.
 */
const minShared = (n: number): number => Math.ceil(n * NEAR_DUPLICATE - 1e-9);

/**
 * The questions a pack has accepted so far, indexed so that a new one is compared only with those it could
 * repeat: the same type and answer, or a prompt sharing one of its rarest words. Asking every accepted
 * question instead makes a synopsis ten times longer cost a hundred times more to check.
 */
export class AcceptedQuestions {
  readonly list: Question[] = [];
  private readonly byAnswer = new Map<string, Question[]>();
  private readonly byPrefixWord = new Map<string, Question[]>();
  private withoutWords = 0;

  /** `foldedBody` orders words rarest first (words absent from it, the templates' own, last). */
  constructor(private readonly foldedBody: string) {}

  static of(questions: readonly Question[], foldedBody: string): AcceptedQuestions {
    const accepted = new AcceptedQuestions(foldedBody);
    for (const q of questions) accepted.add(q);
    return accepted;
  }

  add(q: Question): void {
    this.list.push(q);
    const key = answerKey(q);
    const same = this.byAnswer.get(key);
    if (same) same.push(q);
    else this.byAnswer.set(key, [q]);
    const prefix = this.prefix(q.prompt);
    if (prefix.length === 0) this.withoutWords++;
    for (const w of prefix) {
      const list = this.byPrefixWord.get(w);
      if (list) list.push(q);
      else this.byPrefixWord.set(w, [q]);
    }
  }

  /** Accepted questions of the same type with the same answer. */
  sameAnswer(q: Question): readonly Question[] {
    return this.byAnswer.get(answerKey(q)) ?? [];
  }

  /** Every accepted question whose prompt could be NEAR_DUPLICATE-similar to `prompt` (and maybe a few more). */
  candidates(prompt: string): Question[] {
    const found = new Set<Question>();
    for (const w of this.prefix(prompt)) for (const q of this.byPrefixWord.get(w) ?? []) found.add(q);
    return [...found];
  }

  /** True when `q` repeats an accepted question (see NEAR_DUPLICATE and NEAR_DUPLICATE_SAME_ANSWER). */
  repeats(q: Question): boolean {
    // Two prompts without content words are the same prompt; one without is nothing like one with.
    if (contentWords(q.prompt).size === 0) return this.withoutWords > 0;
    return (
      this.candidates(q.prompt).some((other) => similarity(other.prompt, q.prompt) >= NEAR_DUPLICATE) ||
      this.sameAnswer(q).some((other) => similarity(other.prompt, q.prompt) >= NEAR_DUPLICATE_SAME_ANSWER)
    );
  }

  private prefix(prompt: string): string[] {
    const words = [...contentWords(prompt)];
    const rarity = new Map(
      words.map((w) => {
        const n = countIn(this.foldedBody, w);
        return [w, n === 0 ? Infinity : n];
      }),
    );
    words.sort((a, b) => (rarity.get(a) ?? 0) - (rarity.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    return words.slice(0, words.length - minShared(words.length) + 1);
  }
}

const answerKey = (q: Question): string => `${q.type}\u0000${normaliseAnswer(q.answer)}`;
