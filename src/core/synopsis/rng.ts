import { cyrb53 } from './hash.ts';

/** A seeded source of numbers in [0, 1): the only randomness core code may use. */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for shuffling options. */
export function seededRng(seed: number | string): Rng {
  let state = (typeof seed === 'string' ? cyrb53(seed) : seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
