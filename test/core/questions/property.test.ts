import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePack } from '../../../src/core/questions/generate.ts';
import { structuralProblem } from '../../../src/core/questions/gates.ts';
import { matchesAnswer } from '../../../src/core/questions/match.ts';
import { parsePack } from '../../../src/core/questions/pack-format.ts';

const pieces = fc.constantFrom(
  'Ethan Hunt (Tom Cruise)',
  ', a hospital nurse,',
  ' in Berlin',
  ' (((',
  ')))',
  '"The Rabbit\'s Foot"',
  ' Dr.',
  ' EE. UU.',
  ' — ',
  '.',
  '. ',
  '.After',
  ' within 48 hours',
  ' revealing himself as the traitor',
  ' el agente ruso Sidorov',
  ' identifica a Cobalto como Hendricks',
  '<b>',
  '</div>',
  '&amp;',
  '\n',
  'title: X\n',
  'lang: es\n',
  ' who ',
  ' his fiancée Julia',
  '¿',
  '!',
  '___',
  '{slot}',
  '   ',
  'Musgrave',
  ' executes ',
  'Zhen',
);
const synopsis = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.array(pieces, { maxLength: 80 }).map((p) => p.join('')),
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((p) => p.join(' ')),
);

describe('generatePack on arbitrary text', () => {
  it('when given any text, then it never throws and every question it returns is valid', () => {
    fc.assert(
      fc.property(synopsis, (text) => {
        const result = generatePack(text, { packId: 'prop' });
        if (!result.ok) return;
        for (const q of result.pack.questions) {
          expect(structuralProblem(q)).toBeUndefined();
          expect(q.choices).toContain(q.answer);
          expect(matchesAnswer(q.answer, q.accepted)).toBe(true);
        }
        expect('error' in parsePack(JSON.parse(JSON.stringify(result.pack)))).toBe(false);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('when given extreme inputs, then it answers with a pack or an error, never a throw', () => {
    const extremes = [
      '',
      '((((((((((',
      ')'.repeat(5000),
      '<html><body><p>Hi</p></body></html>',
      'A. '.repeat(30_000),
      '"'.repeat(999),
      '\u0000\uFFFF',
    ];
    for (const text of extremes) expect(() => generatePack(text, { packId: 'edge' })).not.toThrow();
  });

  it('when the same text is generated twice, then the results are identical', () => {
    fc.assert(
      fc.property(synopsis, (text) => {
        expect(JSON.stringify(generatePack(text, { packId: 'same' }))).toBe(
          JSON.stringify(generatePack(text, { packId: 'same' })),
        );
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
