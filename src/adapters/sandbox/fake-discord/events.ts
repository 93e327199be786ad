import { EventEmitter } from 'node:events';

/** A small typed wrapper: `on` returns its own unsubscribe, which is what waiters and UIs want. */
export class TypedEmitter<Events extends Record<keyof Events, unknown[]>> {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Every waiter is a listener; hundreds at once are normal under load.
    this.#emitter.setMaxListeners(0);
  }

  on<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): () => void {
    // A throwing subscriber (a UI, a test) must not abort the fake half-way through a request, which discord.js
    // would see as a 500 and retry: it surfaces as an uncaught error instead.
    const wrapped = (...args: unknown[]): void => {
      try {
        listener(...(args as Events[K]));
      } catch (error) {
        process.nextTick(() => {
          throw error;
        });
      }
    };
    this.#emitter.on(event, wrapped);
    return () => {
      this.#emitter.off(event, wrapped);
    };
  }

  emit<K extends keyof Events & string>(event: K, ...args: Events[K]): void {
    this.#emitter.emit(event, ...args);
  }

  removeAllListeners(): void {
    this.#emitter.removeAllListeners();
  }
}

/** Resolves with the first value `check` returns that is not undefined, re-checking on each event. */
export function waitUntil<T>(
  subscribe: (onChange: () => void) => () => void,
  check: () => T | undefined,
  timeoutMs: number,
  describe: string,
): Promise<T> {
  const first = check();
  if (first !== undefined) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe}`));
    }, timeoutMs);
    const unsubscribe = subscribe(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}
