// Hostile and malformed input for the pure parts: any Unicode (lone surrogates included), empty, huge, HTML,
// only brackets. The generator's own properties (printable text, determinism) live with the generator's tests;
// these add full Unicode, the size limit, the synopsis parser on its own, answer matching and the pack parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETTINGS_LIMITS, validateGameSettings } from '../../src/core/game/settings.ts';
import { generatePack, utf8Length } from '../../src/core/questions/generate.ts';
import { structuralProblem } from '../../src/core/questions/gates.ts';
import { matchesAnswer, normaliseAnswer } from '../../src/core/questions/match.ts';
import { parsePack } from '../../src/core/questions/pack-format.ts';
import { MAX_SYNOPSIS_BYTES, parseSynopsis } from '../../src/core/synopsis/document.ts';

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .array(fc.constantFrom('(', ')', '[', ']', '((', '))', ' ', '\n'), { maxLength: 200 })
    .map((p) => p.join('')),
  fc
    .array(
      fc.constantFrom(
        '<p>',
        '</p>',
        '<script>alert(1)</script>',
        '&lt;',
        '&#x27;',
        'Neo',
        ' meets ',
        'Trinity.',
        '<br/>',
      ),
      {
        maxLength: 80,
      },
    )
    .map((p) => p.join('')),
);

describe('synopsis parser and generator on hostile text', () => {
  it('when given any Unicode text, then parsing never throws and keeps the body a string with a known language', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = parseSynopsis(text);
        expect(typeof doc.body).toBe('string');
        expect(['en', 'es']).toContain(doc.lang);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('when given any Unicode text, then generation answers with valid questions or an error, never a throw', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = generatePack(text, { packId: 'hostile' });
        if (!result.ok) {
          expect(result.error).toMatch(/\S/);
          return;
        }
        for (const question of result.pack.questions) {
          expect(structuralProblem(question)).toBeUndefined();
          expect(new Set(question.choices).size).toBe(4);
          expect(question.choices).toContain(question.answer);
        }
        expect('error' in parsePack(JSON.parse(JSON.stringify(result.pack)))).toBe(false);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('when a synopsis is empty, blank or over the size limit, then it is rejected with the reason', () => {
    expect(generatePack('', { packId: 'x' })).toEqual({ ok: false, error: 'synopsis is empty' });
    expect(generatePack(' \n\t\u00a0\n', { packId: 'x' })).toMatchObject({ ok: false });
    expect(generatePack('title: Only A Header\n', { packId: 'x' })).toEqual({
      ok: false,
      error: 'synopsis is empty',
    });
    const tooBig = 'a'.repeat(MAX_SYNOPSIS_BYTES + 1);
    expect(generatePack(tooBig, { packId: 'x' })).toEqual({
      ok: false,
      error: 'synopsis is larger than 200 KB',
    });
    // Under the limit in characters, over it in UTF-8 bytes.
    const wide = '€'.repeat(Math.ceil(MAX_SYNOPSIS_BYTES / 3) + 1);
    expect(wide.length).toBeLessThan(MAX_SYNOPSIS_BYTES);
    expect(utf8Length(wide)).toBeGreaterThan(MAX_SYNOPSIS_BYTES);
    expect(generatePack(wide, { packId: 'x' })).toMatchObject({ ok: false, error: /larger than/ });
  });

  it('when the pack id is not a slug, then generation refuses it', () => {
    for (const packId of ['', 'Has Caps', '../etc/passwd', '-lead', 'a'.repeat(65), 'ünï']) {
      expect(generatePack('Neo meets Trinity in Chicago.', { packId })).toMatchObject({ ok: false });
    }
  });
});

describe('answer matching on hostile input', () => {
  it('when given any Unicode strings, then normalising and matching never throw and an answer matches itself', () => {
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 4 }), (given, accepted) => {
        expect(typeof normaliseAnswer(given)).toBe('string');
        expect(typeof matchesAnswer(given, accepted)).toBe('boolean');
        if (normaliseAnswer(given) !== '') expect(matchesAnswer(given, [given])).toBe(true);
        expect(matchesAnswer(given, [])).toBe(false);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });

  it('when an answer is empty or only punctuation, then it matches nothing', () => {
    for (const given of ['', '   ', '!!!', '()', '\u200b'])
      expect(matchesAnswer(given, ['Berlin', '()'])).toBe(false);
  });

  // Edit distance is banded, so this returns at once; a runaway would hit the test timeout, not a timed assertion.
  it('when a typed answer is as long as a Discord text input, then it matches nothing', () => {
    expect(matchesAnswer('x'.repeat(4000), ['Philip Seymour Hoffman'])).toBe(false);
    expect(matchesAnswer('Philip Seymour Hoffman'.repeat(180), ['Philip Seymour Hoffman'])).toBe(false);
  });
});

describe('pack parser and game settings on malformed input', () => {
  it('when given any JSON value, then the pack parser returns a pack or an error, never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (json) => {
        const parsed = parsePack(json);
        if ('error' in parsed) expect(parsed.error).toMatch(/\S/);
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it('when game settings are out of range or not integers, then every bad field is reported', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN)),
        fc.oneof(fc.integer(), fc.double(), fc.constant(Number.POSITIVE_INFINITY)),
        (questionCount, secondsPerQuestion) => {
          const result = validateGameSettings({
            packId: 'p',
            questionCount,
            secondsPerQuestion,
            difficulty: 'any',
          });
          const goodCount =
            Number.isInteger(questionCount) &&
            questionCount >= SETTINGS_LIMITS.questionCount.min &&
            questionCount <= SETTINGS_LIMITS.questionCount.max;
          const goodSeconds =
            Number.isInteger(secondsPerQuestion) &&
            secondsPerQuestion >= SETTINGS_LIMITS.secondsPerQuestion.min &&
            secondsPerQuestion <= SETTINGS_LIMITS.secondsPerQuestion.max;
          expect(result.ok).toBe(goodCount && goodSeconds);
          if (!result.ok) expect(result.errors).toHaveLength((goodCount ? 0 : 1) + (goodSeconds ? 0 : 1));
        },
      ),
      { numRuns: 500, seed: 15 },
    );
  });
});
