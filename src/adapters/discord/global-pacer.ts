// Keeps the bot's requests under Discord's global limit (50 a second) whatever the server's window edges are.
//
// Why discord.js's own global limiter is not enough: it counts fixed 1-second windows, each opened by the first
// request after the last one ended, stamped on the bot's clock as the request leaves. Discord counts its own windows
// as requests arrive, anchored where it likes (the fake opens one at the first arrival after the last ended: the
// same rule, on the other side of the wire). The two edges differ by the opening request's latency, and after a
// window the bot did not fill they can open on different requests altogether; discord.js's 50 ms offset covers the
// first only while latencies differ by less than that. The daily fan-out benchmark met both: the run's first request
// arriving late (a new connection, most likely) and edges drifting apart, each followed by 429s (docs/daily.md).
//
// What Discord counts, it counts at some instant between our sending the request and our receiving its answer. So a
// request is let go only while fewer than `limit` requests are in flight or were answered within the last
// `windowMs`: then no window of that length, however it is anchored, can hold more than `limit` of them, with no
// assumption about latency (beyond MAX_ARRIVAL_MS for a request not yet answered). The price is each request's round
// trip: a slot is reusable a window after its answer.
import { performance } from 'node:perf_hooks';
import { DefaultRestOptions, type RESTOptions } from 'discord.js';

/** Discord's global limit, requests per second. */
export const DISCORD_GLOBAL_PER_SECOND = 50;
/** Added to the window: millisecond rounding of the two clocks, and their rates differing a little. */
export const PACING_MARGIN_MS = 10;
/**
 * A request still unanswered this long after it was sent is taken to have reached Discord by then (only its answer
 * is late). Without such a bound, a Discord slow to answer would hold every slot and starve the bot.
 */
export const MAX_ARRIVAL_MS = 2_000;

export interface GlobalPacerOptions {
  limit: number;
  windowMs: number;
  maxArrivalMs?: number;
  /** Monotonic milliseconds; the real clock by default (the limit is Discord's real time, not the bot's clock). */
  now?: () => number;
  /** Calls `callback` after `ms`; returns a cancel function. Real timers by default. */
  schedule?: (callback: () => void, ms: number) => () => void;
}

interface Waiter {
  grant(): void;
}

export class GlobalPacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxArrivalMs: number;
  private readonly now: () => number;
  private readonly schedule: (callback: () => void, ms: number) => () => void;
  /** Requests sent and not answered: when each was sent, in the order sent. */
  private readonly inFlight = new Map<number, number>();
  private nextId = 0;
  /** Answered requests: the latest instant each may have been counted at, in order. */
  private readonly answered: number[] = [];
  private readonly waiting: Waiter[] = [];
  private cancelTimer: (() => void) | undefined;

  constructor(options: GlobalPacerOptions) {
    this.limit = Math.max(1, options.limit);
    this.windowMs = options.windowMs;
    this.maxArrivalMs = options.maxArrivalMs ?? MAX_ARRIVAL_MS;
    this.now = options.now ?? (() => performance.now());
    this.schedule =
      options.schedule ??
      ((callback, ms) => {
        const timer = setTimeout(callback, ms);
        return () => clearTimeout(timer);
      });
  }

  /** Sends once there is room, in the order asked. An abort while waiting rejects and sends nothing. */
  async run<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const id = await this.acquire(signal);
    try {
      return await send();
    } finally {
      // A failed request may have reached Discord too: it keeps its slot like the others.
      const sentAt = this.inFlight.get(id) ?? this.now();
      this.inFlight.delete(id);
      this.recordCounted(Math.min(this.now(), sentAt + this.maxArrivalMs));
      this.pump();
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<number> {
    signal?.throwIfAborted();
    if (this.waiting.length === 0 && this.hasRoom()) return Promise.resolve(this.send());
    return new Promise<number>((resolve, reject) => {
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        const reason: unknown = signal?.reason;
        reject(
          reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError'),
        );
        this.pump();
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.send());
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      this.pump();
    });
  }

  /** Takes a slot now, before anything else can look for room. */
  private send(): number {
    const id = this.nextId++;
    this.inFlight.set(id, this.now());
    return id;
  }

  private recordCounted(at: number): void {
    let index = this.answered.length;
    while (index > 0 && this.answered[index - 1]! > at) index--;
    this.answered.splice(index, 0, at);
  }

  /** Slots held: answered requests counted within the window, and unanswered ones that may still be counted. */
  private held(since: number): { count: number; nextFree: number | undefined } {
    while (this.answered.length > 0 && this.answered[0]! <= since) this.answered.shift();
    // Sent in order: only the oldest unanswered ones can be past the arrival bound and out of the window.
    let unanswered = this.inFlight.size;
    let oldestLatest: number | undefined;
    for (const sentAt of this.inFlight.values()) {
      if (sentAt + this.maxArrivalMs > since) {
        oldestLatest = sentAt + this.maxArrivalMs;
        break;
      }
      unanswered--;
    }
    const first = Math.min(this.answered[0] ?? Infinity, oldestLatest ?? Infinity);
    return {
      count: this.answered.length + unanswered,
      nextFree: Number.isFinite(first) ? first + this.windowMs : undefined,
    };
  }

  private hasRoom(): boolean {
    return this.held(this.now() - this.windowMs).count < this.limit;
  }

  /** Lets waiters go while there is room; otherwise wakes up when the next slot leaves the window. */
  private pump(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    while (this.waiting.length > 0 && this.hasRoom()) this.waiting.shift()!.grant();
    if (this.waiting.length === 0) return;
    const now = this.now();
    const { nextFree } = this.held(now - this.windowMs);
    // An answer coming back sooner pumps again (and moves this wake-up earlier).
    if (nextFree !== undefined)
      this.cancelTimer = this.schedule(() => this.pump(), Math.max(1, nextFree - now));
  }
}

type MakeRequest = RESTOptions['makeRequest'];

/**
 * discord.js's `makeRequest` (the HTTP call it makes once its own queues let a request go), through `pacer` for the
 * requests that count against the bot's global limit: those sent with its token. Interaction callbacks and
 * interaction webhooks go without it (discord.js's `auth: false`), as Discord counts them apart.
 */
export function pacedRequests(
  pacer: GlobalPacer,
  send: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  return (url, init) =>
    hasAuthorization(init.headers)
      ? pacer.run(() => send(url, init), init.signal ?? undefined)
      : send(url, init);
}

function hasAuthorization(headers: unknown): boolean {
  if (!headers) return false;
  if (headers instanceof Headers) return headers.has('authorization');
  const entries = Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers);
  return entries.some(([name]) => name.toLowerCase() === 'authorization');
}
