import { describe, expect, it } from 'vitest';
import { matchesAnswer, matchesEither, normaliseAnswer } from '../../../src/core/questions/match.ts';
import { seededRng } from '../../../src/core/synopsis/rng.ts';

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

  it('when checking both ways at once, then matchesEither agrees with matchesAnswer in either direction', () => {
    const rng = seededRng('match-either');
    const letters = 'abcde 1';
    const word = (): string =>
      Array.from({ length: Math.floor(rng() * 12) }, () => letters[Math.floor(rng() * letters.length)]).join(
        '',
      );
    for (let k = 0; k < 3000; k++) {
      const value = word();
      const answers = Array.from({ length: Math.floor(rng() * 4) }, word);
      const bothWays = matchesAnswer(value, answers) || answers.some((a) => matchesAnswer(a, [value]));
      expect(matchesEither(value, answers)).toBe(bothWays);
    }
    expect(matchesEither('Davion', ['Owen Davian', 'Davian'])).toBe(true);
    expect(matchesEither('Ethan', ['Owen Davian'])).toBe(false);
  });
});
