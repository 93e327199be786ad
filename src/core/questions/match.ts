import { parseNumber } from '../synopsis/numbers.ts';
import { fold } from '../synopsis/text.ts';

const LEADING_ARTICLES = new Set(['the', 'a', 'an', 'el', 'la', 'los', 'las', 'un', 'una', 'lo']);

/** Folds a typed answer: case, accents, punctuation, leading articles; number words become digits. */
export function normaliseAnswer(text: string): string {
  let cached = cache.get(text);
  if (cached === undefined) {
    cached = normaliseUncached(text);
    // Bounded so a long-lived bot process does not grow without limit.
    if (cache.size > 20_000) cache.clear();
    cache.set(text, cached);
  }
  return cached;
}

const cache = new Map<string, string>();

function normaliseUncached(text: string): string {
  const words = fold(text).split(' ').filter(Boolean);
  while (words.length > 1 && LEADING_ARTICLES.has(words[0] ?? '')) words.shift();
  const whole = parseNumber(words.join(' '), false);
  if (
    whole !== undefined &&
    words.length > 0 &&
    !(words.length === 1 && LEADING_ARTICLES.has(words[0] ?? ''))
  ) {
    return String(whole);
  }
  return words.map((w) => (/^\d+$/.test(w) ? String(Number(w)) : (parseNumber(w) ?? w).toString())).join(' ');
}

export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Typos tolerated grow with the answer: none up to 3 letters, then one per five letters, at most three. */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  return Math.min(3, Math.max(1, Math.floor(length / 5)));
}

/** True when a typed answer matches one of the accepted answers. */
export function matchesAnswer(input: string, accepted: readonly string[]): boolean {
  const given = normaliseAnswer(input);
  if (given === '') return false;
  return accepted.some((candidate) => {
    const target = normaliseAnswer(candidate);
    if (target === '') return false;
    if (given === target) return true;
    // Numbers are exact: 48 is not 49.
    if (/\d/.test(given) || /\d/.test(target)) return false;
    const allowance = typoAllowance(target.length);
    return allowance > 0 && levenshtein(given, target, allowance) <= allowance;
  });
}
