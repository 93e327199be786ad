import { fold } from '../synopsis/text.ts';

const SKIP = new Set([
  'the',
  'el',
  'la',
  'los',
  'las',
  'of',
  'de',
  'del',
  'and',
  'y',
  'a',
  'an',
  'un',
  'una',
]);

/** Whole-word occurrences of `needle` in an already folded text. */
export function countIn(foldedText: string, needle: string): number {
  const n = fold(needle);
  if (n === '') return 0;
  const h = ` ${foldedText} `;
  let count = 0;
  let from = 0;
  for (;;) {
    const at = h.indexOf(` ${n} `, from);
    if (at < 0) return count;
    count++;
    from = at + n.length + 1;
  }
}

/**
 * How prominent an option looks to someone skimming the synopsis: its own count, or that of its most
 * frequent capitalised word (later mentions use a first name or a surname).
 */
export function salience(foldedText: string, option: string): number {
  const parts = option.split(' ').filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3 && !SKIP.has(fold(w)));
  return Math.max(countIn(foldedText, option), ...parts.map((w) => countIn(foldedText, w)));
}
