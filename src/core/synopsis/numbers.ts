/** Number words in English and Spanish, both ways. Folded (no accents) keys. */

const EN_UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ES_UNITS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciseis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidos',
  'veintitres',
  'veinticuatro',
  'veinticinco',
  'veintiseis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = [
  '',
  '',
  'veinte',
  'treinta',
  'cuarenta',
  'cincuenta',
  'sesenta',
  'setenta',
  'ochenta',
  'noventa',
];

const WORD_TO_NUMBER = new Map<string, number>();
EN_UNITS.forEach((w, i) => WORD_TO_NUMBER.set(w, i));
ES_UNITS.forEach((w, i) => WORD_TO_NUMBER.set(w, i));
for (let t = 2; t < 10; t++) {
  WORD_TO_NUMBER.set(EN_TENS[t] ?? '', t * 10);
  WORD_TO_NUMBER.set(ES_TENS[t] ?? '', t * 10);
  for (let u = 1; u < 10; u++) {
    WORD_TO_NUMBER.set(`${EN_TENS[t]} ${EN_UNITS[u]}`, t * 10 + u);
    if (t >= 3) WORD_TO_NUMBER.set(`${ES_TENS[t]} y ${ES_UNITS[u]}`, t * 10 + u);
  }
}
for (const [w, n] of [
  ['hundred', 100],
  ['a hundred', 100],
  ['cien', 100],
  ['ciento', 100],
  ['dozen', 12],
  ['a dozen', 12],
  ['docena', 12],
  ['una docena', 12],
  ['thousand', 1000],
  ['mil', 1000],
  ['un', 1],
  ['una', 1],
  ['a', 1],
  ['an', 1],
] as const) {
  WORD_TO_NUMBER.set(w, n);
}

/** Words that count only when next to a unit ("a week"), never alone. */
const ARTICLE_NUMBERS = new Set(['a', 'an', 'un', 'una']);

/** Parses a folded number word or digits; `strict` refuses articles read as "one". */
export function parseNumber(folded: string, strict = true): number | undefined {
  if (/^\d+$/.test(folded)) return Number(folded);
  if (strict && ARTICLE_NUMBERS.has(folded)) return undefined;
  return WORD_TO_NUMBER.get(folded);
}

export function numberWord(n: number, lang: 'en' | 'es'): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return undefined;
  if (lang === 'en') {
    if (n < 20) return EN_UNITS[n];
    const t = Math.floor(n / 10);
    const u = n % 10;
    return u === 0 ? EN_TENS[t] : `${EN_TENS[t]}-${EN_UNITS[u]}`;
  }
  if (n < 30) return ES_UNITS[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? ES_TENS[t] : `${ES_TENS[t]} y ${ES_UNITS[u]}`;
}

/** Number words that can stand alone in a text as a quantity (one word, no articles). */
export function isNumberWord(folded: string): boolean {
  return !ARTICLE_NUMBERS.has(folded) && WORD_TO_NUMBER.has(folded) && !folded.includes(' ');
}
