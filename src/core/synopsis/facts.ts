import type { Lang } from '../questions/question.ts';
import { isPassive, mentionIndex, parseAll, renderTokens, splitClauses } from './clauses.ts';
import type { ClauseToken, MentionRef, ParsedClause } from './clauses.ts';
import type { AnalysedSentence, Analysis, Entity } from './entities.ts';
import { RELATION_NOUNS, ROLE_HEADS, UNITS, isRoleWord } from './lexicon.ts';
import { isNumberWord, parseNumber } from './numbers.ts';
import { fold } from './text.ts';

export interface FactBase {
  id: string;
  sentenceIndex: number;
  start: number;
  end: number;
}

export type Fact =
  | (FactBase & { kind: 'cast'; character: string; actor: string })
  | (FactBase & { kind: 'role'; subject: string; role: string; head: string; reported?: boolean })
  | (FactBase & { kind: 'relation'; subject: string; relation: string; head: string; of: string })
  | (FactBase & {
      kind: 'event';
      subject: string;
      subjectIsPerson: boolean;
      /** Verb group as written ("has been captured"). */
      verbs: string[];
      /** Everything after the verb group. */
      rest: string;
      restWithoutPlace?: string;
      restWithoutAgent?: string;
      place?: string;
      agent?: string;
      passive: boolean;
    })
  | (FactBase & { kind: 'reveal'; subject: string; identity: string; identityIsPerson: boolean })
  | (FactBase & { kind: 'quantity'; value: number; unit?: string; surface: string; clause: string })
  | (FactBase & { kind: 'object'; name: string; description: string });

export type FactKind = Fact['kind'];

type Draft = Fact extends infer F ? (F extends Fact ? Omit<F, 'id'> : never) : never;

const DEFINITE = new Set(['the', 'el', 'la', 'los', 'las', 'his', 'her', 'their', 'su', 'sus']);
const POSSESSIVE_DETS = new Set(['his', 'her', 'their', 'su', 'sus']);
const PREPOSITIONS = new Set(['de', 'del', 'of', 'a', 'con', 'en', 'in', 'for', 'para', 'from']);
const OF = new Set(['de', 'del', 'of']);
const CLAUSE_OPENERS = new Set(['and', 'y', 'then', 'entonces', 'with', 'con', 'but', 'pero', 'luego']);
const INDEFINITE = new Set(['a', 'an', 'un', 'una']);
const STOP_NP = new Set([
  'who',
  'which',
  'that',
  'que',
  'quien',
  'cual',
  'where',
  'donde',
  'when',
  'cuando',
  'and',
  'y',
]);

interface Ctx {
  analysis: Analysis;
  lang: Lang;
  mentions: Map<number, Map<number, MentionRef>>;
  parsed: ParsedClause[];
  /** The parsed clause at each sentence index and clause position. */
  parsedAt: Map<string, ParsedClause>;
  /** People by every folded form of their names, objects likewise, and people by the actor who plays them. */
  personByName: Map<string, Entity>;
  objectByName: Map<string, Entity>;
  personByActor: Map<string, Entity>;
  drafts: Draft[];
}

const clauseKey = (sentenceIndex: number, position: number): string => `${sentenceIndex}:${position}`;

/** The first entity (in analysis order) each key leads to, as a `find` over the entities would return. */
function firstBy(entities: readonly Entity[], keys: (e: Entity) => readonly string[]): Map<string, Entity> {
  const out = new Map<string, Entity>();
  for (const e of entities) for (const k of keys(e)) if (!out.has(k)) out.set(k, e);
  return out;
}

const span = (s: AnalysedSentence, from: number, to: number): { start: number; end: number } => ({
  start: s.tokens[from]?.start ?? s.start,
  end: s.tokens[Math.max(from, to - 1)]?.end ?? s.end,
});

