import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents, type APIApplicationCommand, type APIMessage } from 'discord-api-types/v10';
import { waitUntil } from './events.ts';
import { Gateway, type GatewayStats } from './gateway.ts';
import { InteractionHandle } from './handle.ts';
import {
  InteractionFactory,
  type AutocompleteInput,
  type ButtonClickInput,
  type ModalSubmitInput,
  type SelectInput,
  type SlashCommandInput,
} from './interactions.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limits.ts';
import { RestApi, type FaultRule } from './rest.ts';
import { guildIdOnShard } from './snowflake.ts';
import {
  World,
  type FakeChannel,
  type FakeGuild,
  type FakeMember,
  type FakeUser,
  type InteractionRecord,
  type MessageRecord,
  type RecordedError,
  type WorldEvents,
} from './world.ts';

export interface FakeDiscordOptions {
  host?: string;
  /** 0 (default): a free port. */
  port?: number;
  botToken?: string;
  botUsername?: string;
  /** Discord's 3 s window for the first response. */
  interactionResponseTimeoutMs?: number;
  /** How long follow-ups and `@original` edits are accepted (15 min). */
  interactionTokenTtlMs?: number;
  heartbeatIntervalMs?: number;
  /** Per-session dispatches kept for RESUME. */
  resumeBacklog?: number;
  /** How long after a disconnection a session can be resumed (2 min). */
  resumeWindowMs?: number;
  /** Privileged intents enabled for the application (bits of GatewayIntentBits). */
  privilegedIntents?: number;
  /** Global limit off and per-route buckets of 50/s by default. */
  rateLimits?: Partial<RateLimitOptions>;
  /** Added to every REST answer. */
  restLatencyMs?: number;
  /** Refuse slash commands the bot has not registered (a user could not type them). Default true. */
  requireRegisteredCommands?: boolean;
  now?: () => number;
}

export interface MessageMeta {
  /** Set for ephemeral messages. */
  visibleTo: string | null;
  interactionId: string | null;
}

export type MessagePredicate = (message: APIMessage, meta: MessageMeta) => boolean;

/**
 * A local Discord for the real discord.js client: REST on `restUrl`, gateway on `gatewayUrl`, plus a driver API that
 * acts as users and reads what the bot posted. Start with `FakeDiscord.start()`, stop with `close()`.
 */
export class FakeDiscord {
  readonly world: World;
  readonly gateway: Gateway;
  readonly rest: RestApi;
  readonly limiter: RateLimiter;
  readonly #factory: InteractionFactory;
  readonly #server: Server;
  #restUrl = '';
  #gatewayUrl = '';

