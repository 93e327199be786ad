import type { Lang } from '../questions/question.ts';
import type { SynopsisDocument } from './document.ts';
import {
  ARTICLES,
  CITIES,
  COUNTRIES,
  FIRST_NAMES,
  LANDMARKS,
  NAME_TITLES,
  NON_NAMES,
  ORG_WORDS,
  ORGANISATIONS,
  PLACE_WORDS,
  POSSESSIVES,
  isRoleWord,
  RELATION_NOUNS,
} from './lexicon.ts';
import { splitSentences, tokenize } from './sentences.ts';
import type { Sentence, Token } from './sentences.ts';
import { fold, isAllCaps, isCapitalised } from './text.ts';

export type EntityKind = 'person' | 'actor' | 'place' | 'org' | 'object';

export interface Mention {
  sentenceIndex: number;
  /** Token range [first, last) in the sentence. */
  first: number;
  last: number;
  start: number;
  end: number;
  possessive: boolean;
  inParens: boolean;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Short forms accepted for typed answers (first name, surname, name without article). */
  aliases: string[];
  mentions: Mention[];
  city?: boolean;
  playedBy?: string;
  plays?: string;
}

export interface CastPair {
  character: string;
  actor: string;
  /** Title stripped from the character's name ("IMF Operations Director"), if any. */
  title?: string;
  sentenceIndex: number;
  start: number;
  end: number;
}

export interface TitledMention {
  person: string;
  title: string;
  sentenceIndex: number;
  start: number;
  end: number;
}

export interface AnalysedSentence extends Sentence {
  tokens: Token[];
  /** Parenthesis depth of each token (the brackets themselves count as inside). */
  depth: number[];
}

export interface Analysis {
  lang: Lang;
  body: string;
  sentences: AnalysedSentence[];
  entities: Entity[];
  cast: CastPair[];
  titled: TitledMention[];
  /** Folded word count of the body. */
  words: number;
}

export interface AnalysisHints {
  /** Full names known from other packs, used to join "Ethan" and "Hunt" when both appear. */
  knownNames?: readonly string[];
}

const CONNECTORS = new Set(['de', 'del', 'van', 'von', 'da', 'di', 'du', 'le', 'bin', 'al', 'of']);
const STRONG_LOCATIVES = new Set(['in', 'at', 'into', 'near', 'across', 'through', 'en', 'desde', 'hacia']);
const NAMING_WORDS =
  /\b(?:codenamed|code-named|nicknamed|known as|llamad[oa]|conocid[oa] como|denominad[oa]|apodad[oa]|nombre en clave)\s*,?\s*"?((?:The |El |La |Los |Las )?\p{Lu}[\p{L}'-]*(?: (?:of |de |del )?\p{Lu}[\p{L}'-]*){0,4})/gu;

const stripPossessive = (w: string): string => w.replace(/'s$/i, '');

function analyseSentence(s: Sentence): AnalysedSentence {
  const tokens = tokenize(s.text, s.start);
  const depth: number[] = [];
  let d = 0;
  for (const t of tokens) {
    if (t.text === '(' || t.text === '[') d++;
    depth.push(d);
    if ((t.text === ')' || t.text === ']') && d > 0) d--;
  }
  return { ...s, tokens, depth };
}

const word = (s: AnalysedSentence, i: number): string => s.tokens[i]?.text ?? '';
const isWord = (s: AnalysedSentence, i: number): boolean => s.tokens[i]?.kind === 'word';

/** True when token i opens the sentence or follows a colon, quote or dash. */
function atSentenceStart(s: AnalysedSentence, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = word(s, k);
    if (t === '"' || t === "'" || t === '¿' || t === '¡') continue;
    return t === ':' || t === '—' || t === ';';
  }
  return true;
}

/** Splits leading titles and acronyms off a name: "IMF Operations Director Musgrave" → title, "Musgrave". */
export function stripTitles(words: readonly string[]): { title: string[]; name: string[] } {
  let cut = -1;
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i] ?? '';
    if (NAME_TITLES.has(fold(w)) || isAllCaps(w) || /^\p{Lu}\p{L}*\.$/u.test(w)) cut = i;
  }
  // "Operations" in "IMF Operations Director" is part of the title only because a title word follows it.
  return { title: words.slice(0, cut + 1), name: words.slice(cut + 1) };
}

