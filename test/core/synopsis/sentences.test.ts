import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../../src/core/synopsis/sentences.ts';

const texts = (body: string): string[] => splitSentences(body).map((s) => s.text);

describe('splitSentences', () => {
  it('when titles are abbreviated, then the sentence does not end at their dot', () => {
    expect(texts('Dr. Brown meets Sr. Gómez. They talk.')).toEqual([
      'Dr. Brown meets Sr. Gómez.',
      'They talk.',
    ]);
  });

  it('when a Spanish acronym is written EE. UU., then it stays inside its sentence', () => {
    expect(texts('Viaja a EE. UU. para verla. Luego vuelve.')).toEqual([
      'Viaja a EE. UU. para verla.',
      'Luego vuelve.',
    ]);
  });

  it('when a period sits inside nested parentheses, then it does not end the sentence', () => {
    expect(texts('Julia (a nurse (see above). She is kind) smiles. Ethan leaves.')).toEqual([
      'Julia (a nurse (see above). She is kind) smiles.',
      'Ethan leaves.',
    ]);
  });

  it('when a sentence ends inside quotes, then the next one starts after the quote', () => {
    expect(texts('He says "run." Then he runs.')).toEqual(['He says "run."', 'Then he runs.']);
  });

  it('when sentences are split, then each span points at its text in the body', () => {
    const body = 'One man. Two women? Three kids!';
    for (const s of splitSentences(body)) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokenize', () => {
  it('when words carry apostrophes or hyphens, then they stay one token with their offsets', () => {
    const tokens = tokenize("Rabbit's Foot, Rhys-Meyers", 10);
    expect(tokens.map((t) => t.text)).toEqual(["Rabbit's", 'Foot', ',', 'Rhys-Meyers']);
    expect(tokens[0]).toMatchObject({ start: 10, end: 18, kind: 'word' });
  });
});
