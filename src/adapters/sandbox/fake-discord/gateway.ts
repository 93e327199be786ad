import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlibConstants, createDeflate, deflateSync, type Deflate } from 'node:zlib';
import {
  GatewayCloseCodes,
  type ApplicationFlags,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isRecord, type Json } from './validate.ts';
import { shardForGuild } from './snowflake.ts';
import type { Dispatcher, World } from './world.ts';

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Dispatches kept per session for RESUME; older ones force a fresh IDENTIFY. */
  backlogSize: number;
  /** How long a disconnected session can still be resumed. */
  resumeWindowMs: number;
  /** Privileged intents the application has enabled in the (imaginary) developer portal. */
  privilegedIntents: number;
}

/** One IDENTIFY: survives disconnections until invalidated, so that RESUME can replay what was missed. */
export interface GatewaySession {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  backlog: { s: number; frame: string }[];
  connection: Connection | null;
  identifiedAt: number;
  disconnectedAt: number | null;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
  /** Set when the client asked for zlib-stream transport compression. */
  compressStream: ((frame: string) => void) | null;
  /** Identify's `compress: true`: each payload deflated on its own. */
  compressPayloads: boolean;
}

export interface GatewayStats {
  identifies: number;
  resumes: number;
  invalidSessions: number;
  connections: number;
  heartbeats: number;
}

const PRIVILEGED =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

const MESSAGE_EVENTS = new Set<string>([
  GatewayDispatchEvents.MessageCreate,
  GatewayDispatchEvents.MessageUpdate,
  GatewayDispatchEvents.MessageDelete,
]);
const GUILD_EVENTS = new Set<string>([
  GatewayDispatchEvents.GuildCreate,
  GatewayDispatchEvents.GuildUpdate,
  GatewayDispatchEvents.GuildDelete,
  GatewayDispatchEvents.ChannelCreate,
  GatewayDispatchEvents.ChannelUpdate,
  GatewayDispatchEvents.ChannelDelete,
  GatewayDispatchEvents.GuildRoleCreate,
  GatewayDispatchEvents.GuildRoleUpdate,
  GatewayDispatchEvents.GuildRoleDelete,
]);

function requiredIntent(event: string): number {
  if (MESSAGE_EVENTS.has(event)) return GatewayIntentBits.GuildMessages;
  if (GUILD_EVENTS.has(event)) return GatewayIntentBits.Guilds;
  return 0;
}

/** The gateway half of the fake: sessions, shards, heartbeats, RESUME replay and the test controls. */
export class Gateway implements Dispatcher {
  readonly sessions = new Map<string, GatewaySession>();
  readonly connections = new Set<Connection>();
  readonly stats: GatewayStats = {
    identifies: 0,
    resumes: 0,
    invalidSessions: 0,
    connections: 0,
    heartbeats: 0,
  };
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  url = '';
  /** Off: heartbeats go unanswered, so clients see a zombie connection and reconnect. */
  ackHeartbeats = true;

