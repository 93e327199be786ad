import type { Analysis, Entity } from '../synopsis/entities.ts';
import type { Fact } from '../synopsis/facts.ts';
import type { Rng } from '../synopsis/rng.ts';
import { shuffled } from '../synopsis/rng.ts';
import { capitaliseFirst, containsWords } from '../synopsis/text.ts';
import type { Draft, OptionKind } from './drafts.ts';
import { matchesEither, normaliseAnswer } from './match.ts';
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

interface KindTiers {
  own: readonly string[];
  /** The length of each own name, and 0 .. own.length - 1 (shuffled per question in place of the names). */
  lengths: Int32Array;
  positions: Int32Array;
  others: readonly string[];
  pool: readonly string[];
}

/** How often a kind's own candidates occur, as shaped for that kind (with or without article). */
interface Prominence {
  own: Float64Array;
  of: (name: string) => number;
}

/** Where each kind's candidates come from and how prominent they are: built once per pack, not per question. */
export interface CandidatePools {
  sources: DistractorSources;
  tiers: Map<OptionKind, KindTiers>;
  prominence: Map<string, Prominence>;
}

export function candidatePools(s: DistractorSources): CandidatePools {
  return { sources: s, tiers: new Map(), prominence: new Map() };
}

function tiersOf(pools: CandidatePools, kind: OptionKind): KindTiers {
  let tiers = pools.tiers.get(kind);
  if (!tiers) {
    const t = sources(kind, pools.sources);
    const own = [...new Set(t.own)];
    tiers = {
      own,
      lengths: Int32Array.from(own, (name) => name.length),
      positions: Int32Array.from(own, (_, i) => i),
      others: [...new Set(t.others)],
      pool: [...new Set(t.pool)],
    };
    pools.tiers.set(kind, tiers);
  }
  return tiers;
}

/** log2(1 + salience) of each own candidate, and of any other name on demand. */
function prominenceOf(pools: CandidatePools, kind: OptionKind, bare: boolean): Prominence {
  const key = `${kind}|${bare}`;
  let p = pools.prominence.get(key);
  if (!p) {
    const memo = new Map<string, number>();
    const of = (name: string): number => {
      let f = memo.get(name);
      if (f === undefined) {
        f = Math.log2(1 + salience(pools.sources.foldedBody, shape(kind, name, bare)));
        memo.set(name, f);
      }
      return f;
    };
    p = { own: Float64Array.from(tiersOf(pools, kind).own, of), of };
    pools.prominence.set(key, p);
  }
  return p;
}

/** True when position a comes before b in ascending (key, position) order: what a stable sort by key gives. */
function before(keys: Float64Array, a: number, b: number): boolean {
  const ka = keys[a] ?? 0;
  const kb = keys[b] ?? 0;
  return ka < kb || (ka === kb && a < b);
}

/**
 * The synopsis's own candidates for one question, shuffled and ordered by distance from the answer's
 * prominence (ties in shuffled order), as a stable sort of the shuffled list would order them.
 *
 * The shuffle still draws one number per candidate, as it always has: the packs depend on those draws. Everything
 * else is done in the same single pass (Fisher-Yates settles position i at step i): the distance, the rival and the
 * first five. The rest of the order is built only when those did not yield three options, and lazily.
 */
class OwnOrder {
  readonly at: Int32Array;
  readonly keys: Float64Array;
  /** The earliest position at least as prominent as the answer (not the answer itself), or -1. */
  readonly rival: number;
  /** The first five positions in order. */
  readonly first: number[] = [];

