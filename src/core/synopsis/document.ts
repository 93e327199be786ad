import type { Lang } from '../questions/question.ts';
import { fold } from './text.ts';

export const MAX_SYNOPSIS_BYTES = 200 * 1024;

export interface SynopsisHeader {
  title?: string;
  year?: number;
  lang?: Lang;
  source?: string;
}

export interface SynopsisDocument {
  header: SynopsisHeader;
  /** Normalised body: every span and sentence index refers to this text. */
  body: string;
  lang: Lang;
}

const HEADER_LINE = /^(title|year|lang|source)\s*:\s*(.*)$/i;

/** Splits optional `key: value` header lines from the body and normalises the body. */
export function parseSynopsis(text: string): SynopsisDocument {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const header: SynopsisHeader = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' && Object.keys(header).length > 0) continue;
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'title' && value) header.title = value;
    if (key === 'source' && value) header.source = value;
    if (key === 'year' && /^\d{4}$/.test(value)) header.year = Number(value);
    if (key === 'lang') {
      const l = value.toLowerCase().slice(0, 2);
      if (l === 'en' || l === 'es') header.lang = l;
    }
  }
  const body = normaliseBody(lines.slice(i).join('\n'));
  return { header, body, lang: header.lang ?? detectLang(body) };
}

/** Repairs the usual damage of copied synopses: glued sentences, odd quotes and dashes, stray spaces. */
export function normaliseBody(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/<[^>]{0,200}>/g, ' ')
      .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
      .replace(/[\u2018\u2019\u201A`´]/g, "'")
      .replace(/\s*(?:--|\u2013|\u2014)\s*/g, ' \u2014 ')
      .replace(/\u2026/g, '...')
      .replace(/[\t\f\v\u00A0]+/g, ' ')
      // "successfully.After" and "disfrazado.Ethan": a sentence end glued to the next paragraph.
      .replace(/([\p{Ll}\p{N})\]"'])([.!?])(["']?\p{Lu}\p{Ll})/gu, '$1$2 $3')
      .replace(/ +/g, ' ')
      .replace(/ *\n+ */g, '\n')
      .trim()
  );
}

const EN_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'is',
  'his',
  'her',
  'with',
  'he',
  'she',
  'who',
  'that',
  'in',
  'by',
]);
const ES_WORDS = new Set([
  'el',
  'la',
  'los',
  'las',
  'de',
  'del',
  'y',
  'que',
  'en',
  'es',
  'su',
  'por',
  'con',
  'una',
  'se',
]);

export function detectLang(body: string): Lang {
  let en = 0;
  let es = 0;
  for (const w of fold(body).split(' ')) {
    if (EN_WORDS.has(w)) en++;
    if (ES_WORDS.has(w)) es++;
  }
  return es > en ? 'es' : 'en';
}
