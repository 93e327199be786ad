import type { Analysis, Entity } from '../synopsis/entities.ts';
import type { Fact } from '../synopsis/facts.ts';
import type { Rng } from '../synopsis/rng.ts';
import { shuffled } from '../synopsis/rng.ts';
import { capitaliseFirst, containsWords } from '../synopsis/text.ts';
import type { Draft, OptionKind } from './drafts.ts';
import { matchesAnswer, normaliseAnswer } from './match.ts';
import { salience } from './salience.ts';
import {
  ACTOR_POOL,
  CITY_POOL,
  NAME_POOL,
  OBJECT_POOL,
  PLACE_POOL,
  RELATION_POOL,
  ROLE_POOL,
} from './pools.ts';
import type { Lang, PackEntity, QuestionPack } from './question.ts';

export interface DistractorSources {
  analysis: Analysis;
  facts: readonly Fact[];
  otherPacks: readonly QuestionPack[];
  lang: Lang;
  /** The synopsis body, folded, for salience. */
  foldedBody: string;
}

export const MAX_OPTION_LENGTH = 80;

const byNameCache = new WeakMap<DistractorSources['analysis'], Map<string, Entity>>();

function entityByName(s: DistractorSources): Map<string, Entity> {
  let map = byNameCache.get(s.analysis);
  if (!map) {
    map = new Map(s.analysis.entities.map((e) => [e.name, e]));
    byNameCache.set(s.analysis, map);
  }
  return map;
}

interface Tiered {
  own: string[];
  others: string[];
  pool: readonly string[];
}

function packEntities(packs: readonly QuestionPack[], lang: Lang, sameLangOnly: boolean): PackEntity[] {
  return packs.filter((p) => !sameLangOnly || p.meta.lang === lang).flatMap((p) => p.entities ?? []);
}

function packFacts(packs: readonly QuestionPack[], lang: Lang): Record<string, unknown>[] {
  return packs
    .filter((p) => p.meta.lang === lang)
    .flatMap((p) => p.facts)
    .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null);
}

const isArticleRole = (role: string): boolean => /^(?:a|an|the|el|la|los|las|un|una)\s/i.test(role);

function sources(kind: OptionKind, s: DistractorSources): Tiered {
  const own = s.analysis.entities;
  const other = (k: PackEntity['kind'], sameLang = false): string[] =>
    packEntities(s.otherPacks, s.lang, sameLang)
      .filter((e) => e.kind === k)
      .map((e) => e.name);
  switch (kind) {
    case 'person':
      return {
        own: own.filter((e) => e.kind === 'person').map((e) => e.name),
        others: other('person'),
        pool: NAME_POOL,
      };
    case 'actor':
      return {
        own: own.filter((e) => e.kind === 'actor').map((e) => e.name),
        others: other('actor'),
        pool: ACTOR_POOL,
      };
    case 'city':
      return {
        own: own.filter((e) => e.kind === 'place' && e.city).map((e) => e.name),
        others: packEntities(s.otherPacks, s.lang, true)
          .filter((e) => e.kind === 'place' && e.city)
          .map((e) => e.name),
        pool: CITY_POOL[s.lang],
      };
    case 'place':
      return {
        own: own.filter((e) => e.kind === 'place').map((e) => e.name),
        others: other('place', true),
        pool: [...PLACE_POOL[s.lang], ...CITY_POOL[s.lang]],
      };
    case 'role':
      return {
        own: s.facts.flatMap((f) =>
          f.kind === 'role' && !f.reported && isArticleRole(f.role) ? [f.role] : [],
        ),
        others: packFacts(s.otherPacks, s.lang).flatMap((f) =>
          f['kind'] === 'role' && typeof f['role'] === 'string' && !f['reported'] && isArticleRole(f['role'])
            ? [f['role']]
            : [],
        ),
        pool: ROLE_POOL[s.lang],
      };
    case 'relation':
      return {
        own: s.facts.flatMap((f) => (f.kind === 'relation' ? [f.relation] : [])),
        others: [],
        pool: RELATION_POOL[s.lang],
      };
    case 'object':
      return {
        own: own.filter((e) => e.kind === 'object').map((e) => e.name),
        others: other('object', true),
        pool: OBJECT_POOL[s.lang],
      };
    case 'number':
      return { own: [], others: [], pool: [] };
  }
}