function looksLikeActor(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  return words.every(
    (w) => (isCapitalised(w) && !isAllCaps(w) && !NON_NAMES.has(fold(w))) || /^\p{Lu}\.?$/u.test(w),
  );
}

function findCast(s: AnalysedSentence): CastPair[] {
  const out: CastPair[] = [];
  s.tokens.forEach((t, i) => {
    if (t.text !== '(' || (s.depth[i] ?? 0) !== 1) return;
    let j = i + 1;
    while (j < s.tokens.length && word(s, j) !== ')') j++;
    if (j >= s.tokens.length) return;
    const inner = s.tokens.slice(i + 1, j).filter((x) => x.text !== '.');
    if (inner.some((x) => x.kind !== 'word')) return;
    const actor = inner.map((x) => x.text);
    if (!looksLikeActor(actor)) return;
    let k = i - 1;
    while (k >= 0 && isWord(s, k) && (isCapitalised(word(s, k)) || CONNECTORS.has(word(s, k)))) k--;
    let first = k + 1;
    while (first < i && CONNECTORS.has(word(s, first))) first++;
    if (first >= i) return;
    const raw = s.tokens.slice(first, i).map((x) => x.text);
    if (atSentenceStart(s, first) && NON_NAMES.has(fold(raw[0] ?? '')) && raw.length > 1) raw.shift();
    const { title, name } = stripTitles(raw);
    if (name.length === 0 || name.some((w) => w.endsWith("'s"))) return;
    const actorText = s.text
      .slice((s.tokens[i]?.end ?? 0) - s.start, (s.tokens[j]?.start ?? 0) - s.start)
      .trim();
    out.push({
      character: name.join(' '),
      actor: actorText.replace(/\s+/g, ' '),
      ...(title.length > 0 ? { title: title.join(' ') } : {}),
      sentenceIndex: s.index,
      start: s.tokens[first]?.start ?? t.start,
      end: s.tokens[j]?.end ?? t.end,
    });
  });
  return out;
}

function findNamedObjects(sentences: readonly AnalysedSentence[]): string[] {
  const names = new Set<string>();
  for (const s of sentences) {
    for (const m of s.text.matchAll(/"([^"]{2,60})"/g)) {
      const inner = (m[1] ?? '').trim();
      const words = inner.split(/\s+/);
      const content = words.filter((w) => !ARTICLES.has(fold(w)) && !CONNECTORS.has(w));
      if (words.length <= 6 && content.length >= 2 && content.every((w) => isCapitalised(w)))
        names.add(inner);
    }
    for (const m of s.text.matchAll(NAMING_WORDS)) {
      const inner = (m[1] ?? '').trim();
      if (inner.split(' ').length >= 2) names.add(inner);
    }
  }
  return [...names];
}

interface RawSpan {
  words: string[];
  sentenceIndex: number;
  first: number;
  last: number;
  possessive: boolean;
  inParens: boolean;
  atStart: boolean;
  before: string;
  beforeRaw: string;
  lookback: string[];
  beforeArticle: string;
}

const ARTICLES_BY_LANG: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['the', 'a', 'an']),
  es: new Set(['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'lo', 'del', 'al']),
};

const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'of',
  'to',
  'by',
  'with',
  'from',
  'for',
  'in',
  'on',
  'at',
  'as',
  'than',
  'that',
  'y',
  'e',
  'o',
  'u',
  'de',
  'del',
  'al',
  'con',
  'por',
  'para',
  'en',
  'que',
  'como',
  'sobre',
  'entre',
  'tras',
  'hacia',
  'desde',
  'hasta',
  'sin',
  'about',
  'into',
  'after',
  'before',
  'when',
  'while',
  'mientras',
  'cuando',
  'pero',
  'ni',
  'so',
  'if',
  'si',
]);