function personAt(ctx: Ctx, si: number, tokenIndex: number): MentionRef | undefined {
  const ref = ctx.mentions.get(si)?.get(tokenIndex);
  return ref && ref.entity.kind === 'person' ? ref : undefined;
}

/** The person a sentence is about: its first explicit subject, or the previous sentence's when it opens with "he". */
function sentenceSubject(ctx: Ctx, si: number, depth = 0): string | undefined {
  const s = ctx.analysis.sentences[si];
  if (!s || depth > 3) return undefined;
  for (const c of splitClauses(s)) {
    const lead = c.tokens.findIndex(
      (x) => !['and', 'but', 'then', 'however', 'y', 'pero', 'entonces'].includes(x.folded),
    );
    const raw = c.tokens[lead]?.token.text ?? '';
    const pronoun =
      ctx.lang === 'en'
        ? ['he', 'she'].includes(raw.toLowerCase())
        : ['él', 'ella'].includes(raw.toLowerCase());
    if (pronoun) return sentenceSubject(ctx, si - 1, depth + 1);
    const parsed = ctx.parsedAt.get(clauseKey(si, c.position));
    if (parsed?.subjectIsPerson && parsed.subjectSource === 'explicit') return parsed.subject;
  }
  return undefined;
}

function headOf(words: readonly string[], lexicon: ReadonlySet<string>): string | undefined {
  return words.map(fold).find((w) => (lexicon === ROLE_HEADS ? isRoleWord(w) : lexicon.has(w)));
}