/** Wrong numbers a player could believe: halves, doubles, neighbours. */
function numberCandidates(value: number): string[] {
  const raw = [
    value * 2,
    Math.round(value / 2),
    Math.round(value * 1.5),
    value + 1,
    value - 1,
    value * 3,
    Math.round(value * 0.75),
    value + 2,
  ];
  return [...new Set(raw.filter((n) => n > 0 && n !== value))].map(String);
}

function shape(kind: OptionKind, value: string, bare: boolean): string {
  let v = kind === 'role' ? capitaliseFirst(value) : value;
  if (bare) v = v.replace(/^(?:the|el|la|los|las)\s+/i, '');
  return v;
}

/**
 * Three wrong options of the answer's kind: from the synopsis first, then other packs, then built-in pools.
 * Never a value the facts also make true, one already in the prompt, or a spelling of the answer.
 */
export function chooseDistractors(draft: Draft, s: DistractorSources, rng: Rng): string[] {
  const chosen: string[] = [];
  const taken = new Set([normaliseAnswer(draft.answer)]);
  const truths = [...draft.truths, ...draft.accepted];
  const consider = (candidate: string): void => {
    if (chosen.length >= 3) return;
    const value = shape(draft.kind, candidate, draft.bare === true);
    const key = normaliseAnswer(value);
    if (key === '' || taken.has(key) || value.length > MAX_OPTION_LENGTH) return;
    if (matchesAnswer(value, truths) || truths.some((t) => matchesAnswer(t, [value]))) return;
    // "Rose" and "Rose Calvert" may be one person at two ages: never offer one as a wrong answer for the other.
    const words = new Set(normaliseAnswer(value).split(' '));
    const overlaps = (other: string): boolean => {
      const otherWords = normaliseAnswer(other).split(' ');
      return otherWords.every((w) => words.has(w)) || [...words].every((w) => otherWords.includes(w));
    };
    if (draft.kind === 'person' && [draft.answer, ...chosen].some(overlaps)) return;
    const entity = entityByName(s).get(candidate);
    const nameWords =
      draft.kind === 'person' || draft.kind === 'actor' ? value.split(' ').filter((w) => w.length >= 3) : [];
    if ([value, ...(entity?.aliases ?? []), ...nameWords].some((name) => containsWords(draft.prompt, name)))
      return;
    taken.add(key);
    chosen.push(value);
  };
  if (draft.kind === 'number') {
    shuffled(numberCandidates(draft.value ?? Number(draft.answer)), rng).forEach(consider);
    return chosen;
  }
  const tiers = sources(draft.kind, s);
  // Options about as frequent in the synopsis as the answer, so "pick the most mentioned" stays a blind guess.
  const memo = new Map<string, number>();
  const freq = (name: string): number => {
    let f = memo.get(name);
    if (f === undefined) {
      f = Math.log2(1 + salience(s.foldedBody, shape(draft.kind, name, draft.bare === true)));
      memo.set(name, f);
    }
    return f;
  };
  const target = freq(draft.answer);
  // Rarer options are penalised: a set where the answer is the most mentioned is a giveaway.
  const distance = (name: string): number =>
    Math.abs(freq(name) - target) +
    (freq(name) < target ? 1 : 0) +
    (name.length < draft.answer.length ? 0.25 : 0);
  const own = shuffled([...new Set(tiers.own)], rng).sort((a, b) => distance(a) - distance(b));
  // One option at least as prominent as the answer whenever the synopsis has one, then a random near pick.
  const rival = own.find((name) => freq(name) >= target && name !== draft.answer);
  const rest = own.filter((name) => name !== rival);
  const ordered = [...(rival ? [rival] : []), ...shuffled(rest.slice(0, 4), rng), ...rest.slice(4)];
  for (const tier of [
    ordered,
    shuffled([...new Set(tiers.others)], rng),
    shuffled([...new Set(tiers.pool)], rng),
  ]) {
    tier.forEach(consider);
  }
  return chosen;
}
