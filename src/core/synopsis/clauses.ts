import type { Lang } from '../questions/question.ts';
import type { AnalysedSentence, Analysis, Entity, Mention } from './entities.ts';
import type { Token } from './sentences.ts';
import { fold } from './text.ts';

/** A token outside parentheses, with its index in the sentence and the entity mention starting there. */
export interface ClauseToken {
  token: Token;
  index: number;
  folded: string;
}

export interface MentionRef {
  entity: Entity;
  mention: Mention;
}

/** A stretch of a sentence between punctuation (or a relative pronoun), parentheticals removed. */
export interface Clause {
  sentenceIndex: number;
  /** Position of this clause within its sentence. */
  position: number;
  tokens: ClauseToken[];
}

export interface ParsedClause extends Clause {
  subject: string;
  subjectIsPerson: boolean;
  /** How the subject was found: written out, a relative pronoun, a pronoun, or a plain noun phrase. */
  subjectSource: 'explicit' | 'relative' | 'pronoun' | 'noun' | 'coordinated';
  /** Index in `tokens` of the first verb-group token and the first token after it. */
  verbStart: number;
  restStart: number;
  verbs: string[];
}

const BOUNDARY = new Set([',', ';', ':', '—', '.', '!', '?', '-', '"']);
const RELATIVES = new Set(['who', 'quien', 'quienes']);
const LEADING = new Set(['and', 'but', 'so', 'then', 'y', 'e', 'pero', 'entonces', 'luego', 'asi', 'que']);
const EN_AUX = new Set([
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'must',
  'may',
  'might',
  'should',
  'be',
  'been',
  'being',
  'does',
  'did',
  'do',
  'not',
  'cannot',
]);
const MODALS = new Set([
  'will',
  'would',
  'can',
  'could',
  'must',
  'may',
  'might',
  'should',
  'do',
  'does',
  'did',
  'cannot',
]);
const EN_ADVERBS = new Set([
  'then',
  'finally',
  'also',
  'immediately',
  'reluctantly',
  'quickly',
  'soon',
  'later',
  'still',
  'eventually',
  'promptly',
  'abruptly',
  'suddenly',
  'barely',
  'now',
  'once',
  'again',
  'secretly',
  'already',
  'never',
  'always',
  'only',
  'just',
  'even',
  'actually',
  'apparently',
  'seemingly',
]);
const EN_IRREGULAR = new Set([
  'went',
  'took',
  'found',
  'made',
  'gave',
  'told',
  'left',
  'met',
  'knew',
  'saw',
  'came',
  'got',
  'led',
  'sent',
  'stole',
  'shot',
  'fell',
  'ran',
  'won',
  'lost',
  'held',
  'kept',
  'brought',
  'bought',
  'caught',
  'taught',
  'thought',
  'fought',
  'sought',
  'felt',
  'built',
  'hid',
  'hidden',
  'taken',
  'given',
  'known',
  'seen',
  'shown',
  'thrown',
  'threw',
  'drove',
  'driven',
  'flew',
  'flown',
  'wrote',
  'written',
  'broke',
  'broken',
  'chose',
  'chosen',
  'spoke',
  'spoken',
  'woke',
  'awoke',
  'became',
  'began',
  'begun',
  'swore',
  'tore',
  'wore',
  'beat',
  'beaten',
  'bit',
  'bitten',
  'hit',
  'put',
  'set',
  'let',
  'cut',
  'shut',
  'quit',
  'read',
  'said',
  'paid',
  'laid',
  'sold',
  'slew',
  'slain',
  'struck',
  'stuck',
  'stood',
  'understood',
  'forgot',
  'forgotten',
  'forgave',
  'escaped',
  'dies',
  'died',
]);
const EN_NOT_VERBS = new Set([
  'his',
  'this',
  'its',
  'as',
  'us',
  'yes',
  'less',
  'unless',
  'plus',
  'thus',
  'was',
  'towards',
  'afterwards',
  'always',
  'sometimes',
  'perhaps',
  'himself',
  'herself',
  'themselves',
  'news',
  'series',
  'various',
  'famous',
  'serious',
  'nervous',
  'previous',
  'dangerous',
  'mysterious',
  'anxious',
  'jealous',
]);
const ES_CLITICS = new Set([
  'se',
  'le',
  'les',
  'lo',
  'la',
  'los',
  'las',
  'me',
  'te',
  'nos',
  'no',
  'ya',
  'ahora',
  'entonces',
  'luego',
  'finalmente',
  'tambien',
  'pronto',
  'despues',
  'nunca',
  'siempre',
  'aun',
  'todavia',
]);
const ES_FUNCTION = new Set([
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'un',
  'una',
  'unos',
  'unas',
  'y',
  'o',
  'e',
  'u',
  'que',
  'en',
  'con',
  'por',
  'para',
  'a',
  'al',
  'su',
  'sus',
  'como',
  'quien',
  'cual',
  'sin',
  'sobre',
  'entre',
  'tras',
  'hasta',
  'desde',
  'junto',
  'ni',
  'pero',
  'mas',
  'muy',
  'tan',
  'mientras',
  'cuando',
  'donde',
  'si',
  'ademas',
  'tambien',
  'solo',
  'ya',
  'aun',
  'este',
  'esta',
  'ese',
  'esa',
  'mismo',
  'misma',
  'quienes',
  'cuyo',
]);
export const SUBJECT_PRONOUNS_BY_LANG: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['he', 'she']),
  es: new Set(['el', 'ella']),
};

