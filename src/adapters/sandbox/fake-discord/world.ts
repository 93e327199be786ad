import {
  ApplicationCommandType,
  ChannelType,
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  OverwriteType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type ChannelFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type UserFlags,
  type APIEmbed,
  type APIGuildMember,
  type APIInteraction,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIOverwrite,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord-api-types/v10';
import {
  DiscordHttpError,
  ErrorCode,
  FormErrors,
  alreadyAcknowledged,
  emptyMessage,
  missingPermissions,
  unknownChannel,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './errors.ts';
import { TypedEmitter } from './events.ts';
import {
  ALL_PERMISSIONS,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  computePermissions,
} from './permissions.ts';
import { SnowflakeGenerator } from './snowflake.ts';
import {
  isEmptyMessage,
  isRecord,
  validateAutocompleteChoices,
  validateCommands,
  validateMessageBody,
  type Json,
} from './validate.ts';

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  locale: string;
  bot: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  botId?: string;
}

export interface FakeMember {
  userId: string;
  roleIds: string[];
  joinedAt: string;
  nick: string | null;
}

export interface FakeGuild {
  id: string;
  name: string;
  preferredLocale: string;
  ownerId: string;
  roles: Map<string, FakeRole>;
  members: Map<string, FakeMember>;
  channelIds: string[];
  joinedAt: string;
}

export interface FakeChannel {
  id: string;
  guildId: string;
  name: string;
  position: number;
  topic: string | null;
  overwrites: APIOverwrite[];
  deleted: boolean;
}

/** A message as stored: the API object plus who can see it. */
export interface MessageRecord {
  message: APIMessage;
  /** Set for ephemeral messages: only this user sees them. */
  visibleTo: string | null;
  /** The interaction whose response or follow-up this is. */
  interactionId: string | null;
  deleted: boolean;
}

export type InteractionStatus = 'pending' | 'acknowledged' | 'expired';

export interface InteractionCallbackRecord {
  interactionId: string;
  type: InteractionResponseType;
  data: Json | null;
  /** Milliseconds between delivery and the callback. */
  latencyMs: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  guildId: string;
  channelId: string;
  userId: string;
  createdAt: number;
  payload: APIInteraction;
  /** The message a component was clicked on. */
  sourceMessageId: string | null;
  /** That message as it was when a deferred update (type 6) arrived, to tell when the bot has edited it. */
  sourceAtAck: APIMessage | null;
  callback: InteractionCallbackRecord | null;
  /** What `@original` refers to once acknowledged. */
  originalMessageId: string | null;
  followUpIds: string[];
}

/** Something the fake answered with an error status, kept for assertions. */
export interface RecordedError {
  at: number;
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface WorldEvents {
  messageCreate: [MessageRecord];
  messageUpdate: [MessageRecord, APIMessage];
  messageDelete: [MessageRecord];
  interactionCreate: [InteractionRecord];
  interactionCallback: [InteractionCallbackRecord];
  errorResponse: [RecordedError];
  channelUpdate: [FakeChannel];
}

/** How the world reaches the gateway without knowing about sockets. */
export interface Dispatcher {
  dispatch(event: GatewayDispatchEvents, data: unknown, guildId: string | null): void;
}

export interface WorldOptions {
  botToken: string;
  botUsername: string;
  interactionResponseTimeoutMs: number;
  interactionTokenTtlMs: number;
  now: () => number;
}

const LOADING = MessageFlags.Loading;
const EPHEMERAL = MessageFlags.Ephemeral;
/** Flags a message edit may change. */
const EDITABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
/** How long Discord remembers an enforced nonce ("a few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * All of the fake's state: guilds, channels, users, messages, interactions and registered commands, with the rules
 * Discord applies to them. REST and gateway servers only translate to and from this.
 */
export class World {
  readonly events = new TypedEmitter<WorldEvents>();
  readonly ids: SnowflakeGenerator;
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, MessageRecord>();
  readonly channelMessages = new Map<string, MessageRecord[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly globalCommands = new Map<string, APIApplicationCommand>();
  readonly guildCommands = new Map<string, Map<string, APIApplicationCommand>>();
  /**
   * "guildId:command" pairs a server admin opened to everyone in Server Settings > Integrations, overriding the
   * command's default_member_permissions (so the bot must check permissions itself).
   */
  readonly commandsOpenedToEveryone = new Set<string>();
  /** `channelId:nonce` of messages posted with `enforce_nonce`, for Discord's few-minute deduplication. */
  readonly #nonces = new Map<string, { messageId: string; at: number }>();
  readonly errors: RecordedError[] = [];
  /** Interactions delivered since start (the map forgets old ones). */
  interactionCount = 0;
  readonly #byToken = new Map<string, InteractionRecord>();
  dispatcher: Dispatcher = { dispatch: () => undefined };

  constructor(readonly options: WorldOptions) {
    this.ids = new SnowflakeGenerator(options.now);
    this.bot = {
      id: this.ids.next(),
      username: options.botUsername,
      globalName: null,
      locale: 'en-US',
      bot: true,
    };
    this.applicationId = this.bot.id;
    this.users.set(this.bot.id, this.bot);
  }

  // ---------------------------------------------------------------- users, guilds, channels

  createUser(input: { id?: string; username?: string; globalName?: string; locale?: string } = {}): FakeUser {
    const id = input.id ?? this.ids.next();
    const user: FakeUser = {
      id,
      username: input.username ?? `user${id.slice(-6)}`,
      globalName: input.globalName ?? null,
      locale: input.locale ?? 'en-US',
      bot: false,
    };
    this.users.set(id, user);
    return user;
  }

  createGuild(
    input: { id?: string; name?: string; preferredLocale?: string; ownerId?: string } = {},
  ): FakeGuild {
    const id = input.id ?? this.ids.next();
    if (this.guilds.has(id)) throw new Error(`Guild ${id} already exists`);
    const ownerId = input.ownerId ?? this.createUser({ username: 'owner' }).id;
    if (!this.users.has(ownerId)) throw new Error(`Unknown owner user ${ownerId}`);
    const now = this.options.now();
    const guild: FakeGuild = {
      id,
      name: input.name ?? 'Test Guild',
      preferredLocale: input.preferredLocale ?? 'en-US',
      ownerId,
      roles: new Map(),
      members: new Map(),
      channelIds: [],
      joinedAt: iso(now),
    };
    guild.roles.set(id, {
      id,
      name: '@everyone',
      permissions: DEFAULT_EVERYONE_PERMISSIONS,
      position: 0,
      managed: false,
    });
    const botRole: FakeRole = {
      id: this.ids.next(),
      name: this.bot.username,
      permissions: DEFAULT_BOT_PERMISSIONS,
      position: 1,
      managed: true,
      botId: this.bot.id,
    };
    guild.roles.set(botRole.id, botRole);
    guild.members.set(ownerId, { userId: ownerId, roleIds: [], joinedAt: iso(now), nick: null });
    guild.members.set(this.bot.id, {
      userId: this.bot.id,
      roleIds: [botRole.id],
      joinedAt: iso(now),
      nick: null,
    });
    this.guilds.set(id, guild);
    this.dispatcher.dispatch(GatewayDispatchEvents.GuildCreate, this.guildCreatePayload(guild), id);
    return guild;
  }

  createTextChannel(input: { guildId: string; id?: string; name?: string; topic?: string }): FakeChannel {
    const guild = this.guild(input.guildId);
    const channel: FakeChannel = {
      id: input.id ?? this.ids.next(),
      guildId: guild.id,
      name: input.name ?? `channel-${guild.channelIds.length + 1}`,
      position: guild.channelIds.length,
      topic: input.topic ?? null,
      overwrites: [],
      deleted: false,
    };
    this.channels.set(channel.id, channel);
    this.channelMessages.set(channel.id, []);
    guild.channelIds.push(channel.id);
    this.dispatcher.dispatch(GatewayDispatchEvents.ChannelCreate, this.apiChannel(channel), guild.id);
    return channel;
  }

  /** Adds a user to a guild; `permissions` become a role of their own on top of @everyone. */
  addMember(input: { guildId: string; userId: string; permissions?: bigint; nick?: string }): FakeMember {
    const guild = this.guild(input.guildId);
    if (!this.users.has(input.userId)) throw new Error(`Unknown user ${input.userId}`);
    const roleIds: string[] = [];
    if (input.permissions !== undefined) {
      const role: FakeRole = {
        id: this.ids.next(),
        name: `perms-${input.userId}`,
        permissions: input.permissions,
        position: guild.roles.size,
        managed: false,
      };
      guild.roles.set(role.id, role);
      roleIds.push(role.id);
      this.dispatcher.dispatch(
        GatewayDispatchEvents.GuildRoleCreate,
        { guild_id: guild.id, role: this.apiRole(role) },
        guild.id,
      );
    }
    const member: FakeMember = {
      userId: input.userId,
      roleIds,
      joinedAt: iso(this.options.now()),
      nick: input.nick ?? null,
    };
    guild.members.set(input.userId, member);
    return member;
  }

  deleteChannel(channelId: string): void {
    const channel = this.channel(channelId);
    channel.deleted = true;
    const guild = this.guild(channel.guildId);
    guild.channelIds = guild.channelIds.filter((id) => id !== channelId);
    this.dispatcher.dispatch(GatewayDispatchEvents.ChannelDelete, this.apiChannel(channel), guild.id);
  }

  /** Denies (or restores) Send Messages for the bot in one channel through a member overwrite, as a moderator would. */
  setBotCanPost(channelId: string, canPost: boolean): void {
    const channel = this.liveChannel(channelId);
    const others = channel.overwrites.filter(
      (o) => !(o.type === OverwriteType.Member && o.id === this.bot.id),
    );
    channel.overwrites = canPost
      ? others
      : [
          ...others,
          {
            id: this.bot.id,
            type: OverwriteType.Member,
            allow: '0',
            deny: String(PermissionFlagsBits.SendMessages),
          },
        ];
    this.dispatcher.dispatch(GatewayDispatchEvents.ChannelUpdate, this.apiChannel(channel), channel.guildId);
    this.events.emit('channelUpdate', channel);
  }

  guild(id: string): FakeGuild {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`Unknown guild ${id}`);
    return guild;
  }

  channel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`Unknown channel ${id}`);
    return channel;
  }

  user(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`Unknown user ${id}`);
    return user;
  }

  member(guildId: string, userId: string): FakeMember {
    const member = this.guild(guildId).members.get(userId);
    if (!member) throw new Error(`User ${userId} is not a member of guild ${guildId}`);
    return member;
  }

  /** A channel the REST API may address: missing or deleted ones are Discord's 10003. */
  liveChannel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel || channel.deleted) throw unknownChannel();
    return channel;
  }

  permissionsIn(channel: FakeChannel, userId: string): bigint {
    const guild = this.guild(channel.guildId);
    return computePermissions(this.permissionSubject(guild, userId), channel.overwrites);
  }

  guildPermissions(guildId: string, userId: string): bigint {
    return computePermissions(this.permissionSubject(this.guild(guildId), userId));
  }

  private permissionSubject(guild: FakeGuild, userId: string) {
    const member = guild.members.get(userId);
    return {
      guildId: guild.id,
      ownerId: guild.ownerId,
      userId,
      everyone: guild.roles.get(guild.id)?.permissions ?? 0n,
      roles: (member?.roleIds ?? []).flatMap((id) => {
        const role = guild.roles.get(id);
        return role ? [{ id: role.id, permissions: role.permissions }] : [];
      }),
    };
  }

  // ---------------------------------------------------------------- API shapes

  apiUser(user: FakeUser): APIUser {
    return {
      id: user.id,
      username: user.username,
      global_name: user.globalName,
      discriminator: '0',
      avatar: null,
      ...(user.bot ? { bot: true } : {}),
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
  }

  apiRole(role: FakeRole): APIRole {
    return {
      id: role.id,
      name: role.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: role.position,
      permissions: String(role.permissions),
      managed: role.managed,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
    };
  }

  apiChannel(channel: FakeChannel): APITextChannel {
    return {
      id: channel.id,
      type: ChannelType.GuildText,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      permission_overwrites: channel.overwrites,
      parent_id: null,
      nsfw: false,
      topic: channel.topic,
      last_message_id: this.channelMessages.get(channel.id)?.at(-1)?.message.id ?? null,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    };
  }

  apiMember(guild: FakeGuild, member: FakeMember): APIGuildMember {
    return {
      user: this.apiUser(this.user(member.userId)),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: member.roleIds,
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  guildCreatePayload(guild: FakeGuild): GatewayGuildCreateDispatchData {
    const channels = guild.channelIds.map((id) => {
      const { guild_id: _omitted, ...channel } = this.apiChannel(this.channel(id));
      return channel;
    });
    const bot = guild.members.get(this.bot.id);
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      region: 'en-US',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [...guild.roles.values()].map((r) => this.apiRole(r)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale as GatewayGuildCreateDispatchData['preferred_locale'],
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      approximate_member_count: guild.members.size,
      approximate_presence_count: 0,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      incidents_data: null,
      hub_type: null,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      // Without the privileged GuildMembers intent Discord sends only the bot's own member.
      members: bot ? [this.apiMember(guild, bot)] : [],
      channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ---------------------------------------------------------------- messages

  private normaliseEmbeds(embeds: unknown): APIEmbed[] {
    if (!Array.isArray(embeds)) return [];
    return embeds.filter(isRecord).map((embed) => {
      const fields = Array.isArray(embed.fields)
        ? embed.fields.filter(isRecord).map((f) => ({ ...f, inline: f.inline === true }))
        : undefined;
      return { type: 'rich', ...embed, ...(fields ? { fields } : {}) } as APIEmbed;
    });
  }

  private interactionMetadata(interaction: InteractionRecord): APIMessageInteractionMetadata {
    const user = this.apiUser(this.user(interaction.userId));
    const owners = { '0': interaction.guildId };
    if (interaction.type === InteractionType.MessageComponent && interaction.sourceMessageId) {
      return {
        id: interaction.id,
        type: InteractionType.MessageComponent,
        user,
        authorizing_integration_owners: owners,
        interacted_message_id: interaction.sourceMessageId,
      };
    }
    return {
      id: interaction.id,
      type: InteractionType.ApplicationCommand,
      user,
      authorizing_integration_owners: owners,
    };
  }

  private buildMessage(
    channelId: string,
    body: Json,
    extra: { flags?: number; interaction?: InteractionRecord; type?: MessageType },
  ): APIMessage {
    const now = this.options.now();
    const message: APIMessage = {
      id: this.ids.next(),
      channel_id: channelId,
      author: this.apiUser(this.bot),
      content: typeof body.content === 'string' ? body.content : '',
      timestamp: iso(now),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: this.normaliseEmbeds(body.embeds),
      pinned: false,
      type: extra.type ?? MessageType.Default,
      flags: extra.flags ?? 0,
      components: Array.isArray(body.components) ? (body.components as APIMessage['components']) : [],
    };
    if (extra.interaction) {
      message.webhook_id = this.applicationId;
      message.application_id = this.applicationId;
      message.interaction_metadata = this.interactionMetadata(extra.interaction);
      const data = extra.interaction.payload.data;
      if (extra.interaction.type === InteractionType.ApplicationCommand && data && 'name' in data) {
        // Deprecated by Discord but still sent, and still read by discord.js (`message.interaction`).
        message.interaction = {
          id: extra.interaction.id,
          type: InteractionType.ApplicationCommand,
          name: data.name,
          user: this.apiUser(this.user(extra.interaction.userId)),
        };
      }
    }
    return message;
  }

  private store(record: MessageRecord): MessageRecord {
    this.messages.set(record.message.id, record);
    if (record.visibleTo === null) {
      const list = this.channelMessages.get(record.message.channel_id);
      if (list) list.push(record);
      const channel = this.channels.get(record.message.channel_id);
      this.dispatcher.dispatch(
        GatewayDispatchEvents.MessageCreate,
        { ...record.message, guild_id: channel?.guildId, mentions: [] },
        channel?.guildId ?? null,
      );
    }
    this.events.emit('messageCreate', record);
    return record;
  }

  private applyEdit(record: MessageRecord, body: Json): MessageRecord {
    const previous = record.message;
    const next: APIMessage = { ...previous };
    if ('content' in body) next.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) next.embeds = this.normaliseEmbeds(body.embeds);
    if ('components' in body) {
      next.components = Array.isArray(body.components) ? (body.components as APIMessage['components']) : [];
    }
    const previousFlags = previous.flags ?? 0;
    let flags = previousFlags & ~LOADING;
    if (typeof body.flags === 'number') flags = (flags & ~EDITABLE_FLAGS) | (body.flags & EDITABLE_FLAGS);
    next.flags = flags;
    // Filling in a deferred ("thinking") response is not an edit in Discord's eyes.
    if ((previousFlags & LOADING) === 0) next.edited_timestamp = iso(this.options.now());
    record.message = next;
    if (record.visibleTo === null) {
      const channel = this.channels.get(next.channel_id);
      this.dispatcher.dispatch(
        GatewayDispatchEvents.MessageUpdate,
        { ...next, guild_id: channel?.guildId },
        channel?.guildId ?? null,
      );
    }
    this.events.emit('messageUpdate', record, previous);
    return record;
  }

  private deleteRecord(record: MessageRecord): void {
    record.deleted = true;
    this.messages.delete(record.message.id);
    if (record.visibleTo === null) {
      const list = this.channelMessages.get(record.message.channel_id);
      if (list) {
        const index = list.indexOf(record);
        if (index >= 0) list.splice(index, 1);
      }
      const channel = this.channels.get(record.message.channel_id);
      this.dispatcher.dispatch(
        GatewayDispatchEvents.MessageDelete,
        { id: record.message.id, channel_id: record.message.channel_id, guild_id: channel?.guildId },
        channel?.guildId ?? null,
      );
    }
    this.events.emit('messageDelete', record);
  }

  private assertValid(body: Json, path: readonly string[] = [], requireContent = false): void {
    const errors = validateMessageBody(body, path);
    if (!errors.empty) throw errors.toError();
    if (requireContent && isEmptyMessage(body)) throw emptyMessage();
  }

  // ---------------------------------------------------------------- channel message routes

  postChannelMessage(channelId: string, body: Json): APIMessage {
    const channel = this.liveChannel(channelId);
    const perms = this.permissionsIn(channel, this.bot.id);
    if ((perms & PermissionFlagsBits.ViewChannel) === 0n) {
      throw new DiscordHttpError(403, { code: ErrorCode.MissingAccess, message: 'Missing Access' });
    }
    if ((perms & PermissionFlagsBits.SendMessages) === 0n) throw missingPermissions();
    this.assertValid(body, [], true);
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : '';
    if (nonce.length > 25) {
      const errors = new FormErrors();
      errors.add(['nonce'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      throw errors.toError();
    }
    // Discord: with enforce_nonce, a nonce seen in the last few minutes returns the earlier message, not a new one.
    const nonceKey = nonce && body.enforce_nonce === true ? `${channel.id}:${nonce}` : undefined;
    const now = this.options.now();
    const earlier = nonceKey ? this.#nonces.get(nonceKey) : undefined;
    if (earlier && now - earlier.at < NONCE_WINDOW_MS) {
      const record = this.messages.get(earlier.messageId);
      if (record && !record.deleted) return record.message;
    }
    const flags = typeof body.flags === 'number' ? body.flags & EDITABLE_FLAGS : 0;
    const message = this.store({
      message: { ...this.buildMessage(channel.id, body, { flags }), ...(nonce ? { nonce } : {}) },
      visibleTo: null,
      interactionId: null,
      deleted: false,
    }).message;
    if (nonceKey) this.#nonces.set(nonceKey, { messageId: message.id, at: now });
    return message;
  }

  private channelRecord(channelId: string, messageId: string): MessageRecord {
    this.liveChannel(channelId);
    const record = this.messages.get(messageId);
    if (!record || record.visibleTo !== null || record.message.channel_id !== channelId)
      throw unknownMessage();
    return record;
  }

  getChannelMessage(channelId: string, messageId: string): APIMessage {
    return this.channelRecord(channelId, messageId).message;
  }

  listChannelMessages(channelId: string, query: URLSearchParams): APIMessage[] {
    this.liveChannel(channelId);
    const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
    const all = this.channelMessages.get(channelId) ?? [];
    const before = query.get('before');
    const after = query.get('after');
    let selected: MessageRecord[];
    if (after) {
      selected = all.filter((r) => BigInt(r.message.id) > BigInt(after)).slice(0, limit);
    } else {
      const upTo = before ? all.filter((r) => BigInt(r.message.id) < BigInt(before)) : all;
      selected = upTo.slice(-limit);
    }
    // Discord lists newest first.
    return selected.map((r) => r.message).reverse();
  }

  editChannelMessage(channelId: string, messageId: string, body: Json): APIMessage {
    const record = this.channelRecord(channelId, messageId);
    if (record.message.author.id !== this.bot.id) {
      throw new DiscordHttpError(403, {
        code: ErrorCode.CannotEditOtherUsersMessage,
        message: 'Cannot edit a message authored by another user',
      });
    }
    this.assertValid(body);
    return this.applyEdit(record, body).message;
  }

  deleteChannelMessage(channelId: string, messageId: string): void {
    const record = this.channelRecord(channelId, messageId);
    const channel = this.liveChannel(channelId);
    if (
      record.message.author.id !== this.bot.id &&
      (this.permissionsIn(channel, this.bot.id) & PermissionFlagsBits.ManageMessages) === 0n
    ) {
      throw missingPermissions();
    }
    this.deleteRecord(record);
  }

  // ---------------------------------------------------------------- interactions

  registerInteraction(record: InteractionRecord): void {
    this.interactions.set(record.id, record);
    this.#byToken.set(record.token, record);
    this.interactionCount++;
    if (++this.#sincePrune >= 1_000) this.pruneInteractions();
    this.events.emit('interactionCreate', record);
  }

  #sincePrune = 0;

  /** Long sandbox or benchmark runs would otherwise keep every interaction; Discord forgets them after 15 min too. */
  private pruneInteractions(): void {
    this.#sincePrune = 0;
    const cutoff = this.options.now() - this.options.interactionTokenTtlMs;
    for (const [id, record] of this.interactions) {
      if (record.createdAt >= cutoff) break;
      this.interactions.delete(id);
      this.#byToken.delete(record.token);
    }
  }

  interactionStatus(record: InteractionRecord): InteractionStatus {
    if (record.callback) return 'acknowledged';
    return this.options.now() - record.createdAt > this.options.interactionResponseTimeoutMs
      ? 'expired'
      : 'pending';
  }

  private interactionForCallback(id: string, token: string): InteractionRecord {
    const record = this.interactions.get(id);
    if (!record || record.token !== token) throw unknownInteraction();
    if (record.callback) throw alreadyAcknowledged();
    if (this.interactionStatus(record) === 'expired') throw unknownInteraction();
    return record;
  }

  interactionCallback(
    id: string,
    token: string,
    body: Json,
    withResponse: boolean,
  ): RESTPostAPIInteractionCallbackWithResponseResult | null {
    const record = this.interactionForCallback(id, token);
    const type = body.type;
    const data = isRecord(body.data) ? body.data : {};
    const allowed = allowedCallbackTypes(record.type);
    if (typeof type !== 'number' || !allowed.has(type)) {
      const errors = new FormErrors();
      errors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type');
      throw errors.toError();
    }
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    const ephemeral = (flags & EPHEMERAL) !== 0;
    const visibleTo = ephemeral ? record.userId : null;
    let message: APIMessage | undefined;
    switch (type as InteractionResponseType) {
      case InteractionResponseType.ChannelMessageWithSource: {
        this.assertValid(data, ['data'], true);
        message = this.buildMessage(record.channelId, data, {
          flags: flags & (EPHEMERAL | EDITABLE_FLAGS),
          interaction: record,
          type: replyType(record),
        });
        record.originalMessageId = message.id;
        this.store({ message, visibleTo, interactionId: record.id, deleted: false });
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        message = this.buildMessage(
          record.channelId,
          {},
          { flags: LOADING | (flags & EPHEMERAL), interaction: record, type: replyType(record) },
        );
        record.originalMessageId = message.id;
        this.store({ message, visibleTo, interactionId: record.id, deleted: false });
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate: {
        record.originalMessageId = record.sourceMessageId;
        record.sourceAtAck = record.sourceMessageId
          ? (this.messages.get(record.sourceMessageId)?.message ?? null)
          : null;
        break;
      }
      case InteractionResponseType.UpdateMessage: {
        this.assertValid(data, ['data']);
        const source = record.sourceMessageId ? this.messages.get(record.sourceMessageId) : undefined;
        if (!source) throw unknownMessage();
        message = this.applyEdit(source, data).message;
        record.originalMessageId = source.message.id;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const errors = validateAutocompleteChoices(data, ['data']);
        if (!errors.empty) throw errors.toError();
        break;
      }
      case InteractionResponseType.Modal: {
        const errors = new FormErrors();
        if (typeof data.title !== 'string' || data.title.length === 0 || data.title.length > 45) {
          errors.add(['data', 'title'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.');
        }
        if (
          typeof data.custom_id !== 'string' ||
          data.custom_id.length === 0 ||
          data.custom_id.length > 100
        ) {
          errors.add(['data', 'custom_id'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
        }
        if (!errors.empty) throw errors.toError();
        break;
      }
      default:
        break;
    }
    const callback: InteractionCallbackRecord = {
      interactionId: record.id,
      type: type,
      data: isRecord(body.data) ? body.data : null,
      latencyMs: this.options.now() - record.createdAt,
    };
    record.callback = callback;
    this.events.emit('interactionCallback', callback);
    if (!withResponse) return null;
    return {
      interaction: {
        id: record.id,
        type: record.type,
        ...(record.originalMessageId ? { response_message_id: record.originalMessageId } : {}),
        ...(message
          ? {
              response_message_loading: ((message.flags ?? 0) & LOADING) !== 0,
              response_message_ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
            }
          : {}),
      },
      resource: { type: type as InteractionResponseType, ...(message ? { message } : {}) },
    };
  }

  /** The interaction behind a webhook token; Discord accepts it for 15 minutes after the interaction. */
  private interactionForWebhook(applicationId: string, token: string): InteractionRecord {
    if (applicationId !== this.applicationId) throw unknownWebhook();
    const record = this.findInteractionByToken(token);
    if (!record) throw unknownWebhook();
    if (this.options.now() - record.createdAt > this.options.interactionTokenTtlMs) {
      throw new DiscordHttpError(401, {
        code: ErrorCode.InvalidWebhookToken,
        message: 'Invalid Webhook Token',
      });
    }
    if (!record.callback) throw unknownWebhook();
    return record;
  }

  findInteractionByToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }

  private webhookMessage(record: InteractionRecord, messageId: string): MessageRecord {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    if (!id) throw unknownMessage();
    const isOwn = id === record.originalMessageId || record.followUpIds.includes(id);
    const message = this.messages.get(id);
    if (!isOwn || !message) throw unknownMessage();
    if (message.visibleTo === null) this.liveChannel(message.message.channel_id);
    return message;
  }

  getWebhookMessage(applicationId: string, token: string, messageId: string): APIMessage {
    return this.webhookMessage(this.interactionForWebhook(applicationId, token), messageId).message;
  }

  editWebhookMessage(applicationId: string, token: string, messageId: string, body: Json): APIMessage {
    const record = this.interactionForWebhook(applicationId, token);
    const message = this.webhookMessage(record, messageId);
    this.assertValid(body);
    return this.applyEdit(message, body).message;
  }

  deleteWebhookMessage(applicationId: string, token: string, messageId: string): void {
    const record = this.interactionForWebhook(applicationId, token);
    this.deleteRecord(this.webhookMessage(record, messageId));
  }

  /**
   * A follow-up. As on Discord, the first follow-up after a deferred reply replaces the "thinking" message instead of
   * posting a new one (and keeps the deferral's visibility).
   */
  postFollowUp(applicationId: string, token: string, body: Json): APIMessage {
    const record = this.interactionForWebhook(applicationId, token);
    this.assertValid(body, [], true);
    const original = record.originalMessageId ? this.messages.get(record.originalMessageId) : undefined;
    if (original && original.interactionId === record.id && ((original.message.flags ?? 0) & LOADING) !== 0) {
      return this.applyEdit(original, body).message;
    }
    if (!this.channels.get(record.channelId) || this.channel(record.channelId).deleted)
      throw unknownChannel();
    const flags = typeof body.flags === 'number' ? body.flags : 0;
    const ephemeral = (flags & EPHEMERAL) !== 0;
    const message = this.buildMessage(record.channelId, body, {
      flags: flags & (EPHEMERAL | EDITABLE_FLAGS),
      interaction: record,
    });
    // Known as this interaction's before anyone hears of it.
    record.followUpIds.push(message.id);
    this.store({
      message,
      visibleTo: ephemeral ? record.userId : null,
      interactionId: record.id,
      deleted: false,
    });
    return message;
  }

  // ---------------------------------------------------------------- commands

  putCommands(applicationId: string, guildId: string | null, body: unknown): APIApplicationCommand[] {
    if (applicationId !== this.applicationId)
      throw new DiscordHttpError(404, { code: ErrorCode.UnknownApplication, message: 'Unknown Application' });
    if (guildId !== null && !this.guilds.has(guildId))
      throw new DiscordHttpError(404, { code: ErrorCode.UnknownGuild, message: 'Unknown Guild' });
    const errors = validateCommands(body);
    if (!errors.empty) throw errors.toError();
    const target = guildId === null ? this.globalCommands : this.guildCommandMap(guildId);
    const previous = new Map([...target.values()].map((c) => [`${c.type}:${c.name}`, c]));
    target.clear();
    for (const raw of body as Json[]) {
      const type = typeof raw.type === 'number' ? raw.type : 1;
      const existing = previous.get(`${type}:${String(raw.name)}`);
      const command = {
        ...raw,
        id: existing?.id ?? this.ids.next(),
        application_id: this.applicationId,
        version: this.ids.next(),
        type,
        description: typeof raw.description === 'string' ? raw.description : '',
        default_member_permissions: (raw.default_member_permissions as string | null | undefined) ?? null,
        nsfw: raw.nsfw === true,
        ...(guildId === null ? {} : { guild_id: guildId }),
      } as APIApplicationCommand;
      target.set(command.id, command);
    }
    return [...target.values()];
  }

  getCommands(applicationId: string, guildId: string | null): APIApplicationCommand[] {
    if (applicationId !== this.applicationId)
      throw new DiscordHttpError(404, { code: ErrorCode.UnknownApplication, message: 'Unknown Application' });
    return [...(guildId === null ? this.globalCommands : this.guildCommandMap(guildId)).values()];
  }

  guildCommandMap(guildId: string): Map<string, APIApplicationCommand> {
    let map = this.guildCommands.get(guildId);
    if (!map) {
      map = new Map();
      this.guildCommands.set(guildId, map);
    }
    return map;
  }

  /** The command a user in `guildId` sees under `name`: a guild command shadows a global one. */
  findCommand(
    guildId: string,
    name: string,
    type = ApplicationCommandType.ChatInput,
  ): APIApplicationCommand | undefined {
    const matches = (c: APIApplicationCommand) => c.name === name && c.type === type;
    return (
      [...this.guildCommandMap(guildId).values()].find(matches) ??
      [...this.globalCommands.values()].find(matches)
    );
  }

  recordError(error: RecordedError): void {
    this.errors.push(error);
    this.events.emit('errorResponse', error);
  }

  allPermissions(): bigint {
    return ALL_PERMISSIONS;
  }
}

function allowedCallbackTypes(type: InteractionType): Set<number> {
  switch (type) {
    case InteractionType.ApplicationCommand:
      return new Set([
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.Modal,
      ]);
    case InteractionType.MessageComponent:
      return new Set([
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
        InteractionResponseType.Modal,
      ]);
    case InteractionType.ApplicationCommandAutocomplete:
      return new Set([InteractionResponseType.ApplicationCommandAutocompleteResult]);
    case InteractionType.ModalSubmit:
      return new Set([
        InteractionResponseType.ChannelMessageWithSource,
        InteractionResponseType.DeferredChannelMessageWithSource,
        InteractionResponseType.DeferredMessageUpdate,
        InteractionResponseType.UpdateMessage,
      ]);
    default:
      return new Set();
  }
}

function replyType(record: InteractionRecord): MessageType {
  return record.type === InteractionType.ApplicationCommand
    ? MessageType.ChatInputCommand
    : MessageType.Default;
}
