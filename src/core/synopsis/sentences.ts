/** Sentence splitting and tokenising with character spans into the normalised body. */

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const ABBREVIATIONS = new Set([
  'dr',
  'dra',
  'sr',
  'sra',
  'srta',
  'mr',
  'mrs',
  'ms',
  'st',
  'jr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'vs',
  'etc',
  'no',
  'vol',
  'dept',
  'inc',
  'ltd',
  'co',
  'ee',
  'uu',
  'ud',
  'uds',
  'av',
  'mt',
  'ft',
  'approx',
]);

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}\p{N}.]/u.test(text.charAt(i))) i--;
  return text.slice(i + 1, dot);
}

function isAbbreviation(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const last = word.split('.').pop() ?? '';
  if (ABBREVIATIONS.has(last.toLowerCase())) return true;
  // Initials ("J. Smith") and dotted acronyms ("U.S.") never end a sentence on their own.
  if (/^\p{Lu}$/u.test(last)) return true;
  return word.includes('.') && /^(\p{L}\.)*\p{L}$/u.test(word);
}

export function splitSentences(body: string): Sentence[] {
  const out: Sentence[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number): void => {
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '')
      out.push({ index: out.length, start: start + lead, end: start + lead + text.length, text });
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === '\n') {
      push(i);
      start = i + 1;
      depth = 0;
    } else if ((ch === '.' || ch === '!' || ch === '?') && depth === 0) {
      let j = i + 1;
      while (j < body.length && /[.!?"')]/.test(body.charAt(j))) j++;
      if (j < body.length && body.charAt(j) !== ' ') continue;
      let k = j;
      while (k < body.length && body.charAt(k) === ' ') k++;
      const next = body.charAt(k);
      if (k < body.length && !/[\p{Lu}\p{N}"'¿¡(]/u.test(next)) continue;
      if (ch === '.' && isAbbreviation(body, i)) continue;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(body.length);
  return out;
}

const TOKEN = /\p{L}[\p{L}\p{M}]*(?:['-]\p{L}[\p{L}\p{M}]*)*|\p{N}+(?:[.,]\p{N}+)*|\S/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const start = (m.index ?? 0) + offset;
    const kind: TokenKind = /^\p{L}/u.test(t) ? 'word' : /^\p{N}/u.test(t) ? 'number' : 'punct';
    out.push({ text: t, start, end: start + t.length, kind });
  }
  return out;
}
