import { describe, expect, it } from 'vitest';
import { countIn, salience } from '../../../src/core/questions/salience.ts';
import { seededRng } from '../../../src/core/synopsis/rng.ts';

/** Counting by scanning the whole text, as before word positions were indexed. */
function countByScan(folded: string, phrase: string): number {
  const h = ` ${folded} `;
  let count = 0;
  for (let at = h.indexOf(` ${phrase} `); at >= 0; at = h.indexOf(` ${phrase} `, at + phrase.length + 1))
    count++;
  return count;
}

describe('countIn', () => {
  it('when phrases repeat and overlap, then each counts as a whole-word scan of the text counts it', () => {
    const rng = seededRng('salience');
    const words = ['ethan', 'hunt', 'owen', 'davian', 'the', 'rabbit', 'foot'];
    const pick = (n: number): string =>
      Array.from({ length: n }, () => words[Math.floor(rng() * words.length)]).join(' ');
    for (let t = 0; t < 20; t++) {
      const text = pick(300);
      for (let p = 0; p < 30; p++) {
        const phrase = pick(1 + Math.floor(rng() * 3));
        expect(countIn(text, phrase)).toBe(countByScan(text, phrase));
      }
    }
    expect(countIn('a a a a', 'a a')).toBe(2);
  });

  it('when an option has a capitalised word, then its salience is that word count at least', () => {
    const text = 'ethan hunt meets owen davian then davian escapes and davian returns';
    expect(salience(text, 'Owen Davian')).toBe(3);
    expect(salience(text, 'Ethan Hunt')).toBe(1);
  });
});