export function isVerb(folded: string, raw: string, lang: Lang): boolean {
  if (raw !== raw.toLowerCase() || folded.length < 2) return false;
  if (lang === 'en') {
    if (EN_AUX.has(folded) || EN_IRREGULAR.has(folded)) return true;
    if (EN_NOT_VERBS.has(folded) || folded.endsWith('ly')) return false;
    return (/[^su]s$/.test(folded) && folded.length > 3) || /[^e]ed$|eed$|ied$/.test(folded);
  }
  if (ES_FUNCTION.has(folded) || folded.endsWith('mente')) return false;
  return /(?:a|e|o|an|en|aba|aban|ia|ian|ara|era|ira|aron|ieron|o|io|ado|ido|ada|ida|ar|er|ir)$/.test(folded);
}

function isAdverb(folded: string, lang: Lang): boolean {
  if (lang === 'en') return EN_ADVERBS.has(folded) || (folded.endsWith('ly') && folded.length > 4);
  return ES_CLITICS.has(folded) || (folded.endsWith('mente') && folded.length > 6);
}

export function isAuxiliary(folded: string, lang: Lang): boolean {
  if (lang === 'en') return EN_AUX.has(folded);
  return /^(es|son|era|eran|fue|fueron|ha|han|habia|habian|sera|seran|esta|estan|estaba|estaban|sido|va|van|iba|iban|debe|deben|puede|pueden|tiene|tienen)$/.test(
    folded,
  );
}

export function isPassive(verbs: readonly string[], lang: Lang): boolean {
  const f = verbs.map(fold);
  const main = f[f.length - 1] ?? '';
  if (lang === 'en') {
    return (
      f.some((v) => ['is', 'are', 'was', 'were', 'been', 'be', 'being'].includes(v)) &&
      (/ed$/.test(main) || EN_IRREGULAR.has(main))
    );
  }
  return (
    f.some((v) => /^(es|son|era|eran|fue|fueron|sido|sera|seran|resulta)$/.test(v)) &&
    /(?:ad|id)[oa]s?$|[st]o$|cho$/.test(main)
  );
}

export function mentionIndex(analysis: Analysis): Map<number, Map<number, MentionRef>> {
  const out = new Map<number, Map<number, MentionRef>>();
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) {
      const bySentence = out.get(mention.sentenceIndex) ?? new Map<number, MentionRef>();
      bySentence.set(mention.first, { entity, mention });
      out.set(mention.sentenceIndex, bySentence);
    }
  }
  return out;
}

