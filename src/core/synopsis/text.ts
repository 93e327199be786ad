/** Text helpers shared by the synopsis pipeline and answer matching. */

/** Lowercase, strip accents and punctuation, collapse spaces. */
export function fold(text: string): string {
  let cached = foldCache.get(text);
  if (cached === undefined) {
    cached = foldUncached(text);
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(text, cached);
  }
  return cached;
}

const foldCache = new Map<string, string>();

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function foldedWords(text: string): string[] {
  const f = fold(text);
  return f === '' ? [] : f.split(' ');
}

/** True when `needle` occurs in `haystack` as whole words (after folding). */
export function containsWords(haystack: string, needle: string): boolean {
  const n = fold(needle);
  if (n === '') return false;
  return ` ${fold(haystack)} `.includes(` ${n} `);
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isAllCaps(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word);
}

export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

export function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
