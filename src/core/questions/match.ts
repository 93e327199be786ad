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

/** Two rows reused by every call (core is synchronous): distractor checks run thousands of distances. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance when it is at most `limit`; some larger number otherwise. Only the band of cells within `limit`
 * of the diagonal is computed (the others exceed it).
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = Number.isFinite(limit) ? limit + 1 : a.length + b.length + 1;
  const band = Number.isFinite(limit) ? limit : Math.max(a.length, b.length);
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j <= band ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(b.length, i + band);
    cur[0] = i <= band ? i : over;
    if (lo > 1) cur[lo - 1] = over;
    let best = cur[0] ?? over;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(over, (prev[j] ?? over) + 1, (cur[j - 1] ?? over) + 1, (prev[j - 1] ?? over) + cost);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (hi < b.length) cur[hi + 1] = over;
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? over;
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

/**
 * True when `value` matches one of `answers` or one of them matches `value` (each side's typo allowance counts):
 * both checks from one distance per pair.
 */
export function matchesEither(value: string, answers: readonly string[]): boolean {
  const v = normaliseAnswer(value);
  if (v === '') return false;
  const vDigits = /\d/.test(v);
  const vAllowance = typoAllowance(v.length);
  return answers.some((answer) => {
    const t = normaliseAnswer(answer);
    if (t === '') return false;
    if (v === t) return true;
    if (vDigits || /\d/.test(t)) return false;
    const allowance = Math.max(typoAllowance(t.length), vAllowance);
    if (allowance === 0 || Math.abs(v.length - t.length) > allowance) return false;
    const d = levenshtein(v, t, allowance);
    return d <= typoAllowance(t.length) || d <= vAllowance;
  });
}
