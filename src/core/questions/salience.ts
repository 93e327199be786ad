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
 * Counts are asked thousands of times per synopsis, and a long synopsis has more phrases to ask about: the text
 * last asked about is indexed once (word counts, word positions), so a phrase costs its first word's
 * occurrences, not a scan of the whole text, and each option is measured once.
 */
let cachedText = '';
let words: string[] = [];
let positions = new Map<string, number[]>();
let phraseCounts = new Map<string, number>();
let salienceOf = new Map<string, number>();

function useText(foldedText: string): void {
  if (foldedText === cachedText) return;
  cachedText = foldedText;
  words = foldedText.split(' ');
  positions = new Map();
  words.forEach((w, i) => {
    if (w === '') return;
    const at = positions.get(w);
    if (at) at.push(i);
    else positions.set(w, [i]);
  });
  phraseCounts = new Map();
  salienceOf = new Map();
}

/** Non-overlapping runs of `parts` in the text's words, left to right. */
function countPhrase(parts: readonly string[]): number {
  let count = 0;
  let free = 0;
  for (const at of positions.get(parts[0] ?? '') ?? []) {
    if (at < free) continue;
    let k = 1;
    while (k < parts.length && words[at + k] === parts[k]) k++;
    if (k === parts.length) {
      count++;
      free = at + parts.length;
    }
  }
  return count;
}

/** Whole-word occurrences of `needle` in an already folded text. */
export function countIn(foldedText: string, needle: string): number {
  const n = fold(needle);
  if (n === '') return 0;
  useText(foldedText);
  if (!n.includes(' ')) return positions.get(n)?.length ?? 0;
  let count = phraseCounts.get(n);
  if (count === undefined) {
    count = countPhrase(n.split(' '));
    phraseCounts.set(n, count);
  }
  return count;
}

/**
 * How prominent an option looks to someone skimming the synopsis: its own count, or that of its most
 * frequent capitalised word (later mentions use a first name or a surname).
 */
export function salience(foldedText: string, option: string): number {
  useText(foldedText);
  let value = salienceOf.get(option);
  if (value === undefined) {
    const parts = option.split(' ').filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3 && !SKIP.has(fold(w)));
    value = Math.max(countIn(foldedText, option), ...parts.map((w) => countIn(foldedText, w)));
    salienceOf.set(option, value);
  }
  return value;
}
