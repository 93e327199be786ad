import { isVerb, splitClauses } from '../synopsis/clauses.ts';
import type { Analysis, Entity, Mention } from '../synopsis/entities.ts';
import { balanceQuotes } from '../synopsis/facts.ts';
import type { Fact } from '../synopsis/facts.ts';
import { numberWord } from '../synopsis/numbers.ts';
import { capitaliseFirst, fold } from '../synopsis/text.ts';
import type { Difficulty, Lang, QuestionType } from './question.ts';
import { TEMPLATES } from './templates.ts';

export type OptionKind = 'person' | 'actor' | 'place' | 'city' | 'role' | 'relation' | 'number' | 'object';

/** A question before its options: what is asked, what is right, and what else would also be right. */
export interface Draft {
  type: QuestionType;
  prompt: string;
  answer: string;
  accepted: string[];
  kind: OptionKind;
  /** Values the facts make true too: never usable as distractors. */
  truths: string[];
  /** Names that give the answer away when they appear in the prompt (the actor of a character, ...). */
  giveaways: string[];
  /** The text put into the template, checked for pronoun starts and unfilled slots. */
  slot: string;
  sentenceIndex: number;
  start: number;
  end: number;
  difficulty: Difficulty;
  /** For numbers: the unit, used to build plausible wrong numbers. */
  value?: number;
  /** For cloze on objects: the blank follows an article, so options drop theirs. */
  bare?: boolean;
}

interface Ctx {
  analysis: Analysis;
  facts: Fact[];
  lang: Lang;
  byName: Map<string, Entity>;
  index: FactIndex;
}

type FactOf<K extends Fact['kind']> = Extract<Fact, { kind: K }>;

/**
 * The facts grouped by what the drafts look up (the same actor, head, subject, predicate, sentence), each group
 * in fact order. Scanning every fact for every fact made a synopsis ten times longer cost a hundred times more.
 */
