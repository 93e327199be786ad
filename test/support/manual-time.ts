import type { Clock, TimerHandle, Timers } from '../../src/core/ports.ts';

/** A clock and timers that move only when a test says so: rounds close without waiting real seconds. */
export class ManualTime implements Clock, Timers {
  private current: number;
  private nextId = 0;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  constructor(start = Date.UTC(2026, 10, 22, 12, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  set(callback: () => void, delayMs: number): TimerHandle {
    const id = ++this.nextId;
    this.pending.set(id, { at: this.current + Math.max(0, delayMs), callback });
    return { id };
  }

  clear(handle: TimerHandle): void {
    this.pending.delete(handle.id);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= target)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.current = Math.max(this.current, due[1].at);
      due[1].callback();
    }
    this.current = target;
  }

  /** Moves time forward to `at` (firing due timers); never backwards. */
  advanceTo(at: number): void {
    this.advance(Math.max(0, at - this.current));
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}
