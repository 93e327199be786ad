import { createHash } from 'node:crypto';

export interface RouteLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Requests per second for the whole bot (interaction routes excluded, as on Discord); null: no global limit. */
  globalPerSecond: number | null;
  /** Per-route bucket limit, advertised in X-RateLimit-* headers and enforced; null: headers only, never limited. */
  route: RouteLimit | null;
}

export interface RateLimitRequest {
  method: string;
  /** The route template, e.g. `/channels/:id/messages`. */
  route: string;
  /** Channel, guild or webhook id + token: separate buckets per major parameter. */
  majorParameter: string;
  /** Interaction callbacks and interaction webhooks do not count against the global limit. */
  globalExempt: boolean;
}

export type RateLimitVerdict =
  | { limited: false; headers: Record<string, string> }
  | {
      limited: true;
      global: boolean;
      retryAfterMs: number;
      headers: Record<string, string>;
      body: RateLimitBody;
    };

export interface RateLimitBody {
  message: string;
  retry_after: number;
  global: boolean;
  code?: number;
}

interface Window {
  count: number;
  resetAt: number;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** Fixed-window buckets per route and major parameter, plus an optional global window, answering like Discord. */
export class RateLimiter {
  readonly #buckets = new Map<string, Window>();
  readonly #hashes = new Map<string, string>();
  #global: Window = { count: 0, resetAt: 0 };

  constructor(
    public options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  check(request: RateLimitRequest): RateLimitVerdict {
    const now = this.now();
    const globalPerSecond = this.options.globalPerSecond;
    if (globalPerSecond !== null && !request.globalExempt) {
      if (now >= this.#global.resetAt) this.#global = { count: 0, resetAt: now + 1000 };
      if (this.#global.count >= globalPerSecond) {
        const retryAfterMs = this.#global.resetAt - now;
        return {
          limited: true,
          global: true,
          retryAfterMs,
          headers: {
            'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
            'X-RateLimit-Global': 'true',
            'X-RateLimit-Scope': 'global',
          },
          body: {
            message: 'You are being rate limited.',
            retry_after: Number(seconds(retryAfterMs)),
            global: true,
          },
        };
      }
      this.#global.count++;
    }

    const hash = this.hashFor(request.method, request.route);
    const limit = this.options.route;
    if (limit === null) {
      return { limited: false, headers: { 'X-RateLimit-Bucket': hash } };
    }
    const key = `${hash}:${request.majorParameter}`;
    let window = this.#buckets.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + limit.windowMs };
      this.#buckets.set(key, window);
      if (this.#buckets.size > 50_000) this.sweep(now);
    }
    const resetAfterMs = window.resetAt - now;
    const headers = (remaining: number): Record<string, string> => ({
      'X-RateLimit-Limit': String(limit.limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': seconds(window.resetAt),
      'X-RateLimit-Reset-After': seconds(resetAfterMs),
      'X-RateLimit-Bucket': hash,
    });
    if (window.count >= limit.limit) {
      return {
        limited: true,
        global: false,
        retryAfterMs: resetAfterMs,
        headers: {
          ...headers(0),
          'Retry-After': String(Math.max(1, Math.ceil(resetAfterMs / 1000))),
          'X-RateLimit-Scope': 'user',
        },
        body: {
          message: 'You are being rate limited.',
          retry_after: Number(seconds(resetAfterMs)),
          global: false,
        },
      };
    }
    window.count++;
    return { limited: false, headers: headers(limit.limit - window.count) };
  }

  private hashFor(method: string, route: string): string {
    const key = `${method} ${route}`;
    let hash = this.#hashes.get(key);
    if (!hash) {
      hash = createHash('sha1').update(key).digest('hex').slice(0, 32);
      this.#hashes.set(key, hash);
    }
    return hash;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.#buckets) if (now >= window.resetAt) this.#buckets.delete(key);
  }
}