export function splitClauses(s: AnalysedSentence): Clause[] {
  const clauses: Clause[] = [];
  let current: ClauseToken[] = [];
  const flush = (): void => {
    if (current.length > 0)
      clauses.push({ sentenceIndex: s.index, position: clauses.length, tokens: current });
    current = [];
  };
  s.tokens.forEach((token, index) => {
    if ((s.depth[index] ?? 0) > 0) return;
    const folded = fold(token.text);
    const innerDot =
      /^[.!?]$/.test(token.text) && index < s.tokens.length - 1 && s.tokens[index + 1]?.kind !== 'punct';
    if (
      token.kind === 'punct' &&
      BOUNDARY.has(token.text) &&
      !innerDot &&
      !(token.text === '"' && current.length > 0 && isQuoteInside(s, index))
    ) {
      flush();
      return;
    }
    if (RELATIVES.has(folded)) flush();
    current.push({ token, index, folded });
  });
  flush();
  return clauses;
}

/** A quote mark inside a clause ('a "package" sent') does not end it; only quotes next to punctuation do. */
function isQuoteInside(s: AnalysedSentence, index: number): boolean {
  const prev = s.tokens[index - 1];
  const next = s.tokens[index + 1];
  return !!prev && !!next && prev.kind !== 'punct' && next.kind !== 'punct';
}

/** Finds subject and verb group at the start of a clause; resolves "who" and clause-initial pronouns. */
export function parseClause(
  clause: Clause,
  sentenceClauses: readonly Clause[],
  parsedBefore: readonly ParsedClause[],
  mentions: Map<number, MentionRef>,
  lang: Lang,
): ParsedClause | undefined {
  const t = clause.tokens;
  let i = 0;
  while (i < t.length && LEADING.has(t[i]?.folded ?? '') && !RELATIVES.has(t[i]?.folded ?? '')) i++;
  let subject: string | undefined;
  let subjectIsPerson = false;
  let subjectSource: ParsedClause['subjectSource'] = 'explicit';
  const first = t[i];
  if (!first) return undefined;
  const ref = mentions.get(first.index);
  if (ref && ref.entity.kind === 'person' && !ref.mention.possessive) {
    subject = ref.entity.name;
    subjectIsPerson = true;
    while (i < t.length && (t[i]?.index ?? 0) < ref.mention.last) i++;
  } else if (RELATIVES.has(first.folded) && i === 0) {
    const antecedent = relativeAntecedent(clause, sentenceClauses, mentions);
    if (!antecedent) return undefined;
    subject = antecedent;
    subjectIsPerson = true;
    subjectSource = 'relative';
    i++;
  } else if (
    SUBJECT_PRONOUNS_BY_LANG[lang].has(first.folded) &&
    first.token.text === first.token.text.toLowerCase()
  ) {
    // The latest explicit person subject of this sentence. parsedBefore is in document order, so the search
    // stops at the previous sentence instead of walking (or copying) every clause parsed so far.
    let previous: ParsedClause | undefined;
    for (let k = parsedBefore.length - 1; k >= 0 && !previous; k--) {
      const p = parsedBefore[k];
      if (!p || p.sentenceIndex < clause.sentenceIndex) break;
      if (p.sentenceIndex === clause.sentenceIndex && p.subjectIsPerson && p.subjectSource === 'explicit')
        previous = p;
    }
    if (!previous) return undefined;
    subject = previous.subject;
    subjectIsPerson = true;
    subjectSource = 'pronoun';
    i++;
  } else if (clause.position === 0 && i === 0 && ['the', 'el', 'la'].includes(first.folded)) {
    const noun = t[1];
    let v = 2;
    while (v < t.length && lang === 'en' && isAdverb(t[v]?.folded ?? '', lang)) v++;
    const verb = t[v];
    if (!noun || noun.token.text !== noun.token.text.toLowerCase() || noun.token.kind !== 'word')
      return undefined;
    if (noun.index !== first.index + 1 || !verb || verb.index !== noun.index + v - 1) return undefined;
    if (lang === 'en' && !(/[^s]s$/.test(verb.folded) || EN_AUX.has(verb.folded))) return undefined;
    subject = `${first.token.text.toLowerCase()} ${noun.token.text}`;
    subjectSource = 'noun';
    i = 2;
  } else if (
    i > 0 &&
    ['and', 'y'].includes(t[i - 1]?.folded ?? '') &&
    isVerb(firstAfterAdverbs(t, i, lang), first.token.text, lang)
  ) {
    const previous = parsedBefore[parsedBefore.length - 1];
    if (
      !previous ||
      previous.sentenceIndex !== clause.sentenceIndex ||
      previous.position !== clause.position - 1
    )
      return undefined;
    if (!previous.subjectIsPerson) return undefined;
    subject = previous.subject;
    subjectIsPerson = true;
    subjectSource = 'coordinated';
  } else return undefined;
  while (i < t.length && isAdverb(t[i]?.folded ?? '', lang) && lang === 'en') i++;
  const verbStart = i;
  if (lang === 'es') while (i < t.length && isAdverb(t[i]?.folded ?? '', lang)) i++;
  const head = t[i];
  if (!head || !isVerb(head.folded, head.token.text, lang)) return undefined;
  if (lang === 'en' && EN_AUX.has(head.folded)) {
    while (i < t.length && (EN_AUX.has(t[i]?.folded ?? '') || isAdverb(t[i]?.folded ?? '', lang))) i++;
    const main = t[i];
    const modal = t.slice(verbStart, i).some((x) => MODALS.has(x.folded));
    const lower = main && main.token.kind === 'word' && main.token.text === main.token.text.toLowerCase();
    if (main && !EN_AUX.has(main.folded) && (isVerb(main.folded, main.token.text, lang) || (modal && lower)))
      i++;
  } else if (lang === 'es' && isAuxiliary(head.folded, lang)) {
    i++;
    const main = t[i];
    if (main && /(?:ad|id)[oa]s?$|sido$/.test(main.folded)) i++;
  } else i++;
  if (i >= t.length) return undefined;
  return {
    ...clause,
    subject,
    subjectIsPerson,
    subjectSource,
    verbStart,
    restStart: i,
    verbs: t.slice(verbStart, i).map((x) => x.token.text),
  };
}

