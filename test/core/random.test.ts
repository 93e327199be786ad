import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.ts';

describe('createRng', () => {
  it('when seeded alike, then sequences are identical; when seeded differently, they differ', () => {
    const a = createRng('guild:1');
    const b = createRng('guild:1');
    const c = createRng('guild:2');

    const seqA = [a.next(), a.next(), a.next()];

    expect([b.next(), b.next(), b.next()]).toEqual(seqA);
    expect([c.next(), c.next(), c.next()]).not.toEqual(seqA);
  });

  it('when drawing, then values stay in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = createRng(seed);
        const x = rng.next();
        const k = rng.int(n);
        return x >= 0 && x < 1 && Number.isInteger(k) && k >= 0 && k < n;
      }),
    );
  });

  it('when shuffling, then the result is a permutation and the input is untouched', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const copy = items.slice();
        const shuffled = createRng(seed).shuffle(items);
        expect(items).toEqual(copy);
        expect(shuffled.slice().sort()).toEqual(copy.sort());
      }),
    );
  });

  it('when drawing many ints, then every bucket is hit', () => {
    const rng = createRng(42);
    const hits = new Set(Array.from({ length: 200 }, () => rng.int(6)));

    expect(hits.size).toBe(6);
  });
});
