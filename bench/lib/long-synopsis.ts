// A long synopsis for the generation scenario, made from the English synopses in the repo. Repeating one
// synopsis would make nine tenths of the sentences exact duplicates (and every name the same entity), which
// is not what a long synopsis looks like; renaming the cast in each copy makes every sentence that names someone
// differ, and gives a cast that grows with the text, as in the synopsis of a long series.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSynopsis } from '../../src/core/synopsis/document.ts';
import { analyse } from '../../src/core/synopsis/entities.ts';
import {
  CITIES,
  COUNTRIES,
  FIRST_NAMES,
  LANDMARKS,
  NAME_TITLES,
  NON_NAMES,
  PLACE_WORDS,
} from '../../src/core/synopsis/lexicon.ts';
import { seededRng, shuffled, type Rng } from '../../src/core/synopsis/rng.ts';
import { splitSentences } from '../../src/core/synopsis/sentences.ts';
import { fold } from '../../src/core/synopsis/text.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every English synopsis in the repo: the shipped one and the two written for the tests. */
export const ENGLISH_SOURCES = [
  'questions/synopses/mission-impossible-iii.en.txt',
  'test/fixtures/synopses/the-matrix.en.txt',
  'test/fixtures/synopses/jurassic-park.en.txt',
] as const;

const ONSETS = 'b d f g k l m n p r s t v br dr gr st tr'.split(' ');
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'k', 'nd', 'rt'];

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const pick = <T>(items: readonly T[], rng: Rng): T => items[Math.floor(rng() * items.length)]!;

/** An invented surname-like word ("Dorvak", "Trelisand"). */
function inventName(rng: Rng): string {
  const syllables = 2 + Math.floor(rng() * 2);
  let out = '';
  for (let i = 0; i < syllables; i++) out += pick(ONSETS, rng) + pick(VOWELS, rng);
  return capitalise(out + pick(CODAS, rng));
}

/**
 * The capitalised words that name the unit's people, actors and places; titles, countries, landmarks and
 * place words ("Isla") stay, as they would in any episode.
 */
function nameWords(unit: string): string[] {
  const analysis = analyse(parseSynopsis(`lang: en\n\n${unit}`));
  const words = new Set<string>();
  for (const e of analysis.entities) {
    if (e.kind !== 'person' && e.kind !== 'actor' && e.kind !== 'place') continue;
    for (const w of [e.name, ...e.aliases].flatMap((n) => n.split(' '))) {
      const f = fold(w);
      if (!/^\p{Lu}\p{Ll}{2,}$/u.test(w)) continue;
      if (NAME_TITLES.has(f) || NON_NAMES.has(f) || PLACE_WORDS.has(f)) continue;
      if (COUNTRIES.has(f) || LANDMARKS.has(f)) continue;
      words.add(w);
    }
  }
  return [...words].sort();
}

export interface LongSynopsis {
  /** The unit: the English synopses one after the other, as written. */
  one: string;
  /** The unit followed by `copies - 1` renamed copies of it. */
  long: string;
  copies: number;
  /** Words renamed in each copy after the first. */
  renamed: number;
  /** Sentences of the unit, and how many of them name no one, so come back unchanged in every copy. */
  sentences: number;
  unchanged: number;
}

/**
 * `copies` episodes: the first is the unit as written; in each later one every name word of a person, actor
 * or place is replaced, given names by other given names, cities by other cities (so the lexicon still
 * recognises them), other words by invented ones. Deterministic.
 */
export function longSynopsis(copies: number): LongSynopsis {
  const one = ENGLISH_SOURCES.map(
    (path) => parseSynopsis(readFileSync(resolve(ROOT, path), 'utf8')).body,
  ).join('\n\n');
  const words = nameWords(one);
  const rng = seededRng('bench-long-synopsis');
  const taken = new Set(fold(one).split(' '));
  const unused = (pool: ReadonlySet<string>): string[] =>
    shuffled(
      [...pool].filter((w) => /^[a-z]+$/.test(w) && !taken.has(w)),
      rng,
    );
  const givenNames = unused(FIRST_NAMES);
  const cities = unused(CITIES);
  const fresh = (from: string[]): string => {
    let w = from.shift();
    while (w === undefined || taken.has(w)) {
      w = fold(inventName(rng));
      if (FIRST_NAMES.has(w) || CITIES.has(w) || NON_NAMES.has(w) || NAME_TITLES.has(w)) w = undefined;
    }
    taken.add(w);
    return capitalise(w);
  };
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...words].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const episodes = [one];
  for (let k = 1; k < copies; k++) {
    const rename = new Map<string, string>();
    for (const w of words) {
      const f = fold(w);
      rename.set(w, fresh(FIRST_NAMES.has(f) ? givenNames : CITIES.has(f) ? cities : []));
    }
    episodes.push(one.replace(pattern, (w) => rename.get(w) ?? w));
  }
  const original = splitSentences(one).map((x) => x.text);
  const copy = new Set(splitSentences(episodes[1] ?? '').map((x) => x.text));
  const unchanged = copies > 1 ? original.filter((x) => copy.has(x)).length : original.length;
  return {
    one,
    long: episodes.join('\n\n'),
    copies,
    renamed: words.length,
    sentences: original.length,
    unchanged,
  };
}