function firstAfterAdverbs(t: readonly ClauseToken[], i: number, lang: Lang): string {
  let k = i;
  while (k < t.length && lang === 'en' && isAdverb(t[k]?.folded ?? '', lang)) k++;
  return t[k]?.folded ?? '';
}

/** "X (Actor), Y's protégé, who ..." → X: the person right before "who", skipping one appositive. */
function relativeAntecedent(
  clause: Clause,
  all: readonly Clause[],
  mentions: Map<number, MentionRef>,
): string | undefined {
  const endsWithPerson = (c: Clause | undefined): string | undefined => {
    const last = c?.tokens[c.tokens.length - 1];
    if (!last) return undefined;
    for (const ref of mentions.values()) {
      if (ref.entity.kind === 'person' && !ref.mention.possessive && ref.mention.last - 1 === last.index) {
        return ref.entity.name;
      }
    }
    return undefined;
  };
  const before = all[clause.position - 1];
  const opener = before?.tokens[0];
  const appositive =
    clause.position >= 2 &&
    opener &&
    (['a', 'an', 'the', 'un', 'una', 'el', 'la', 'his', 'her', 'su'].includes(opener.folded) ||
      /'s$/i.test(opener.token.text));
  if (!appositive) return endsWithPerson(before);
  const ante = endsWithPerson(all[clause.position - 2]);
  // Reported speech ("discovered that X is a mole, who ...") is not the narrator's fact.
  if (ante && all[clause.position - 2]?.tokens.some((x) => x.folded === 'that' || x.folded === 'que'))
    return undefined;
  return ante;
}

/** Renders tokens with the synopsis's own spacing between neighbours. */
export function renderTokens(body: string, tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((t, k) => {
    const prev = tokens[k - 1];
    if (prev) {
      const gap = body.slice(prev.end, t.start);
      out += gap.length > 0 && gap.length <= 2 && gap.trim() === '' ? gap : gap === '' ? '' : ' ';
    }
    out += t.text;
  });
  return out;
}

export function parseAll(analysis: Analysis): ParsedClause[] {
  const index = mentionIndex(analysis);
  const out: ParsedClause[] = [];
  for (const s of analysis.sentences) {
    const clauses = splitClauses(s);
    for (const c of clauses) {
      const parsed = parseClause(
        c,
        clauses,
        out,
        index.get(s.index) ?? new Map<number, MentionRef>(),
        analysis.lang,
      );
      if (parsed) out.push(parsed);
    }
  }
  return out;
}