function capitalSpans(s: AnalysedSentence, skip: ReadonlySet<number>, lang: Lang): RawSpan[] {
  const articles = ARTICLES_BY_LANG[lang];
  const out: RawSpan[] = [];
  let i = 0;
  while (i < s.tokens.length) {
    if (skip.has(i) || !isWord(s, i) || !isCapitalised(word(s, i))) {
      i++;
      continue;
    }
    const first = i;
    let possessive = false;
    let j = i;
    while (j < s.tokens.length && !skip.has(j)) {
      const w = word(s, j);
      if (isWord(s, j) && isCapitalised(w)) {
        j++;
        if (/'s$/i.test(w)) {
          possessive = true;
          break;
        }
      } else if (CONNECTORS.has(w) && isCapitalised(word(s, j + 1)) && isWord(s, j + 1) && j > first) j++;
      else break;
    }
    const words = s.tokens.slice(first, j).map((t) => t.text);
    if (possessive) words[words.length - 1] = stripPossessive(words[words.length - 1] ?? '');
    const prev = fold(word(s, first - 1));
    out.push({
      words,
      sentenceIndex: s.index,
      first,
      last: j,
      possessive,
      inParens: (s.depth[first] ?? 0) > 0,
      atStart: atSentenceStart(s, first),
      before: prev,
      beforeRaw: word(s, first - 1),
      lookback: s.tokens.slice(Math.max(0, first - 5), first).map((t) => fold(t.text)),
      beforeArticle: articles.has(prev) ? fold(word(s, first - 2)) : '',
    });
    i = j;
  }
  return out;
}

const keyOf = (words: readonly string[]): string => fold(words.join(' '));

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The full names, with the keys that contain each word: a nickname is joined to its owner by looking up the
 * owner's words, not by reading every full name again for every nickname.
 */
class FullNames {
  private readonly byWord = new Map<string, Set<string>>();
  private readonly rank = new Map<string, number>();

  constructor(readonly names: Map<string, string[]>) {
    for (const key of names.keys()) {
      this.rank.set(key, this.rank.size);
      for (const w of key.split(' ')) {
        const keys = this.byWord.get(w);
        if (keys) keys.add(key);
        else this.byWord.set(w, new Set([key]));
      }
    }
  }

  /** The one full name a single word belongs to, if exactly one. */
  canonical(words: string[]): string[] {
    const owners = [...(this.byWord.get(keyOf(words)) ?? [])].filter(
      (key) => (this.names.get(key)?.length ?? 0) >= 2,
    );
    return owners.length === 1 ? (this.names.get(owners[0] ?? '') ?? words) : words;
  }

  /** Keys made only of these words, in the order the names were found. */
  within(words: ReadonlySet<string>): string[] {
    const found = new Set<string>();
    for (const w of words) for (const key of this.byWord.get(w) ?? []) found.add(key);
    return [...found]
      .filter((key) => key.split(' ').every((w) => words.has(w)))
      .sort((a, b) => (this.rank.get(a) ?? 0) - (this.rank.get(b) ?? 0));
  }

  delete(key: string): void {
    this.names.delete(key);
    for (const w of key.split(' ')) this.byWord.get(w)?.delete(key);
  }
}

