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

/**
 * Counts are asked thousands of times per synopsis; the counts of the text last asked about are kept so a
 * 200 KB synopsis is scanned once per distinct phrase, not once per question.
 */
let cachedText = '';
let wordCounts = new Map<string, number>();
let phraseCounts = new Map<string, number>();

function useText(foldedText: string): void {
  if (foldedText === cachedText) return;
  cachedText = foldedText;
  wordCounts = new Map();
  for (const w of foldedText.split(' ')) if (w !== '') wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
  phraseCounts = new Map();
}

/** Whole-word occurrences of `needle` in an already folded text. */
export function countIn(foldedText: string, needle: string): number {
  const n = fold(needle);
  if (n === '') return 0;
  useText(foldedText);
  if (!n.includes(' ')) return wordCounts.get(n) ?? 0;
  const known = phraseCounts.get(n);
  if (known !== undefined) return known;
  const h = ` ${foldedText} `;
  let count = 0;
  for (let at = h.indexOf(` ${n} `); at >= 0; at = h.indexOf(` ${n} `, at + n.length + 1)) count++;
  phraseCounts.set(n, count);
  return count;
}

/**
 * How prominent an option looks to someone skimming the synopsis: its own count, or that of its most
 * frequent capitalised word (later mentions use a first name or a surname).
 */
export function salience(foldedText: string, option: string): number {
  const parts = option.split(' ').filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3 && !SKIP.has(fold(w)));
  return Math.max(countIn(foldedText, option), ...parts.map((w) => countIn(foldedText, w)));
}
