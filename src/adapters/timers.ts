import type { TimerHandle, Timers } from '../core/ports.ts';

/** Real timers behind the Timers port. */
export function systemTimers(): Timers {
  const active = new Map<number, NodeJS.Timeout>();
  let next = 0;
  return {
    set(callback, delayMs) {
      const id = ++next;
      active.set(
        id,
        setTimeout(() => {
          active.delete(id);
          callback();
        }, delayMs),
      );
      return { id };
    },
    clear(handle: TimerHandle) {
      clearTimeout(active.get(handle.id));
      active.delete(handle.id);
    },
  };
}