interface FactIndex {
  castByActor: Map<string, FactOf<'cast'>[]>;
  castByCharacter: Map<string, FactOf<'cast'>[]>;
  /** Positions in `facts` of the role facts with each head, and of each subject. */
  roleByHead: Map<string, number[]>;
  roleBySubject: Map<string, number[]>;
  relationByHead: Map<string, FactOf<'relation'>[]>;
  /** Who is revealed to be whom, both ways (person identities only). */
  identities: Map<string, string[]>;
  revealByIdentity: Map<string, FactOf<'reveal'>[]>;
  eventByPredicate: Map<string, FactOf<'event'>[]>;
  eventBySentence: Map<number, FactOf<'event'>[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const predicateKey = (f: FactOf<'event'>): string => fold(`${f.verbs.join(' ')} ${f.rest}`);

function indexFacts(facts: readonly Fact[]): FactIndex {
  const index: FactIndex = {
    castByActor: new Map(),
    castByCharacter: new Map(),
    roleByHead: new Map(),
    roleBySubject: new Map(),
    relationByHead: new Map(),
    identities: new Map(),
    revealByIdentity: new Map(),
    eventByPredicate: new Map(),
    eventBySentence: new Map(),
  };
  facts.forEach((f, i) => {
    if (f.kind === 'cast') {
      push(index.castByActor, f.actor, f);
      push(index.castByCharacter, f.character, f);
    } else if (f.kind === 'role') {
      push(index.roleByHead, f.head, i);
      push(index.roleBySubject, f.subject, i);
    } else if (f.kind === 'relation') push(index.relationByHead, f.head, f);
    else if (f.kind === 'reveal') {
      push(index.revealByIdentity, fold(f.identity), f);
      if (f.identityIsPerson) {
        push(index.identities, f.subject, f.identity);
        push(index.identities, f.identity, f.subject);
      }
    } else if (f.kind === 'event') {
      push(index.eventByPredicate, predicateKey(f), f);
      push(index.eventBySentence, f.sentenceIndex, f);
    }
  });
  return index;
}

/** The facts at these positions, in fact order. */
function factsAt<K extends Fact['kind']>(ctx: Ctx, positions: Iterable<number>): FactOf<K>[] {
  return [...new Set(positions)].sort((a, b) => a - b).map((i) => ctx.facts[i] as FactOf<K>);
}

const BASE: Record<QuestionType, number> = {
  cast: 1,
  role: 2,
  relation: 2,
  place: 2,
  agent: 2,
  reveal: 2,
  quantity: 2,
  object: 2,
  cloze: 2,
};

function difficulty(type: QuestionType, answerMentions: number, extra = 0): Difficulty {
  let d = BASE[type] + extra;
  if (answerMentions >= 8) d--;
  if (answerMentions <= 1) d++;
  return Math.min(3, Math.max(1, d)) as Difficulty;
}

function acceptedFor(ctx: Ctx, name: string): string[] {
  const e = ctx.byName.get(fold(name));
  return [...new Set([name, ...(e?.aliases ?? [])])];
}

/** The actor of a character and the character of an actor: either one in a prompt gives the other away. */
function pairedNames(ctx: Ctx, name: string): string[] {
  const e = ctx.byName.get(fold(name));
  const other = e?.playedBy ?? e?.plays;
  return other ? acceptedFor(ctx, other) : [];
}

const mentionsOf = (ctx: Ctx, name: string): number => ctx.byName.get(fold(name))?.mentions.length ?? 0;

function where(f: Fact): Pick<Draft, 'sentenceIndex' | 'start' | 'end'> {
  return { sentenceIndex: f.sentenceIndex, start: f.start, end: f.end };
}

function personDraft(
  ctx: Ctx,
  f: Fact,
  type: QuestionType,
  prompt: string,
  slot: string,
  answer: string,
  truths: string[],
  extra = 0,
): Draft {
  return {
    type,
    prompt,
    answer,
    accepted: acceptedFor(ctx, answer),
    kind: 'person',
    truths,
    giveaways: pairedNames(ctx, answer),
    slot,
    ...where(f),
    difficulty: difficulty(type, mentionsOf(ctx, answer), extra),
  };
}

/** English third-person -s to the base form ("assaults" → "assault", "goes" → "go"). */
function baseForm(verb: string): string | undefined {
  const v = verb.toLowerCase();
  if (v === 'is' || v === 'was') return undefined;
  if (v === 'has') return 'have';
  if (v === 'does') return 'do';
  if (/ies$/.test(v)) return `${v.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes|oes)$/.test(v)) return v.slice(0, -2);
  if (/[^s]s$/.test(v)) return v.slice(0, -1);
  return undefined;
}

/** Puts the subject after the first auxiliary (or "does" + base form) for "where"/"by whom" questions. */
function invert(lang: Lang, subject: string, verbs: readonly string[], rest: string): string | undefined {
  // A second verb ("... and extracts Farris") would keep its own agreement after the inversion: drop it.
  const tail = rest
    .trim()
    .replace(lang === 'en' ? /(?:^|\s+)(?:and|but)\s+\w+s\b.*$/ : /(?:^|\s+)(?:y|pero)\s+\w+(?:a|e)\b.*$/, '')
    .trim();
  if (lang === 'es') return [verbs.join(' '), subject, tail].filter(Boolean).join(' ');
  const [first, ...others] = verbs;
  if (!first) return undefined;
  if (/^(is|are|was|were|has|have|had|will|would|can|could|must|may|might|should)$/i.test(first)) {
    return [first.toLowerCase(), subject, ...others, tail].filter(Boolean).join(' ');
  }
  if (others.length > 0) return undefined;
  const base = baseForm(first);
  return base ? ['does', subject, base, tail].filter(Boolean).join(' ') : undefined;
}

function castDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'cast' }>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  const sameActor = (ctx.index.castByActor.get(f.actor) ?? []).map((g) => g.character);
  const sameCharacter = (ctx.index.castByCharacter.get(f.character) ?? []).map((g) => g.actor);
  const actorEntity = ctx.byName.get(fold(f.actor));
  return [
    {
      type: 'cast',
      prompt: t.castActor(f.character),
      answer: f.actor,
      accepted: [f.actor, ...(actorEntity?.aliases ?? [])],
      kind: 'actor',
      truths: sameCharacter,
      giveaways: [],
      slot: f.character,
      ...where(f),
      difficulty: difficulty('cast', mentionsOf(ctx, f.character)),
    },
    {
      ...personDraft(ctx, f, 'cast', t.castCharacter(f.actor), f.actor, f.character, sameActor, 1),
      giveaways: [],
    },
  ];
}

const isArticleRole = (role: string): boolean => /^(?:a|an|the|el|la|los|las|un|una)\s/i.test(role);

function roleDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'role' }>): Draft[] {
  if (f.reported) return [];
  const t = TEMPLATES[ctx.lang];
  const sameHead = factsAt<'role'>(ctx, ctx.index.roleByHead.get(f.head) ?? []).map((g) => g.subject);
  const out: Draft[] = [];
  const who = isArticleRole(f.role) ? t.roleWho(f.role) : t.titleWho(f.role);
  out.push(personDraft(ctx, f, 'role', who, f.role, f.subject, sameHead));
  if (isArticleRole(f.role)) {
    const subjectRoles = factsAt<'role'>(ctx, ctx.index.roleBySubject.get(f.subject) ?? []);
    const heads = new Set(subjectRoles.map((g) => g.head));
    const truths = [
      ...subjectRoles.map((g) => g.role),
      ...factsAt<'role'>(
        ctx,
        [...heads].flatMap((h) => ctx.index.roleByHead.get(h) ?? []),
      ).map((g) => g.role),
    ];
    out.push({
      type: 'role',
      prompt: t.roleWhat(f.subject),
      answer: capitaliseFirst(f.role),
      accepted: [f.role],
      kind: 'role',
      truths,
      giveaways: [],
      slot: f.subject,
      ...where(f),
      difficulty: difficulty('role', mentionsOf(ctx, f.subject), 1),
    });
  }
  return out;
}

function relationDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'relation' }>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  const rel = ctx.index.relationByHead.get(f.head) ?? [];
  return [
    personDraft(
      ctx,
      f,
      'relation',
      t.relationWho(f.relation, f.of),
      f.of,
      f.subject,
      rel.filter((g) => g.of === f.of).map((g) => g.subject),
    ),
    personDraft(
      ctx,
      f,
      'relation',
      t.relationWhose(f.relation, f.subject),
      f.subject,
      f.of,
      rel.filter((g) => g.subject === f.subject).map((g) => g.of),
      1,
    ),
  ];
}

/** Everyone linked to `name` by person reveals, directly or through others. */
function identityGroup(ctx: Ctx, name: string): string[] {
  const group = new Set([name]);
  for (const member of group) for (const other of ctx.index.identities.get(member) ?? []) group.add(other);
  return [...group];
}

function revealDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'reveal' }>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  if (f.identityIsPerson) {
    return [
      personDraft(
        ctx,
        f,
        'reveal',
        t.revealIdentity(f.subject),
        f.subject,
        f.identity,
        identityGroup(ctx, f.identity),
        1,
      ),
    ];
  }
  const same = (ctx.index.revealByIdentity.get(fold(f.identity)) ?? []).map((g) => g.subject);
  return [personDraft(ctx, f, 'reveal', t.revealRole(f.identity), f.identity, f.subject, same)];
}

function eventDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'event' }>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  const out: Draft[] = [];
  const predicate = `${f.verbs.join(' ')} ${f.rest}`.trim();
  if (f.subjectIsPerson) {
    const same = (ctx.index.eventByPredicate.get(predicateKey(f)) ?? []).map((g) => g.subject);
    out.push(personDraft(ctx, f, 'agent', t.agentWho(predicate), predicate, f.subject, same));
  }
  if (f.agent && f.restWithoutAgent !== undefined) {
    const inverted = invert(ctx.lang, f.subject, f.verbs, f.restWithoutAgent);
    if (inverted) out.push(personDraft(ctx, f, 'agent', t.byWhom(inverted), inverted, f.agent, [], 1));
  }
  if (f.place && f.restWithoutPlace !== undefined) {
    const inverted = invert(ctx.lang, f.subject, f.verbs, f.restWithoutPlace);
    const place = ctx.byName.get(fold(f.place));
    if (inverted && place) {
      const city = place.city === true;
      out.push({
        type: 'place',
        prompt: t.where(inverted, city),
        answer: place.name,
        accepted: [place.name, ...place.aliases],
        kind: city ? 'city' : 'place',
        truths: [],
        giveaways: [],
        slot: inverted,
        ...where(f),
        difficulty: difficulty('place', place.mentions.length),
      });
    }
  }
  return out;
}

function numberAccepted(value: number, surface: string): string[] {
  return [
    ...new Set(
      [String(value), surface, numberWord(value, 'en'), numberWord(value, 'es')].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
}

function quantityDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'quantity' }>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  let clause = f.clause;
  // "he must retrieve ... within 48 hours": borrow the subject the clause parser resolved for the same words.
  const event = (ctx.index.eventBySentence.get(f.sentenceIndex) ?? []).find(
    (g) => g.subjectIsPerson && g.rest.includes(f.surface) && clause.includes(g.rest),
  );
  if (event) clause = `${event.subject} ${event.verbs.join(' ')} ${event.rest}`;
  // Without a subject the echo question only works when the clause opens with a time or place phrase,
  // or is a plain "the ship sinks within ..." sentence.
  const words = clause.split(/\s+/);
  const first = fold(words[0] ?? '');
  const opensWithPhrase =
    /^(?:after|within|before|in|for|during|durante|despues|tras|en|antes|dentro|al|hace)$/.test(first);
  const numberAt = words.findIndex((w) => w.includes(f.surface));
  const verbBefore =
    ['the', 'el', 'la', 'los', 'las'].includes(first) &&
    words.slice(1, Math.max(1, numberAt)).some((w) => isVerb(fold(w), w, ctx.lang));
  if (!event && !opensWithPhrase && !verbBefore) return [];
  if (words.length < 6) return [];
  const pattern = new RegExp(
    `(^|[^\\p{L}\\p{N}])${f.surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s+${f.unit ?? ''})?(?=$|[^\\p{L}\\p{N}])`,
    'u',
  );
  const echo = clause.replace(pattern, (_m, lead: string) => `${lead}${t.howManyWords(f.unit)}`);
  if (echo === clause) return [];
  return [
    {
      type: 'quantity',
      prompt: t.howMany(capitaliseFirst(echo)),
      answer: String(f.value),
      accepted: numberAccepted(f.value, f.surface),
      kind: 'number',
      truths: [],
      giveaways: [],
      slot: echo,
      ...where(f),
      difficulty: difficulty('quantity', 1),
      value: f.value,
    },
  ];
}

function objectDrafts(ctx: Ctx, f: Extract<Fact, { kind: 'object' }>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  const e = ctx.byName.get(fold(f.name));
  return [
    {
      type: 'object',
      prompt: t.codename(f.description),
      answer: f.name,
      accepted: [f.name, ...(e?.aliases ?? [])],
      kind: 'object',
      truths: [],
      giveaways: [],
      slot: f.description,
      ...where(f),
      difficulty: difficulty('object', e?.mentions.length ?? 1),
    },
  ];
}

const CLOZE_BUDGET = 170;
const CLOZE_PRIORITY: Record<string, number> = { place: 0, object: 1, person: 2 };

/** One fill-in-the-blank per informative sentence, blanking the entity the other questions use least. */
function clozeDrafts(ctx: Ctx, used: Map<string, number>): Draft[] {
  const t = TEMPLATES[ctx.lang];
  const out: Draft[] = [];
  // Each sentence's blankable mentions, in entity order (the tie order of the sort below).
  const mentionsIn = new Map<number, { e: Entity; m: Mention }[]>();
  for (const e of ctx.analysis.entities) {
    if (e.kind !== 'person' && e.kind !== 'place' && e.kind !== 'object') continue;
    for (const m of e.mentions) if (!m.inParens) push(mentionsIn, m.sentenceIndex, { e, m });
  }
  for (const s of ctx.analysis.sentences) {
    const clauses = splitClauses(s);
    const options = [...(mentionsIn.get(s.index) ?? [])].sort(
      (a, b) =>
        (used.get(a.e.name) ?? 0) - (used.get(b.e.name) ?? 0) ||
        (CLOZE_PRIORITY[a.e.kind] ?? 3) - (CLOZE_PRIORITY[b.e.kind] ?? 3) ||
        a.m.start - b.m.start,
    );
    for (const { e, m } of options) {
      const home = clauses.findIndex((c) => c.tokens.some((x) => x.index === m.first));
      if (home < 0) continue;
      let from = home;
      let to = home;
      const text = (): string => {
        const parts: string[] = [];
        for (let k = from; k <= to; k++) {
          const c = clauses[k];
          if (!c) continue;
          let piece = '';
          let prevEnd = -1;
          for (const x of c.tokens) {
            if (x.index >= m.first && x.index < m.last) {
              if (x.index === m.first)
                piece += `${prevEnd >= 0 && piece !== '' ? ' ' : ''}___${m.possessive ? "'s" : ''}`;
              prevEnd = x.token.end;
              continue;
            }
            const gap = prevEnd >= 0 ? ctx.analysis.body.slice(prevEnd, x.token.start) : '';
            piece += piece === '' ? x.token.text : `${gap === '' ? '' : ' '}${x.token.text}`;
            prevEnd = x.token.end;
          }
          parts.push(piece);
        }
        return parts.join(', ');
      };
      while (text().split(' ').length < 8 && (from > 0 || to < clauses.length - 1)) {
        if (to < clauses.length - 1) to++;
        else from--;
      }
      const body = balanceQuotes(text()).replace(/(^|\s)" ___/g, '$1"___');
      if (body.length > CLOZE_BUDGET || body.split(' ').length < 6) continue;
      const article = /\b(?:the|el|la|los|las)\s+___/i.test(body);
      const bare = e.kind === 'object' && article;
      const answer = bare ? (e.aliases[0] ?? e.name) : e.name;
      out.push({
        type: 'cloze',
        prompt: t.cloze(capitaliseFirst(body)),
        answer,
        accepted: [...new Set([answer, e.name, ...e.aliases])],
        kind: e.kind === 'place' ? (e.city ? 'city' : 'place') : e.kind === 'object' ? 'object' : 'person',
        truths: [],
        giveaways: pairedNames(ctx, e.name),
        slot: body,
        sentenceIndex: s.index,
        start: m.start,
        end: m.end,
        difficulty: difficulty('cloze', e.mentions.length, 1),
        bare,
      });
      used.set(e.name, (used.get(e.name) ?? 0) + 1);
      break;
    }
  }
  return out;
}

/** Every question the facts support, before options and gates. */
export function draftQuestions(analysis: Analysis, facts: Fact[]): Draft[] {
  const byName = new Map<string, Entity>();
  for (const e of analysis.entities) byName.set(fold(e.name), e);
  const ctx: Ctx = { analysis, facts, lang: analysis.lang, byName, index: indexFacts(facts) };
  const drafts: Draft[] = [];
  for (const f of facts) {
    if (f.kind === 'cast') drafts.push(...castDrafts(ctx, f));
    else if (f.kind === 'role') drafts.push(...roleDrafts(ctx, f));
    else if (f.kind === 'relation') drafts.push(...relationDrafts(ctx, f));
    else if (f.kind === 'reveal') drafts.push(...revealDrafts(ctx, f));
    else if (f.kind === 'event') drafts.push(...eventDrafts(ctx, f));
    else if (f.kind === 'quantity') drafts.push(...quantityDrafts(ctx, f));
    else drafts.push(...objectDrafts(ctx, f));
  }
  const used = new Map<string, number>();
  for (const d of drafts) used.set(d.answer, (used.get(d.answer) ?? 0) + 1);
  drafts.push(...clozeDrafts(ctx, used));
  return drafts;
}
