/**
 * Role interfaces the core needs from the outside world. Adapters implement them; main.ts wires them.
 * More ports (stores, publishers, question bank) are added here by the lead as use cases need them.
 */
import type { Rng } from './random.ts';

export type { Rng };

/** Wall-clock time as epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Makes a seeded Rng, e.g. one per game (seed = game id) or per daily challenge (seed = guild + date). */
export interface RngFactory {
  create(seed: number | string): Rng;
}

/** One-shot timers, injected so tests can run rounds without waiting for real seconds. */
export interface Timers {
  set(callback: () => void, delayMs: number): TimerHandle;
  clear(handle: TimerHandle): void;
}
export interface TimerHandle {
  readonly id: number;
}