  constructor(tiers: KindTiers, prominence: Float64Array, target: number, answer: string, rng: Rng) {
    const { own, lengths } = tiers;
    const n = own.length;
    const at = tiers.positions.slice();
    const keys = new Float64Array(n);
    const first = this.first;
    const answerLength = answer.length;
    let rival = -1;
    // Positions settle from the last to the first, so a newcomer precedes every settled one on equal keys.
    for (let i = n - 1; i >= 0; i--) {
      if (i > 0) {
        const j = Math.floor(rng() * (i + 1));
        const swap = at[i] ?? 0;
        at[i] = at[j] ?? 0;
        at[j] = swap;
      }
      const k = at[i] ?? 0;
      const f = prominence[k] ?? 0;
      // Rarer options are penalised: a set where the answer is the most mentioned is a giveaway.
      const key = Math.abs(f - target) + (f < target ? 1 : 0) + ((lengths[k] ?? 0) < answerLength ? 0.25 : 0);
      keys[i] = key;
      if (f >= target && (rival < 0 || key <= (keys[rival] ?? 0)) && own[k] !== answer) rival = i;
      if (first.length === 5 && key > (keys[first[4] ?? 0] ?? 0)) continue;
      let slot = first.length === 5 ? 4 : first.length;
      while (slot > 0 && key <= (keys[first[slot - 1] ?? 0] ?? 0)) {
        first[slot] = first[slot - 1] ?? 0;
        slot--;
      }
      first[slot] = i;
    }
    this.at = at;
    this.keys = keys;
    this.rival = rival;
  }

  /**
   * Every position but these, in order, one at a time: a heap built in one pass, so when a question needs only
   * one or two more candidates it does not sort them all.
   */
  except(used: ReadonlySet<number>): () => number | undefined {
    const heap: number[] = [];
    for (let i = 0; i < this.at.length; i++) if (!used.has(i)) heap.push(i);
    const less = (a: number, b: number): boolean => before(this.keys, heap[a] ?? 0, heap[b] ?? 0);
    const down = (from: number, size: number): void => {
      for (let i = from; ;) {
        const l = 2 * i + 1;
        let least = l < size && less(l, i) ? l : i;
        if (l + 1 < size && less(l + 1, least)) least = l + 1;
        if (least === i) return;
        [heap[i], heap[least]] = [heap[least] ?? 0, heap[i] ?? 0];
        i = least;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i, heap.length);
    let size = heap.length;
    return () => {
      if (size === 0) return undefined;
      const top = heap[0];
      heap[0] = heap[--size] ?? 0;
      down(0, size);
      return top;
    };
  }
}

/** One of each normalised form: matching depends on nothing else, and a role held by many repeats a lot. */
function distinctForms(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = normaliseAnswer(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Three wrong options of the answer's kind: from the synopsis first, then other packs, then built-in pools.
 * Never a value the facts also make true, one already in the prompt, or a spelling of the answer.
 */
export function chooseDistractors(draft: Draft, pools: CandidatePools, rng: Rng): string[] {
  const s = pools.sources;
  const chosen: string[] = [];
  const taken = new Set([normaliseAnswer(draft.answer)]);
  const truths = distinctForms([...draft.truths, ...draft.accepted]);
  const consider = (candidate: string): void => {
    if (chosen.length >= 3) return;
    const value = shape(draft.kind, candidate, draft.bare === true);
    const key = normaliseAnswer(value);
    if (key === '' || taken.has(key) || value.length > MAX_OPTION_LENGTH) return;
    if (matchesEither(value, truths)) return;
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
  const tiers = tiersOf(pools, draft.kind);
  const prominence = prominenceOf(pools, draft.kind, draft.bare === true);
  // Options about as frequent in the synopsis as the answer, so "pick the most mentioned" stays a blind guess.
  const order = new OwnOrder(tiers, prominence.own, prominence.of(draft.answer), draft.answer, rng);
  const nameAt = (i: number): string => tiers.own[order.at[i] ?? 0] ?? '';
  // One option at least as prominent as the answer whenever the synopsis has one, then a random near pick.
  const head = order.first.filter((i) => i !== order.rival).slice(0, 4);
  const near = shuffled(head.map(nameAt), rng);
  const others = shuffled(tiers.others, rng);
  const pool = shuffled(tiers.pool, rng);
  if (order.rival >= 0) consider(nameAt(order.rival));
  near.forEach(consider);
  if (chosen.length < 3) {
    const next = order.except(new Set([order.rival, ...head]));
    for (let i = next(); i !== undefined && chosen.length < 3; i = next()) consider(nameAt(i));
  }
  for (const tier of [others, pool]) {
    if (chosen.length >= 3) break;
    tier.forEach(consider);
  }
  return chosen;
}