  constructor(
    private readonly world: World,
    private readonly options: GatewayOptions,
  ) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request));
  }

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.stats.connections++;
    const query = new URL(request.url ?? '/', 'http://fake').searchParams;
    const connection: Connection = { socket, session: null, compressStream: null, compressPayloads: false };
    this.connections.add(connection);
    socket.on('close', (code) => this.onClose(connection, code));
    socket.on('error', () => undefined);
    const version = query.get('v');
    if (version !== null && version !== '10') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      socket.close(GatewayCloseCodes.DecodeError, 'Only encoding=json is supported');
      return;
    }
    const compress = query.get('compress');
    if (compress === 'zlib-stream') connection.compressStream = this.createStreamCompressor(connection);
    else if (compress !== null) {
      socket.close(GatewayCloseCodes.DecodeError, `Unsupported compression ${compress}`);
      return;
    }
    socket.on('message', (data) => this.onMessage(connection, data));
    this.send(
      connection,
      JSON.stringify({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs },
        s: null,
        t: null,
      }),
    );
  }

  /** zlib-stream: one deflate context per connection; every frame ends at a Z_SYNC_FLUSH boundary (00 00 ff ff). */
  private createStreamCompressor(connection: Connection): (frame: string) => void {
    const deflate: Deflate = createDeflate({ chunkSize: 65_535 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    deflate.on('error', () => connection.socket.terminate());
    connection.socket.once('close', () => deflate.destroy());
    return (frame) => {
      deflate.write(frame);
      deflate.flush(zlibConstants.Z_SYNC_FLUSH, () => {
        const out = Buffer.concat(chunks.splice(0));
        if (out.length > 0 && connection.socket.readyState === connection.socket.OPEN)
          connection.socket.send(out);
      });
    };
  }

  private send(connection: Connection, frame: string): void {
    const { socket } = connection;
    if (socket.readyState !== socket.OPEN) return;
    if (connection.compressStream) {
      connection.compressStream(frame);
    } else if (connection.compressPayloads) {
      socket.send(deflateSync(frame));
    } else {
      socket.send(frame);
    }
  }

  private onMessage(connection: Connection, data: RawData): void {
    let payload: unknown;
    try {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data as ArrayBuffer).toString('utf8');
      payload = JSON.parse(text);
    } catch {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Decode error');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Decode error');
      return;
    }
    const d = isRecord(payload.d) ? payload.d : null;
    switch (payload.op as GatewayOpcodes) {
      case GatewayOpcodes.Heartbeat:
        this.stats.heartbeats++;
        if (this.ackHeartbeats) {
          this.send(
            connection,
            JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }),
          );
        }
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.session)
          connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated');
        return;
      default:
        connection.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode');
    }
  }

  private identify(connection: Connection, d: Json | null): void {
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated');
      return;
    }
    if (!d || d.token !== this.world.options.botToken) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) {
      connection.socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s)');
      return;
    }
    if ((intents & PRIVILEGED & ~this.options.privilegedIntents) !== 0) {
      connection.socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s)');
      return;
    }
    const shard = Array.isArray(d.shard) ? d.shard : [0, 1];
    const [shardId, shardCount] = shard as unknown[];
    if (
      typeof shardId !== 'number' ||
      typeof shardCount !== 'number' ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      connection.socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard');
      return;
    }
    connection.compressPayloads = d.compress === true && connection.compressStream === null;
    this.stats.identifies++;
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents,
      seq: 0,
      backlog: [],
      connection,
      identifiedAt: this.world.options.now(),
      disconnectedAt: null,
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    const guilds = [...this.world.guilds.values()].filter((g) => shardForGuild(g.id, shardCount) === shardId);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...this.world.apiUser(this.world.bot), verified: true, mfa_enabled: false },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.url,
      shard: [shardId, shardCount],
      application: { id: this.world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    if ((intents & GatewayIntentBits.Guilds) !== 0) {
      for (const guild of guilds) {
        this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, this.world.guildCreatePayload(guild));
      }
    }
  }

  private resume(connection: Connection, d: Json | null): void {
    if (!d || d.token !== this.world.options.botToken) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed');
      return;
    }
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : -1;
    const oldest = session?.backlog[0]?.s ?? (session ? session.seq + 1 : 0);
    const expired =
      session?.disconnectedAt != null &&
      this.world.options.now() - session.disconnectedAt > this.options.resumeWindowMs;
    if (!session || expired || seq < 0 || seq > session.seq || oldest > seq + 1) {
      this.stats.invalidSessions++;
      this.send(
        connection,
        JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }),
      );
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      previous.session = null;
      previous.socket.close(GatewayCloseCodes.SessionTimedOut, 'Session resumed elsewhere');
    }
    session.connection = connection;
    session.disconnectedAt = null;
    connection.session = session;
    this.stats.resumes++;
    for (const entry of session.backlog) {
      if (entry.s > seq) this.send(connection, entry.frame);
    }
    session.seq++;
    this.send(
      connection,
      JSON.stringify({
        op: GatewayOpcodes.Dispatch,
        t: GatewayDispatchEvents.Resumed,
        s: session.seq,
        d: {},
      }),
    );
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (!session || session.connection !== connection) return;
    session.connection = null;
    session.disconnectedAt = this.world.options.now();
    // A client that closes normally ends its session, exactly as Discord does: it cannot be resumed.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  private sendDispatch(session: GatewaySession, event: string, data: unknown): void {
    session.seq++;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data });
    session.backlog.push({ s: session.seq, frame });
    if (session.backlog.length > this.options.backlogSize * 1.25) {
      session.backlog.splice(0, session.backlog.length - this.options.backlogSize);
    }
    if (session.connection) this.send(session.connection, frame);
  }

  /** Sends an event to every session whose shard owns the guild (all sessions for guild-less events). */
  dispatch(event: GatewayDispatchEvents, data: unknown, guildId: string | null): number {
    const intent = requiredIntent(event);
    let delivered = 0;
    const now = this.world.options.now();
    for (const session of this.sessions.values()) {
      // A session nobody resumed in time is gone, as on Discord; this also bounds the backlogs kept.
      if (session.disconnectedAt !== null && now - session.disconnectedAt > this.options.resumeWindowMs) {
        this.sessions.delete(session.id);
        continue;
      }
      if (guildId !== null && shardForGuild(guildId, session.shardCount) !== session.shardId) continue;
      if (intent !== 0 && (session.intents & intent) === 0) continue;
      this.sendDispatch(session, event, data);
      delivered++;
    }
    return delivered;
  }

  /** Cuts every connection without a close frame (or with `code`): clients RESUME, missed dispatches are replayed. */
  dropConnections(code?: number): void {
    for (const connection of [...this.connections]) {
      if (code === undefined) connection.socket.terminate();
      else connection.socket.close(code, 'Dropped by the test');
    }
  }

  /** Asks every client to reconnect and resume (opcode 7). */
  sendReconnect(): void {
    for (const connection of this.connections) {
      if (connection.session)
        this.send(connection, JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }));
    }
  }

  /** Opcode 9 to every identified client; unless `resumable`, their sessions are gone and they must IDENTIFY again. */
  invalidateSession(resumable: boolean): void {
    for (const connection of this.connections) {
      const session = connection.session;
      if (!session) continue;
      this.stats.invalidSessions++;
      if (!resumable) {
        this.sessions.delete(session.id);
        connection.session = null;
      }
      this.send(
        connection,
        JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null }),
      );
    }
  }

  /** Sessions currently attached to an open socket, per shard. */
  connectedShards(): { shardId: number; shardCount: number; sessionId: string }[] {
    return [...this.sessions.values()]
      .filter((s) => s.connection !== null)
      .map((s) => ({ shardId: s.shardId, shardCount: s.shardCount, sessionId: s.id }));
  }

  close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    this.sessions.clear();
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }
}
