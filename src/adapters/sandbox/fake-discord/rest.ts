import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIApplication, ApplicationFlags, RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { DiscordHttpError, ErrorCode } from './errors.ts';
import type { RateLimiter } from './rate-limits.ts';
import { isRecord, type Json } from './validate.ts';
import type { World } from './world.ts';

interface RequestContext {
  params: string[];
  query: URLSearchParams;
  body: unknown;
}

type Handler = (ctx: RequestContext) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  /** Route template for rate-limit buckets and logs. */
  template: string;
  /** Index of the param that is the bucket's major parameter, or -1. */
  major: number;
  /** Interaction routes: no bot token, no global limit. */
  interaction: boolean;
  handler: Handler;
}

/** `undefined` from a handler means 204 No Content. */
const NO_CONTENT = undefined;

const asJson = (body: unknown): Json => (isRecord(body) ? body : {});

/** Answers the next `count` requests matching `method` and `path` with an error instead of (or after) handling them. */
export interface FaultRule {
  method: string;
  /** Matched against the path without `/api/v10`, e.g. `/channels/123/messages`. */
  path: RegExp;
  status: number;
  count: number;
  /** For 429: how long the client is told to wait. */
  retryAfterMs?: number;
  /** The error body's message (default `<status>: Injected fault`). */
  message?: string;
  /**
   * true: the request is carried out and only its answer is replaced by the error, as when Discord's edge times
   * out after the write (a naive retry then duplicates the message).
   */
  afterProcessing?: boolean;
}

export interface RestOptions {
  /** Artificial latency added to every REST answer, for benchmarks. */
  latencyMs: number;
}

/** The REST half of the fake: routing, auth, rate limits, error recording; the rules live in World. */
export class RestApi {
  readonly #routes: Route[] = [];
  readonly #faults: FaultRule[] = [];
  gatewayUrl = '';
  requestCount = 0;

  constructor(
    private readonly world: World,
    private readonly limiter: RateLimiter,
    readonly options: RestOptions,
  ) {
    this.defineRoutes();
  }