/** Finds characters, actors, places, organisations and named objects, with every mention. */
export function analyse(doc: SynopsisDocument, hints: AnalysisHints = {}): Analysis {
  const sentences = splitSentences(doc.body).map(analyseSentence);
  const cast = sentences.flatMap(findCast);
  const objectNames = findNamedObjects(sentences);
  const entities = new Map<string, Entity>();
  const titled: TitledMention[] = [];
  const add = (kind: EntityKind, name: string, extra: Partial<Entity> = {}): Entity => {
    const id = `${kind}:${fold(name)}`;
    let e = entities.get(id);
    if (!e) {
      e = { id, kind, name, aliases: [], mentions: [], ...extra };
      entities.set(id, e);
    }
    return e;
  };

  // Named objects and actors are masked first so their capitalised words are not read as people.
  const masks = sentences.map(() => new Set<number>());
  const objectKeys = new Map<string, string>();
  for (const name of objectNames) {
    const bare = name.replace(/^(?:The|El|La|Los|Las)\s+/u, '');
    const known = objectKeys.get(fold(bare));
    if (!known || known.length < name.length) objectKeys.set(fold(bare), name);
  }
  const castIn = new Map<number, CastPair[]>();
  for (const c of cast) push(castIn, c.sentenceIndex, c);
  // Object names by their first word, with their rank: a token is compared only with names that may start there.
  const objectsByFirst = new Map<string, { rank: number; key: string; name: string }[]>();
  [...objectKeys].forEach(([key, name], rank) =>
    push(objectsByFirst, key.split(' ')[0] ?? '', { rank, key, name }),
  );
  for (const s of sentences) {
    const mask = masks[s.index] ?? new Set<number>();
    s.tokens.forEach((t, i) => {
      if (t.text === '(' && (s.depth[i] ?? 0) === 1) {
        const pair = castIn.get(s.index)?.find((c) => c.end > t.start && c.start < t.start);
        if (!pair) return;
        let j = i;
        while (j < s.tokens.length && word(s, j) !== ')') mask.add(j++);
        mask.add(j);
        const e = add('actor', pair.actor, { plays: pair.character });
        e.mentions.push({
          sentenceIndex: s.index,
          first: i + 1,
          last: j,
          start: t.end,
          end: s.tokens[j]?.start ?? t.end,
          possessive: false,
          inParens: true,
        });
      }
    });
    const found: { rank: number; i: number; key: string; name: string }[] = [];
    if (objectsByFirst.size > 0)
      s.tokens.forEach((t, i) => {
        const starts = new Set([fold(stripPossessive(t.text)).split(' ')[0], fold(t.text).split(' ')[0]]);
        for (const first of starts)
          for (const o of objectsByFirst.get(first ?? '') ?? []) found.push({ ...o, i });
      });
    // In the order of a scan name by name, position by position: the first match of a name creates it.
    found.sort((a, b) => a.rank - b.rank || a.i - b.i);
    for (const { key, name, i } of found) {
      const bareWords = key.split(' ');
      if (i + bareWords.length > s.tokens.length) continue;
      const slice = s.tokens.slice(i, i + bareWords.length).map((t) => fold(stripPossessive(t.text)));
      const words = s.tokens.slice(i, i + bareWords.length).map((t) => fold(t.text));
      if (slice.join(' ') !== key && words.join(' ') !== key) continue;
      const bare = name.replace(/^(?:The|El|La|Los|Las)\s+/u, '');
      const e = add('object', name, { aliases: bare === name ? [] : [bare] });
      const startTok = s.tokens[i];
      const endTok = s.tokens[i + bareWords.length - 1];
      if (startTok && endTok) {
        e.mentions.push({
          sentenceIndex: s.index,
          first: i,
          last: i + bareWords.length,
          start: startTok.start,
          end: endTok.end,
          possessive: false,
          inParens: false,
        });
      }
      for (let k = i; k < i + bareWords.length; k++) mask.add(k);
    }
  }

  // Titles in quotes ("Encantamiento bajo el mar") are not people; named objects were taken from them already.
  for (const s of sentences) {
    const mask = masks[s.index] ?? new Set<number>();
    let open = -1;
    s.tokens.forEach((t, i) => {
      if (t.text !== '"') return;
      if (open < 0) open = i;
      else {
        for (let k = open; k <= i; k++) mask.add(k);
        open = -1;
      }
    });
  }
  const spans = sentences.flatMap((s) => capitalSpans(s, masks[s.index] ?? new Set(), doc.lang));
  const articles = ARTICLES_BY_LANG[doc.lang];
  // A word capitalised only where any word would be (sentence start) is not evidence of a name.
  const midSentence = new Set<string>();
  for (const sp of spans) sp.words.forEach((w, k) => (k > 0 || !sp.atStart) && midSentence.add(fold(w)));
  const castNames = new Set(cast.flatMap((c) => c.character.split(' ').map(fold)));
  const knownFull = (hints.knownNames ?? []).map((n) => n.split(' ').map(fold)).filter((n) => n.length >= 2);

  interface Candidate {
    span: RawSpan;
    words: string[];
    kind: EntityKind;
    city?: boolean;
    title?: string[];
  }
  const candidates: Candidate[] = [];
  for (const span of spans) {
    const words = [...span.words];
    if (span.atStart) {
      while (words.length > 0 && NON_NAMES.has(fold(words[0] ?? ''))) words.shift();
      const w = fold(words[0] ?? '');
      const after =
        sentences[span.sentenceIndex]?.tokens.slice(span.last, span.last + 2).map((t) => fold(t.text)) ?? [];
      // "Hendricks, un estratega nuclear, ..." names someone even at the start of a sentence.
      const appositive = after[0] === '' && ['a', 'an', 'un', 'una'].includes(after[1] ?? '');
      const known = midSentence.has(w) || castNames.has(w) || FIRST_NAMES.has(w) || appositive;
      // "Remembering Davian's threats", "Instrumental in this": an opener that is a participle or stands alone.
      const opener = doc.lang === 'en' ? /(?:ing|ed|ly)$/.test(w) : /(?:ndo|mente)$/.test(w);
      if (words.length > 0 && !known && (opener || words.length === 1)) words.shift();
      if (words.length === 0) continue;
    }
    const shift = span.words.length - words.length;
    const adjusted: RawSpan = { ...span, first: span.first + shift };
    const key = keyOf(words);
    if (CITIES.has(key)) {
      candidates.push({ span: adjusted, words, kind: 'place', city: true });
      continue;
    }
    if (COUNTRIES.has(key) || LANDMARKS.has(key)) {
      candidates.push({ span: adjusted, words, kind: 'place' });
      continue;
    }
    if (words.every((w) => isAllCaps(w))) {
      if (ORGANISATIONS.has(key)) candidates.push({ span: adjusted, words, kind: 'org' });
      continue;
    }
    if (POSSESSIVES.has(span.before)) continue;
    const { title, name } = stripTitles(words);
    const nameKey = name.map(fold);
    if (nameKey.every((w) => NON_NAMES.has(w))) continue;
    const personEvidence =
      nameKey.some((w) => castNames.has(w) || FIRST_NAMES.has(w)) ||
      title.length > 0 ||
      knownFull.some((n) => nameKey.some((w) => n.includes(w)));
    if (!personEvidence && words.length >= 2 && ORG_WORDS.has(fold(words[words.length - 1] ?? ''))) {
      candidates.push({ span: adjusted, words, kind: 'org' });
      continue;
    }
    const placeWord = words.some((w) => PLACE_WORDS.has(fold(w)));
    if (!personEvidence && (placeWord || STRONG_LOCATIVES.has(span.before))) {
      candidates.push({ span: adjusted, words, kind: 'place' });
      continue;
    }
    // "the hovercraft Nebuchadnezzar": a lone unknown name after a common noun names a thing, not a person.
    if (
      !personEvidence &&
      words.length === 1 &&
      /^\p{Ll}/u.test(span.beforeRaw) &&
      !FUNCTION_WORDS.has(span.before)
    ) {
      const p = span.before;
      const back = span.lookback.slice(-3, -1);
      const inNounPhrase = back.some((w) => articles.has(w) || POSSESSIVES.has(w));
      const roleBefore = [p, ...back].some(
        (w) => isRoleWord(w) || RELATION_NOUNS.has(w) || NAME_TITLES.has(w),
      );
      if (inNounPhrase && !roleBefore) continue;
    }
    if (!personEvidence && articles.has(span.before)) {
      if (words.length >= 2) candidates.push({ span: adjusted, words, kind: 'object' });
      continue;
    }
    candidates.push({
      span: { ...adjusted, first: adjusted.first + title.length },
      words: name,
      kind: 'person',
      title,
    });
  }

  // Single-word people join the one full name they belong to ("Davian" → "Owen Davian").
  const fullNames = new Map<string, string[]>();
  for (const c of cast) fullNames.set(fold(c.character), c.character.split(' '));
  for (const c of candidates)
    if (c.kind === 'person' && c.words.length >= 2) fullNames.set(keyOf(c.words), c.words);
  const singles = new Set(
    candidates.filter((c) => c.kind === 'person' && c.words.length === 1).map((c) => keyOf(c.words)),
  );
  const firstCandidate = new Map<string, Candidate>();
  for (const c of candidates) if (!firstCandidate.has(keyOf(c.words))) firstCandidate.set(keyOf(c.words), c);
  for (const n of knownFull) {
    if (n.every((w) => singles.has(w)) && !fullNames.has(n.join(' '))) {
      const display = n.map((w) => firstCandidate.get(w)?.words[0] ?? w);
      fullNames.set(n.join(' '), display);
    }
  }
  // "a hacker called Neo", "conocido como Doc": the nickname (and "Doc Brown") belong to the person before it.
  const redirect = new Map<string, string>();
  const candidateKeys = new Set(candidates.filter((c) => c.kind === 'person').map((c) => keyOf(c.words)));
  const peopleIn = new Map<number, Candidate[]>();
  for (const c of candidates) if (c.kind === 'person') push(peopleIn, c.span.sentenceIndex, c);
  const full = new FullNames(fullNames);
  for (const s of sentences) {
    for (const m of s.text.matchAll(
      /\b(?:called|known as|nicknamed|alias|conocid[oa] como|apodad[oa]|llamad[oa])\s+(\p{Lu}[\p{L}'-]+)(?!\s+\p{Lu})/gu,
    )) {
      const alias = fold(m[1] ?? '');
      if (!candidateKeys.has(alias) || NON_NAMES.has(alias)) continue;
      const at = s.start + (m.index ?? 0);
      const owner = (peopleIn.get(s.index) ?? [])
        .filter(
          (c) =>
            !c.span.inParens && (s.tokens[c.span.first]?.start ?? Infinity) < at && keyOf(c.words) !== alias,
        )
        .pop();
      if (!owner) continue;
      const ownerKey = keyOf(owner.words.length === 1 ? full.canonical(owner.words) : owner.words);
      const ownerWords = new Set([...ownerKey.split(' '), alias]);
      redirect.set(alias, ownerKey);
      for (const key of full.within(ownerWords)) {
        if (key !== ownerKey) {
          redirect.set(key, ownerKey);
          full.delete(key);
        }
      }
    }
  }
  const owners = new Map<string, string[]>();
  for (const [key, words] of fullNames) {
    if (words.length < 2) continue;
    for (const w of words) {
      const k = fold(w);
      if (CONNECTORS.has(k)) continue;
      push(owners, k, key);
    }
  }
  const canonical = (words: string[]): string[] => {
    const moved = redirect.get(keyOf(words));
    if (moved) return fullNames.get(moved) ?? moved.split(' ');
    if (words.length !== 1) return fullNames.get(keyOf(words)) ?? words;
    const own = owners.get(keyOf(words)) ?? [];
    return own.length === 1 ? (fullNames.get(own[0] ?? '') ?? words) : words;
  };

  for (const c of candidates) {
    const s = sentences[c.span.sentenceIndex];
    if (!s) continue;
    const firstTok = s.tokens[c.span.first];
    const lastTok = s.tokens[c.span.last - 1];
    if (!firstTok || !lastTok) continue;
    const mention: Mention = {
      sentenceIndex: s.index,
      first: c.span.first,
      last: c.span.last,
      start: firstTok.start,
      end: c.span.possessive ? lastTok.end - 2 : lastTok.end,
      possessive: c.span.possessive,
      inParens: c.span.inParens,
    };
    if (c.kind === 'person') {
      const words = canonical(c.words);
      const e = add('person', words.join(' '));
      e.mentions.push(mention);
      if (c.title && c.title.length > 0) {
        titled.push({
          person: e.name,
          title: c.title.join(' '),
          sentenceIndex: s.index,
          start: mention.start,
          end: mention.end,
        });
      }
    } else {
      const e = add(c.kind, c.words.join(' '), c.city ? { city: true } : {});
      e.mentions.push(mention);
    }
  }

  for (const c of cast) {
    const character = add('person', canonical(c.character.split(' ')).join(' '));
    character.playedBy = c.actor;
    const actor = entities.get(`actor:${fold(c.actor)}`);
    if (actor) actor.plays = character.name;
  }
  for (const [alias, ownerKey] of redirect) {
    const owner = entities.get(`person:${ownerKey}`);
    const shown = firstCandidate.get(alias)?.words.join(' ');
    if (owner && shown) owner.aliases.push(shown);
  }
  for (const e of entities.values()) {
    const parts = e.name.split(' ').filter((w) => !CONNECTORS.has(w));
    if ((e.kind === 'person' || e.kind === 'actor') && parts.length >= 2) {
      for (const p of [parts[0], parts[parts.length - 1]]) {
        if (!p) continue;
        const shared = (owners.get(fold(p)) ?? []).length > 1;
        if (e.kind === 'actor' ? p === parts[parts.length - 1] : !shared) e.aliases.push(p);
      }
    }
    e.aliases = [...new Set(e.aliases)].filter((a) => fold(a) !== fold(e.name) && a.length >= 3);
    e.mentions.sort((a, b) => a.sentenceIndex - b.sentenceIndex || a.start - b.start);
  }

  const list = [...entities.values()].filter((e) => e.mentions.length > 0 || e.playedBy !== undefined);
  list.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0) || a.id.localeCompare(b.id));
  return {
    lang: doc.lang,
    body: doc.body,
    sentences,
    entities: list,
    cast,
    titled,
    words: (doc.body.match(/[\p{L}\p{N}]+/gu) ?? []).length,
  };
}
