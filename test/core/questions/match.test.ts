import { describe, expect, it } from 'vitest';
import { matchesAnswer, normaliseAnswer } from '../../../src/core/questions/match.ts';

describe('matchesAnswer', () => {
  it('when case, accents, punctuation or a leading article differ, then the answer still matches', () => {
    expect(matchesAnswer('berlín', ['Berlin'])).toBe(true);
    expect(matchesAnswer("the rabbit's foot!", ["The Rabbit's Foot"])).toBe(true);
    expect(matchesAnswer('El Kremlin', ['Kremlin'])).toBe(true);
    expect(matchesAnswer('las vegas', ['Las Vegas'])).toBe(true);
  });

  it('when a number is written as digits or words in either language, then all forms match', () => {
    for (const typed of ['10', 'ten', 'Diez', ' 10 ']) expect(matchesAnswer(typed, ['10'])).toBe(true);
    expect(matchesAnswer('forty-eight', ['48'])).toBe(true);
    expect(matchesAnswer('49', ['48'])).toBe(false);
  });

  it('when the typo is small for the length, then it is tolerated; short answers must be exact', () => {
    expect(matchesAnswer('Davien', ['Davian'])).toBe(true);
    expect(matchesAnswer('Philip Seymore Hofman', ['Philip Seymour Hoffman'])).toBe(true);
    expect(matchesAnswer('Zen', ['Zhen'])).toBe(true);
    expect(matchesAnswer('Tom', ['Tim'])).toBe(false);
    expect(matchesAnswer('Musgrove Smith', ['Musgrave'])).toBe(false);
  });

  it('when a word merely contains the answer, then it is refused', () => {
    expect(matchesAnswer('chair', ['air'])).toBe(false);
    expect(matchesAnswer('Berliner', ['Berlin'])).toBe(false);
    expect(matchesAnswer('', ['anything'])).toBe(false);
  });

  it('when normalising, then only leading articles are dropped', () => {
    expect(normaliseAnswer('The Hague')).toBe('hague');
    expect(normaliseAnswer('the')).toBe('the');
    expect(normaliseAnswer('Los Angeles')).toBe('angeles');
  });
});