  private route(
    method: string,
    template: string,
    handler: Handler,
    opts: { interaction?: boolean } = {},
  ): void {
    const names: string[] = [];
    const source = template.replace(/:(\w+)/g, (_m, name: string) => {
      names.push(name);
      return name === 'messageId' ? '(@original|\\d+)' : '([^/]+)';
    });
    const majorNames = ['channelId', 'guildId', 'token', 'interactionId'];
    this.#routes.push({
      method,
      pattern: new RegExp(`^${source.replace(/@me/g, '@me')}$`),
      template,
      major: names.findIndex((n) => majorNames.includes(n)),
      interaction: opts.interaction ?? false,
      handler,
    });
  }

  private defineRoutes(): void {
    const w = this.world;
    const p = (ctx: RequestContext, i: number): string => ctx.params[i] ?? '';
    const gatewayBot = (): RESTGetAPIGatewayBotResult => ({
      url: this.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 16 },
    });
    this.route('GET', '/gateway', () => ({ url: this.gatewayUrl }));
    this.route('GET', '/gateway/bot', gatewayBot);
    this.route('GET', '/users/@me', () => ({ ...w.apiUser(w.bot), verified: true, mfa_enabled: false }));
    this.route('GET', '/applications/@me', () => this.application());
    this.route('GET', '/oauth2/applications/@me', () => this.application());
    this.route('GET', '/channels/:channelId', (ctx) => w.apiChannel(w.liveChannel(p(ctx, 0))));
    this.route('GET', '/channels/:channelId/messages', (ctx) => w.listChannelMessages(p(ctx, 0), ctx.query));
    this.route('POST', '/channels/:channelId/messages', (ctx) =>
      w.postChannelMessage(p(ctx, 0), asJson(ctx.body)),
    );
    this.route('GET', '/channels/:channelId/messages/:messageId', (ctx) =>
      w.getChannelMessage(p(ctx, 0), p(ctx, 1)),
    );
    this.route('PATCH', '/channels/:channelId/messages/:messageId', (ctx) =>
      w.editChannelMessage(p(ctx, 0), p(ctx, 1), asJson(ctx.body)),
    );
    this.route('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => {
      w.deleteChannelMessage(p(ctx, 0), p(ctx, 1));
      return NO_CONTENT;
    });
    this.route('GET', '/applications/:appId/commands', (ctx) => w.getCommands(p(ctx, 0), null));
    this.route('PUT', '/applications/:appId/commands', (ctx) => w.putCommands(p(ctx, 0), null, ctx.body));
    this.route('GET', '/applications/:appId/guilds/:guildId/commands', (ctx) =>
      w.getCommands(p(ctx, 0), p(ctx, 1)),
    );
    this.route('PUT', '/applications/:appId/guilds/:guildId/commands', (ctx) =>
      w.putCommands(p(ctx, 0), p(ctx, 1), ctx.body),
    );
    this.route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      (ctx) =>
        w.interactionCallback(
          p(ctx, 0),
          p(ctx, 1),
          asJson(ctx.body),
          ctx.query.get('with_response') === 'true',
        ) ?? NO_CONTENT,
      { interaction: true },
    );
    this.route(
      'POST',
      '/webhooks/:appId/:token',
      (ctx) => {
        const message = w.postFollowUp(p(ctx, 0), p(ctx, 1), asJson(ctx.body));
        return ctx.query.get('wait') === 'true' ? message : NO_CONTENT;
      },
      { interaction: true },
    );
    this.route(
      'GET',
      '/webhooks/:appId/:token/messages/:messageId',
      (ctx) => w.getWebhookMessage(p(ctx, 0), p(ctx, 1), p(ctx, 2)),
      {
        interaction: true,
      },
    );
    this.route(
      'PATCH',
      '/webhooks/:appId/:token/messages/:messageId',
      (ctx) => w.editWebhookMessage(p(ctx, 0), p(ctx, 1), p(ctx, 2), asJson(ctx.body)),
      { interaction: true },
    );
    this.route(
      'DELETE',
      '/webhooks/:appId/:token/messages/:messageId',
      (ctx) => {
        w.deleteWebhookMessage(p(ctx, 0), p(ctx, 1), p(ctx, 2));
        return NO_CONTENT;
      },
      { interaction: true },
    );
  }

  /** Queues a fault; returns a function that tells how many of its `count` are still to come. */
  injectFault(rule: FaultRule): () => number {
    const entry = { ...rule };
    this.#faults.push(entry);
    return () => entry.count;
  }

  private takeFault(method: string, path: string): FaultRule | undefined {
    const index = this.#faults.findIndex((f) => f.count > 0 && f.method === method && f.path.test(path));
    if (index < 0) return undefined;
    const fault = this.#faults[index]!;
    fault.count--;
    if (fault.count === 0) this.#faults.splice(index, 1);
    return fault;
  }

  private sendFault(res: ServerResponse, method: string, path: string, fault: FaultRule): void {
    if (fault.status === 429) {
      const retryAfterMs = fault.retryAfterMs ?? 1000;
      this.send(
        res,
        method,
        path,
        429,
        { message: 'You are being rate limited.', retry_after: retryAfterMs / 1000, global: false },
        { 'Retry-After': (retryAfterMs / 1000).toFixed(3), 'X-RateLimit-Scope': 'shared' },
      );
      return;
    }
    const message = fault.message ?? `${fault.status}: Injected fault`;
    this.send(res, method, path, fault.status, { message, code: 0 }, {});
  }

  private application(): APIApplication {
    const w = this.world;
    return {
      id: w.applicationId,
      name: w.bot.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      bot: w.apiUser(w.bot),
      summary: '',
      verify_key: '0'.repeat(64),
      team: null,
      flags: 0 as ApplicationFlags,
      flags_new: '0',
      approximate_guild_count: w.guilds.size,
    };
  }

  /** Node's request listener. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void this.respond(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        this.send(res, req.method ?? 'GET', req.url ?? '', 500, { message: String(error), code: 0 }, {});
      });
    });
  };

  private async respond(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    this.requestCount++;
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname
      .replace(/^\/api(\/v\d+)?/, '')
      .split('/')
      .map((segment) => safeDecode(segment))
      .join('/');
    if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));

    let matched: { route: Route; params: string[] } | undefined;
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (m) {
        matched = { route, params: m.slice(1) };
        break;
      }
    }
    if (!matched) {
      this.send(res, method, path, 404, { message: '404: Not Found', code: 0 }, {});
      return;
    }
    const { route, params } = matched;
    if (!route.interaction && req.headers.authorization !== `Bot ${this.world.options.botToken}`) {
      this.send(res, method, path, 401, { message: '401: Unauthorized', code: ErrorCode.General }, {});
      return;
    }
    const fault = this.takeFault(method, path);
    if (fault && !fault.afterProcessing) {
      this.sendFault(res, method, path, fault);
      return;
    }
    const verdict = this.limiter.check({
      method,
      route: route.template,
      majorParameter: route.major >= 0 ? (params[route.major] ?? '') : '',
      globalExempt: route.interaction,
    });
    if (verdict.limited) {
      this.send(res, method, path, 429, verdict.body, verdict.headers);
      return;
    }
    let body: unknown;
    try {
      body = await parseBody(req, raw);
    } catch {
      this.send(res, method, path, 400, { message: '400: Bad Request', code: 50109 }, verdict.headers);
      return;
    }
    try {
      const result = route.handler({ params, query: url.searchParams, body });
      if (fault) this.sendFault(res, method, path, fault);
      else if (result === NO_CONTENT) this.send(res, method, path, 204, undefined, verdict.headers);
      else this.send(res, method, path, 200, result, verdict.headers);
    } catch (error) {
      if (error instanceof DiscordHttpError)
        this.send(res, method, path, error.status, error.body, verdict.headers);
      else throw error;
    }
  }

  private send(
    res: ServerResponse,
    method: string,
    path: string,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ): void {
    if (status >= 400) {
      this.world.recordError({ at: this.world.options.now(), method, path, status, body });
    }
    if (res.headersSent) return;
    if (body === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    const text = JSON.stringify(body);
    res
      .writeHead(status, {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
      })
      .end(text);
  }
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<unknown> {
  if (raw.length === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // Uploaded files are accepted but not stored; the message fields travel in payload_json.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const json = form.get('payload_json');
    return typeof json === 'string' ? (JSON.parse(json) as unknown) : {};
  }
  return JSON.parse(raw.toString('utf8')) as unknown;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