/** Closes a quotation the clause boundary cut off: 'warns that "life finds a way' → '... a way"'. */
export function balanceQuotes(text: string): string {
  return (text.match(/"/g) ?? []).length % 2 === 1 ? `${text}"` : text;
}

/** Roles and relations written before a name: "his fiancée Julia", "el analista de inteligencia Brandt". */
function rolesBeforeNames(ctx: Ctx, s: AnalysedSentence): void {
  for (const [first, ref] of ctx.mentions.get(s.index) ?? []) {
    if (ref.entity.kind !== 'person') continue;
    let k = first - 1;
    if (s.tokens[k]?.text === ',') k--;
    const words: string[] = [];
    let det: string | undefined;
    while (k >= 0 && words.length <= 7) {
      const t = s.tokens[k];
      if (!t || (s.depth[k] ?? 0) > 0) break;
      const f = fold(t.text);
      if (t.kind !== 'word') break;
      const lowerOrFirst = t.text === t.text.toLowerCase() || k === 0;
      if (DEFINITE.has(f) && lowerOrFirst && !OF.has(fold(s.tokens[k - 1]?.text ?? ''))) {
        det = t.text;
        break;
      }
      const capitalisedPerson = t.text !== t.text.toLowerCase() && !/^\p{Lu}+$/u.test(t.text);
      if (
        capitalisedPerson &&
        !(personAt(ctx, s.index, k) && PREPOSITIONS.has(fold(s.tokens[k - 1]?.text ?? '')))
      )
        break;
      words.unshift(t.text);
      k--;
    }
    if (!det || words.length === 0 || PREPOSITIONS.has(fold(words[words.length - 1] ?? ''))) continue;
    // With a comma ("his old partner, Luther"), the phrase must open its clause, or it may be a whole clause.
    const beforeDet = s.tokens[k - 1];
    if (
      s.tokens[first - 1]?.text === ',' &&
      beforeDet &&
      beforeDet.kind === 'word' &&
      !CLAUSE_OPENERS.has(fold(beforeDet.text))
    )
      continue;
    if (words.some((w) => STOP_NP.has(fold(w)))) continue;
    const where = { sentenceIndex: s.index, start: s.tokens[k]?.start ?? s.start, end: ref.mention.end };
    // English puts the head last ("the hospital nurse Julia"); "the captain of the hovercraft Nebuchadnezzar" is not a title.
    if (
      ctx.lang === 'en' &&
      !isRoleWord(fold(words[words.length - 1] ?? '')) &&
      !RELATION_NOUNS.has(fold(words[words.length - 1] ?? ''))
    )
      continue;
    const relationHead = headOf(words, RELATION_NOUNS);
    if (relationHead && POSSESSIVE_DETS.has(fold(det))) {
      // "Alan Grant, his partner Ellie": the person just before the comma owns the relation.
      const beforeComma =
        s.tokens[k - 1]?.text === ','
          ? [...(ctx.mentions.get(s.index) ?? new Map<number, MentionRef>()).values()].find(
              (r) => r.entity.kind === 'person' && r.mention.last === k - 1,
            )
          : undefined;
      const of = beforeComma?.entity.name ?? sentenceSubject(ctx, s.index);
      if (of && of !== ref.entity.name) {
        ctx.drafts.push({
          kind: 'relation',
          subject: ref.entity.name,
          relation: words.join(' '),
          head: relationHead,
          of,
          ...where,
        });
      }
      continue;
    }
    const roleHead = headOf(words, ROLE_HEADS);
    if (roleHead && !POSSESSIVE_DETS.has(fold(det))) {
      ctx.drafts.push({
        kind: 'role',
        subject: ref.entity.name,
        role: `${det.toLowerCase()} ${words.join(' ')}`,
        head: roleHead,
        ...where,
      });
    }
  }
}

/** Appositives after a name: "Julia, a hospital nurse", "Hendricks un estratega nuclear", "Lindsey, Ethan's protégé". */
function appositives(ctx: Ctx, s: AnalysedSentence): void {
  const visible = s.tokens.map((t, i) => ({ t, i })).filter(({ i }) => (s.depth[i] ?? 0) === 0);
  for (const ref of ctx.mentions.get(s.index)?.values() ?? []) {
    if (ref.entity.kind !== 'person' || ref.mention.possessive || ref.mention.inParens) continue;
    let v = visible.findIndex(({ i }) => i >= ref.mention.last);
    if (v < 0) continue;
    const comma = visible[v]?.t.text === ',';
    if (comma) v++;
    const opener = visible[v];
    if (!opener) continue;
    const np: string[] = [];
    let w = v;
    while (w < visible.length) {
      const t = visible[w]?.t;
      if (!t || t.kind === 'punct' || STOP_NP.has(fold(t.text))) break;
      np.push(t.text);
      w++;
    }
    const where = {
      sentenceIndex: s.index,
      start: ref.mention.start,
      end: visible[w - 1]?.t.end ?? ref.mention.end,
    };
    const openerFolded = fold(opener.t.text);
    // "X, a petty crook" always describes X; "X, the corrupt prefect of police" only when the phrase is a role.
    const definiteRole =
      comma && ['the', 'el', 'la'].includes(openerFolded) && headOf(np.slice(1, 4), ROLE_HEADS) !== undefined;
    if (
      (INDEFINITE.has(openerFolded) || definiteRole) &&
      opener.t.text === opener.t.text.toLowerCase() &&
      (comma || ctx.lang === 'es')
    ) {
      const head = headOf(np.slice(1), ROLE_HEADS);
      if (head && np.length >= 2 && np.length <= 10) {
        ctx.drafts.push({ kind: 'role', subject: ref.entity.name, role: np.join(' '), head, ...where });
      }
      continue;
    }
    const owner = personAt(ctx, s.index, opener.i);
    if (comma && owner?.mention.possessive) {
      const after = np.slice(owner.mention.last - opener.i);
      const head = headOf(after, RELATION_NOUNS);
      if (head && after.length <= 3 && owner.entity.name !== ref.entity.name) {
        ctx.drafts.push({
          kind: 'relation',
          subject: ref.entity.name,
          relation: after.join(' '),
          head,
          of: owner.entity.name,
          ...where,
        });
      }
    }
  }
}

/** "X is a mole", "Brandt es agente": kept only to tell whether a distractor is also true. */
function reportedRoles(ctx: Ctx): void {
  for (const p of ctx.parsed) {
    const verb = fold(p.verbs[p.verbs.length - 1] ?? '');
    if (!p.subjectIsPerson || !['is', 'was', 'es', 'era'].includes(verb)) continue;
    const rest = p.tokens.slice(p.restStart).map((x) => x.token.text);
    const opensWell = INDEFINITE.has(fold(rest[0] ?? '')) || ROLE_HEADS.has(fold(rest[0] ?? ''));
    const head = opensWell ? headOf(rest.slice(0, 3), ROLE_HEADS) : undefined;
    if (head) {
      const s = ctx.analysis.sentences[p.sentenceIndex];
      if (!s) continue;
      ctx.drafts.push({
        kind: 'role',
        subject: p.subject,
        role: rest.join(' '),
        head,
        reported: true,
        sentenceIndex: s.index,
        ...span(s, p.tokens[0]?.index ?? 0, (p.tokens[p.tokens.length - 1]?.index ?? 0) + 1),
      });
    }
  }
  // Mentions written after "is/es" inside a clause ("que Brandt es agente").
  for (const s of ctx.analysis.sentences) {
    s.tokens.forEach((t, i) => {
      const ref = personAt(ctx, s.index, i);
      if (!ref) return;
      const verb = fold(s.tokens[ref.mention.last]?.text ?? '');
      if (!['is', 'was', 'es', 'era'].includes(verb)) return;
      const next: string[] = [];
      for (const x of s.tokens.slice(ref.mention.last + 1, ref.mention.last + 6)) {
        if (x.kind !== 'word') break;
        next.push(x.text);
      }
      const opensWell = INDEFINITE.has(fold(next[0] ?? '')) || ROLE_HEADS.has(fold(next[0] ?? ''));
      const head = opensWell ? headOf(next.slice(0, 3), ROLE_HEADS) : undefined;
      if (head)
        ctx.drafts.push({
          kind: 'role',
          subject: ref.entity.name,
          role: next.join(' '),
          head,
          reported: true,
          sentenceIndex: s.index,
          start: t.start,
          end: t.end,
        });
    });
  }
}

function titles(ctx: Ctx): void {
  for (const t of ctx.analysis.titled) {
    const words = t.title.split(' ');
    if (words.every((w) => /^\p{Lu}+$/u.test(w))) continue;
    const head = fold(words[words.length - 1] ?? '');
    if (
      [
        'agent',
        'agente',
        'mr',
        'mrs',
        'ms',
        'miss',
        'sir',
        'senor',
        'senora',
        'don',
        'dona',
        'sr',
        'sra',
      ].includes(head) &&
      words.length === 1
    )
      continue;
    ctx.drafts.push({
      kind: 'role',
      subject: t.person,
      role: t.title,
      head,
      sentenceIndex: t.sentenceIndex,
      start: t.start,
      end: t.end,
    });
  }
}

function events(ctx: Ctx): void {
  for (const p of ctx.parsed) {
    const s = ctx.analysis.sentences[p.sentenceIndex];
    if (!s) continue;
    const rest = p.tokens.slice(p.restStart);
    if (rest.length < 2 || rest.length > 22) continue;
    const body = ctx.analysis.body;
    const render = (tokens: readonly ClauseToken[]): string =>
      renderTokens(
        body,
        tokens.map((x) => x.token),
      );
    const draft: Extract<Draft, { kind: 'event' }> = {
      kind: 'event',
      subject: p.subject,
      subjectIsPerson: p.subjectIsPerson,
      verbs: p.verbs,
      rest: balanceQuotes(render(rest)),
      passive: isPassive(p.verbs, ctx.lang),
      sentenceIndex: s.index,
      ...span(s, p.tokens[0]?.index ?? 0, (p.tokens[p.tokens.length - 1]?.index ?? 0) + 1),
    };
    for (let k = 0; k < rest.length; k++) {
      const tok = rest[k];
      if (!tok) continue;
      const ref = ctx.mentions.get(s.index)?.get(tok.index);
      const prev = rest[k - 1]?.folded ?? '';
      const prev2 = rest[k - 2]?.folded ?? '';
      if (ref?.entity.kind === 'place' && draft.place === undefined) {
        const det = ['the', 'el', 'la'].includes(prev) ? 1 : 0;
        const prep = det ? prev2 : prev;
        if (['in', 'at', 'en'].includes(prep)) {
          const end = rest.findIndex((x) => x.index >= ref.mention.last);
          const stop = end < 0 ? rest.length : end;
          draft.place = ref.entity.name;
          draft.restWithoutPlace = render([...rest.slice(0, k - 1 - det), ...rest.slice(stop)]);
        }
      }
    }
    // Titles may sit between "by" and the name: "by IMF Operations Director Musgrave", "por el agente ruso Sidorov".
    if (draft.passive) {
      const por = rest.findIndex((x) => x.folded === 'por' || x.folded === 'by');
      if (por >= 0) {
        for (let k = por + 1; k < Math.min(rest.length, por + 6); k++) {
          const ref = ctx.mentions.get(s.index)?.get(rest[k]?.index ?? -1);
          if (ref?.entity.kind === 'person') {
            const end = rest.findIndex((x) => x.index >= ref.mention.last);
            draft.agent = ref.entity.name;
            draft.restWithoutAgent = render([
              ...rest.slice(0, por),
              ...rest.slice(end < 0 ? rest.length : end),
            ]);
            break;
          }
        }
      }
    }
    if (draft.restWithoutPlace !== undefined && draft.restWithoutPlace.split(' ').length < 1)
      delete draft.restWithoutPlace;
    ctx.drafts.push(draft);
  }
}

const REVEAL_EN = /^(?:revealing|reveals|revealed)\s+(?:himself|herself|themselves)\s+(?:as|to be)\s+(.+)$/i;
const REVEAL_EN_COPULA =
  /^(?:is|was)\s+(?:actually|really|secretly|in fact|revealed to be)\s+(.+)$|^turns out to be\s+(.+)$|^(?:is|was)\s+(.+?)\s+in disguise$/i;

function reveals(ctx: Ctx): void {
  const { analysis } = ctx;
  for (const s of analysis.sentences) {
    const clauses = splitClauses(s);
    const refs = ctx.mentions.get(s.index) ?? new Map<number, MentionRef>();
    clauses.forEach((c, ci) => {
      const where = {
        sentenceIndex: s.index,
        ...span(s, c.tokens[0]?.index ?? 0, (c.tokens[c.tokens.length - 1]?.index ?? 0) + 1),
      };
      const identityIn = (from: number, to: number): string | undefined => {
        for (let k = from; k < to; k++) {
          const ref = refs.get(c.tokens[k]?.index ?? -1);
          if (ref?.entity.kind === 'person') return ref.entity.name;
        }
        return undefined;
      };
      const firstPerson = (clause: typeof c | undefined): string | undefined => {
        const ref = refs.get(clause?.tokens[0]?.index ?? -1);
        return ref?.entity.kind === 'person' && !ref.mention.possessive ? ref.entity.name : undefined;
      };
      if (ctx.lang === 'en') {
        const lead = c.tokens[0]?.folded === 'and' ? 1 : 0;
        const own = firstPerson({ ...c, tokens: c.tokens.slice(lead) });
        const ownRef = refs.get(c.tokens[lead]?.index ?? -1);
        const after =
          own && ownRef ? c.tokens.filter((x) => x.index >= ownRef.mention.last) : c.tokens.slice(lead);
        const tail = renderTokens(
          analysis.body,
          after.map((x) => x.token),
        );
        const m = REVEAL_EN.exec(tail) ?? (own ? REVEAL_EN_COPULA.exec(tail) : null);
        if (!m) return;
        const subject = own ?? firstPerson(clauses[ci - 1]);
        const target =
          (m[1] ?? m[2] ?? m[3] ?? '')
            .split(/\s+(?:and|but|who|which|that|to|after|before|when|while)\s+/)[0]
            ?.trim() ?? '';
        if (!subject || target.split(' ').length > 6) return;
        const person = ctx.personByName.get(fold(target))?.name;
        if (person && person !== subject) {
          ctx.drafts.push({ kind: 'reveal', subject, identity: person, identityIsPerson: true, ...where });
        } else if (!person && headOf(target.split(' '), ROLE_HEADS) && /^(the|a|an)\s/i.test(target)) {
          ctx.drafts.push({ kind: 'reveal', subject, identity: target, identityIsPerson: false, ...where });
        }
        return;
      }
      // Spanish: "identifica a X como Y", "X es Y disfrazado", "X es en realidad Y", "X resulta ser Y".
      const f = c.tokens.map((x) => x.folded);
      for (let k = 0; k < c.tokens.length; k++) {
        const ref = refs.get(c.tokens[k]?.index ?? -1);
        if (ref?.entity.kind !== 'person') continue;
        const after = c.tokens.findIndex((x) => x.index >= ref.mention.last);
        if (after < 0) continue;
        const w0 = f[after] ?? '';
        const w1 = f[after + 1] ?? '';
        if (f[k - 1] === 'a' && /^identific/.test(f[k - 2] ?? '') && w0 === 'como') {
          const who = identityIn(after + 1, after + 2);
          if (who && who !== ref.entity.name)
            ctx.drafts.push({
              kind: 'reveal',
              subject: ref.entity.name,
              identity: who,
              identityIsPerson: true,
              ...where,
            });
        }
        if ((w0 === 'es' || w0 === 'era') && (w1 === 'en' || refs.get(c.tokens[after + 1]?.index ?? -1))) {
          const from = w1 === 'en' && f[after + 2] === 'realidad' ? after + 3 : after + 1;
          const who = identityIn(from, from + 1);
          const whoRef = refs.get(c.tokens[from]?.index ?? -1);
          const next = whoRef ? (f[c.tokens.findIndex((x) => x.index >= whoRef.mention.last)] ?? '') : '';
          const disguised = /^disfrazad[oa]s?$/.test(next);
          if (who && who !== ref.entity.name && (disguised || from === after + 3)) {
            ctx.drafts.push({
              kind: 'reveal',
              subject: ref.entity.name,
              identity: who,
              identityIsPerson: true,
              ...where,
            });
          }
        }
        if (w0 === 'resulta' && w1 === 'ser') {
          const who = identityIn(after + 2, after + 3);
          if (who)
            ctx.drafts.push({
              kind: 'reveal',
              subject: ref.entity.name,
              identity: who,
              identityIsPerson: true,
              ...where,
            });
        }
      }
    });
  }
}

function quantities(ctx: Ctx): void {
  for (const s of ctx.analysis.sentences) {
    const clauses = splitClauses(s);
    for (const c of clauses) {
      c.tokens.forEach((tok, k) => {
        const f = tok.folded;
        const isDigits = tok.token.kind === 'number' && /^\d{1,4}$/.test(tok.token.text);
        const isWordNumber =
          tok.token.kind === 'word' && isNumberWord(f) && !(ctx.lang === 'en' && f === 'once');
        if (!isDigits && !isWordNumber) return;
        const value = parseNumber(f);
        if (value === undefined || value <= 1 || (isDigits && value >= 1900 && value <= 2100)) return;
        const following = c.tokens[k + 1]?.folded ?? '';
        const unitKey = Object.keys(UNITS).find((u) => {
          const unit = UNITS[u];
          return unit && unit.lang === ctx.lang && (fold(unit.plural) === following || u === following);
        });
        const counting =
          /^(?:counting|count|counts|contando|cuenta)$/.test(c.tokens[k - 2]?.folded ?? '') &&
          /^(?:to|hasta)$/.test(c.tokens[k - 1]?.folded ?? '');
        if (!unitKey && !counting) return;
        const unit = unitKey ? UNITS[unitKey] : undefined;
        let clauseText = renderTokens(
          ctx.analysis.body,
          c.tokens.map((x) => x.token),
        );
        const next = clauses[c.position + 1];
        if (c.tokens.length < 6 && next)
          clauseText += `, ${renderTokens(
            ctx.analysis.body,
            next.tokens.map((x) => x.token),
          )}`;
        ctx.drafts.push({
          kind: 'quantity',
          value,
          ...(unit ? { unit: unit.plural } : {}),
          surface: tok.token.text,
          clause: clauseText,
          sentenceIndex: s.index,
          start: tok.token.start,
          end: tok.token.end,
        });
      });
    }
  }
}

const CODENAME =
  /\b(an?|un|una)\s+((?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+),\s+(?:codenamed|code-named|nicknamed|called|known as|llamad[oa]|conocid[oa] como|denominad[oa]|con nombre en clave)\s+"?([^",.;]{2,60}?)"?(?=[,.;]|$)/gu;

function objects(ctx: Ctx): void {
  for (const s of ctx.analysis.sentences) {
    for (const m of s.text.matchAll(CODENAME)) {
      const name = (m[3] ?? '').trim();
      const object = ctx.objectByName.get(fold(name));
      if (!object) continue;
      const start = s.start + (m.index ?? 0);
      ctx.drafts.push({
        kind: 'object',
        name: object.name,
        description: `${m[1] ?? ''} ${m[2] ?? ''}`.trim(),
        sentenceIndex: s.index,
        start,
        end: start + m[0].length,
      });
    }
  }
}

function cast(ctx: Ctx): void {
  for (const c of ctx.analysis.cast) {
    const character = ctx.personByActor.get(c.actor);
    ctx.drafts.push({
      kind: 'cast',
      character: character?.name ?? c.character,
      actor: c.actor,
      sentenceIndex: c.sentenceIndex,
      start: c.start,
      end: c.end,
    });
  }
}

/** Every fact the synopsis states, each with the sentence and span it comes from. Precision over recall. */
export function extractFacts(analysis: Analysis): Fact[] {
  const parsed = parseAll(analysis);
  const parsedAt = new Map<string, ParsedClause>();
  for (const p of parsed) {
    const key = clauseKey(p.sentenceIndex, p.position);
    if (!parsedAt.has(key)) parsedAt.set(key, p);
  }
  const { entities } = analysis;
  const ctx: Ctx = {
    analysis,
    lang: analysis.lang,
    mentions: mentionIndex(analysis),
    parsed,
    parsedAt,
    personByName: firstBy(entities, (e) => (e.kind === 'person' ? [e.name, ...e.aliases].map(fold) : [])),
    objectByName: firstBy(entities, (e) => (e.kind === 'object' ? [e.name, ...e.aliases].map(fold) : [])),
    personByActor: firstBy(entities, (e) =>
      e.kind === 'person' && e.playedBy !== undefined ? [e.playedBy] : [],
    ),
    drafts: [],
  };
  cast(ctx);
  titles(ctx);
  for (const s of analysis.sentences) {
    rolesBeforeNames(ctx, s);
    appositives(ctx, s);
  }
  reportedRoles(ctx);
  reveals(ctx);
  events(ctx);
  quantities(ctx);
  objects(ctx);
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const d of ctx.drafts) {
    const key = JSON.stringify({ ...d, start: 0, end: 0 });
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...d, id: `${d.kind}-${out.length}` });
  }
  return out;
}
