import { describe, expect, it } from 'vitest';
import { evaluatePack } from '../../../src/core/questions/evaluate.ts';
import { buildPacks } from '../../../src/core/questions/generate.ts';
import { parseSynopsis } from '../../../src/core/synopsis/document.ts';
import { seeds } from '../../support/synopses.ts';

describe('evaluatePack on the seed synopses', () => {
  const inputs = seeds();
  const evals = buildPacks(inputs.map((s) => ({ packId: s.packId, text: s.text }))).flatMap((r) =>
    r.result.ok
      ? [
          evaluatePack(
            r.result.pack,
            parseSynopsis(inputs.find((i) => i.packId === r.packId)?.text ?? '').body,
            r.result.rejected,
          ),
        ]
      : [],
  );

  it.each(['longest', 'frequent', 'overlap'] as const)(
    'when the %s blind guesser plays every pack, then it stays within 25% ± 10 points',
    (g) => {
      for (const e of evals) {
        expect(e.guessers[g]).toBeGreaterThanOrEqual(0.15);
        expect(e.guessers[g]).toBeLessThanOrEqual(0.35);
      }
    },
  );

  it('when answers are placed among the options, then every position A-D is used', () => {
    for (const e of evals) for (const n of e.positions) expect(n).toBeGreaterThan(e.questions / 10);
  });

  it('when rejects are counted, then every reason is reported, even at zero', () => {
    for (const e of evals)
      expect(Object.keys(e.rejects)).toEqual(
        expect.arrayContaining(['answer-in-stem', 'distractor-true', 'near-duplicate', 'too-long']),
      );
  });
});