  private constructor(options: FakeDiscordOptions) {
    const now = options.now ?? Date.now;
    this.world = new World({
      botToken: options.botToken ?? fakeToken(),
      botUsername: options.botUsername ?? 'Plot Trivia',
      interactionResponseTimeoutMs: options.interactionResponseTimeoutMs ?? 3_000,
      interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
      now,
    });
    this.gateway = new Gateway(this.world, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      backlogSize: options.resumeBacklog ?? 10_000,
      resumeWindowMs: options.resumeWindowMs ?? 120_000,
      privilegedIntents: options.privilegedIntents ?? 0,
    });
    this.world.dispatcher = this.gateway;
    this.limiter = new RateLimiter(
      {
        globalPerSecond: options.rateLimits?.globalPerSecond ?? null,
        route:
          options.rateLimits?.route === undefined ? { limit: 50, windowMs: 1_000 } : options.rateLimits.route,
      },
      now,
    );
    this.rest = new RestApi(this.world, this.limiter, { latencyMs: options.restLatencyMs ?? 0 });
    this.#factory = new InteractionFactory(this.world, options.requireRegisteredCommands ?? true);
    this.#server = createServer({ keepAlive: true }, this.rest.handle);
    this.#server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://fake').pathname === '/gateway')
        this.gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const { address, port } = fake.#server.address() as AddressInfo;
    fake.#restUrl = `http://${address}:${port}/api`;
    fake.#gatewayUrl = `ws://${address}:${port}/gateway`;
    fake.rest.gatewayUrl = fake.#gatewayUrl;
    fake.gateway.url = fake.#gatewayUrl;
    return fake;
  }

  /** Pass as discord.js `rest: { api }`. */
  get restUrl(): string {
    return this.#restUrl;
  }

  get gatewayUrl(): string {
    return this.#gatewayUrl;
  }

  /** The bot token the fake accepts (`client.login(fake.token)`). */
  get token(): string {
    return this.world.options.botToken;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  get botUser(): FakeUser {
    return this.world.bot;
  }

  // ---------------------------------------------------------------- arrange

  createUser(input: { id?: string; username?: string; globalName?: string; locale?: string } = {}): FakeUser {
    return this.world.createUser(input);
  }

  /** The bot joins at once; connected shards get GUILD_CREATE. */
  createGuild(
    input: { id?: string; name?: string; preferredLocale?: string; ownerId?: string } = {},
  ): FakeGuild {
    return this.world.createGuild(input);
  }

  /** What a server admin can do in Integrations settings: let everyone use a command despite its default permissions. */
  openCommandToEveryone(guildId: string, commandName: string): void {
    this.world.commandsOpenedToEveryone.add(`${guildId}:${commandName}`);
  }

  /** A guild id that Discord would route to `shardId` of `shardCount`. */
  guildIdForShard(shardId: number, shardCount: number): string {
    return guildIdOnShard(shardId, shardCount, this.world.ids);
  }

  createTextChannel(input: { guildId: string; id?: string; name?: string; topic?: string }): FakeChannel {
    return this.world.createTextChannel(input);
  }

  /** Makes a user a member; `permissions` (e.g. `PermissionFlagsBits.ManageGuild`) are granted by a role of their own. */
  addMember(input: { guildId: string; userId: string; permissions?: bigint; nick?: string }): FakeMember {
    return this.world.addMember(input);
  }

  /** A new user who is already a member of `guildId`. */
  createMember(input: {
    guildId: string;
    username?: string;
    locale?: string;
    permissions?: bigint;
  }): FakeUser {
    const user = this.world.createUser({
      ...(input.username === undefined ? {} : { username: input.username }),
      ...(input.locale === undefined ? {} : { locale: input.locale }),
    });
    this.world.addMember({
      guildId: input.guildId,
      userId: user.id,
      ...(input.permissions === undefined ? {} : { permissions: input.permissions }),
    });
    return user;
  }

  /** Posting there now answers 404 / 10003 Unknown Channel. */
  deleteChannel(channelId: string): void {
    this.world.deleteChannel(channelId);
  }

  /** `false`: posting there answers 403 / 50013 Missing Permissions (a member overwrite denies Send Messages). */
  setBotCanPost(channelId: string, canPost: boolean): void {
    this.world.setBotCanPost(channelId, canPost);
  }

  // ---------------------------------------------------------------- act as users

  sendSlashCommand(input: SlashCommandInput): InteractionHandle {
    return this.deliver(this.#factory.slashCommand(input));
  }

  sendAutocomplete(input: AutocompleteInput): InteractionHandle {
    return this.deliver(this.#factory.autocomplete(input));
  }

  clickButton(input: ButtonClickInput): InteractionHandle {
    return this.deliver(this.#factory.buttonClick(input));
  }

  selectMenu(input: SelectInput): InteractionHandle {
    return this.deliver(this.#factory.select(input));
  }

  /** Submits the modal the bot showed in answer to `interactionId`. */
  submitModal(input: ModalSubmitInput): InteractionHandle {
    return this.deliver(this.#factory.modalSubmit(input));
  }

  /**
   * Dispatches an interaction the gateway already delivered once more, as Discord may (a replay after a resume):
   * the bot must not act on it twice. Returns how many sessions received it.
   */
  redeliver(handle: InteractionHandle): number {
    return this.gateway.dispatch(
      GatewayDispatchEvents.InteractionCreate,
      handle.record.payload,
      handle.record.guildId,
    );
  }

  private deliver(record: InteractionRecord): InteractionHandle {
    this.world.registerInteraction(record);
    const delivered = this.gateway.dispatch(
      GatewayDispatchEvents.InteractionCreate,
      record.payload,
      record.guildId,
    );
    return new InteractionHandle(this.world, record, delivered);
  }

  // ---------------------------------------------------------------- assert

  /** Messages in a channel, oldest first; with `asUser`, that user's ephemeral messages there are included. */
  channelMessages(channelId: string, options: { asUser?: string } = {}): APIMessage[] {
    const visible = (this.world.channelMessages.get(channelId) ?? []).slice();
    if (options.asUser !== undefined) {
      for (const record of this.world.messages.values()) {
        if (record.visibleTo === options.asUser && record.message.channel_id === channelId)
          visible.push(record);
      }
      visible.sort((a, b) => (BigInt(a.message.id) < BigInt(b.message.id) ? -1 : 1));
    }
    return visible.map((r) => r.message);
  }

  /** Ephemeral messages shown to one user, oldest first. */
  ephemeralMessages(userId: string): APIMessage[] {
    return [...this.world.messages.values()].filter((r) => r.visibleTo === userId).map((r) => r.message);
  }

  message(id: string): APIMessage | undefined {
    return this.world.messages.get(id)?.message;
  }

  /** The first message (existing, new or edited) matching `predicate`. */
  waitForMessage(predicate: MessagePredicate, timeoutMs = 5_000): Promise<APIMessage> {
    const matches = (r: MessageRecord): boolean =>
      !r.deleted && predicate(r.message, { visibleTo: r.visibleTo, interactionId: r.interactionId });
    return waitUntil(
      (onChange) => {
        const offCreate = this.world.events.on('messageCreate', onChange);
        const offUpdate = this.world.events.on('messageUpdate', onChange);
        return () => {
          offCreate();
          offUpdate();
        };
      },
      () => {
        for (const record of this.world.messages.values()) if (matches(record)) return record.message;
        return undefined;
      },
      timeoutMs,
      'a matching message',
    );
  }

  /** Subscribes to live changes (for a terminal UI or assertions); returns the unsubscribe. */
  on<K extends keyof WorldEvents>(event: K, listener: (...args: WorldEvents[K]) => void): () => void {
    return this.world.events.on(event, listener);
  }

  /** Counters for benchmarks. */
  get stats(): {
    requests: number;
    errors: number;
    rateLimited: number;
    interactions: number;
    gateway: GatewayStats;
  } {
    return {
      requests: this.rest.requestCount,
      errors: this.world.errors.length,
      rateLimited: this.rateLimitHits.length,
      interactions: this.world.interactionCount,
      gateway: { ...this.gateway.stats },
    };
  }

  /** Every error status the fake answered with, 429s included, oldest first. */
  get errors(): readonly RecordedError[] {
    return this.world.errors;
  }

  get rateLimitHits(): RecordedError[] {
    return this.world.errors.filter((e) => e.status === 429);
  }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return guildId === undefined
      ? [...this.world.globalCommands.values()]
      : [...this.world.guildCommandMap(guildId).values()];
  }

  /** Turns the global limit on (requests per second) or off (null) while running. */
  setGlobalRateLimit(perSecond: number | null): void {
    this.limiter.options = { ...this.limiter.options, globalPerSecond: perSecond };
  }

  /**
   * Answers the next `count` requests to `method` + `path` with `status` (5xx, or 429 with `retryAfterMs`);
   * `afterProcessing` carries the request out first and loses only its answer. Returns how many are left to fail.
   */
  failRequests(rule: FaultRule): () => number {
    return this.rest.injectFault(rule);
  }

  // ---------------------------------------------------------------- gateway controls

  /** Cuts every gateway connection (no close frame by default, or `code`); clients RESUME. */
  dropConnections(code?: number): void {
    this.gateway.dropConnections(code);
  }

  sendReconnect(): void {
    this.gateway.sendReconnect();
  }

  invalidateSession(resumable: boolean): void {
    this.gateway.invalidateSession(resumable);
  }

  /** `false` leaves heartbeats unanswered: the client must detect the zombie connection and resume. */
  setHeartbeatAcks(enabled: boolean): void {
    this.gateway.ackHeartbeats = enabled;
  }

  /** Resolves once `count` sessions are attached to open sockets (e.g. after a RESUME). */
  waitForConnectedSessions(count: number, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = (): void => {
        if (this.gateway.connectedShards().length >= count) resolve();
        else if (Date.now() - started > timeoutMs)
          reject(new Error(`Timed out waiting for ${count} connected sessions`));
        else setTimeout(poll, 10);
      };
      poll();
    });
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.world.events.removeAllListeners();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

function fakeToken(): string {
  return `${Buffer.from(String(Date.now())).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
}
