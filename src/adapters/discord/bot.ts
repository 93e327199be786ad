import {
  Client,
  Events,
  GatewayIntentBits,
  OAuth2Scopes,
  Options,
  PermissionFlagsBits,
  type Interaction,
} from 'discord.js';
import type { AppLogger } from '../../app/logger-port.ts';
import { DISCORD_GLOBAL_PER_SECOND, GlobalPacer, PACING_MARGIN_MS, pacedRequests } from './global-pacer.ts';

/** What the bot needs in a channel: read it, post embeds with buttons, edit its own messages. */
export const REQUIRED_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

export interface DiscordClientOptions {
  /** Another Discord API base (the local fake); unset for discord.com. */
  restApi?: string;
  shards?: number[];
  shardCount?: number;
  /**
   * The bot's global limit: Discord's 50 requests/s unless Discord granted more. Also for the local fake in
   * benchmarks, which would otherwise spend minutes posting 1,000 games' messages. Interaction callbacks, the answer
   * path, are exempt either way (@discordjs/rest sends them through its BurstHandler, outside the global count).
   */
  globalRequestsPerSecond?: number;
}

/**
 * What discord.js keeps in memory. The bot reads only guilds, their channels and roles, and its own member (the
 * daily channel's permission check); everything else an interaction needs comes in its payload. By default every
 * interaction would also cache its member and user for good, and every clicked message (up to 200 per channel),
 * and each server's emojis and stickers arrive with it: growth with players and games that nothing reads.
 */
const CACHE_LIMITS = Options.cacheWithLimits({
  MessageManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member, id) => id === member.client.user.id },
  UserManager: { maxSize: 0, keepOverLimit: (user, id) => id === user.client.user?.id },
  PresenceManager: 0,
  VoiceStateManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  ThreadMemberManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  StageInstanceManager: 0,
  AutoModerationRuleManager: 0,
});

/** Guilds intent only: answers come from buttons, so no privileged intent (message content) is needed. */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  const perSecond = options.globalRequestsPerSecond ?? DISCORD_GLOBAL_PER_SECOND;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache: CACHE_LIMITS,
    rest: {
      ...(options.restApi ? { api: options.restApi } : {}),
      globalRequestsPerSecond: perSecond,
      // discord.js's fixed windows can disagree with Discord's and meet a 429 when many requests go at once (a
      // daily fan-out): the pacer keeps every window Discord could count under the limit (global-pacer.ts).
      makeRequest: pacedRequests(new GlobalPacer({ limit: perSecond, windowMs: 1000 + PACING_MARGIN_MS })),
    },
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.shardCount ? { shardCount: options.shardCount } : {}),
  });
}

export function inviteUrl(client: Client<true>): string {
  return client.generateInvite({
    scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands],
    permissions: REQUIRED_PERMISSIONS,
  });
}

/** Logs in and resolves when the gateway is ready; interactions go to `onInteraction`. */
export async function connectBot(
  client: Client,
  token: string,
  onInteraction: (interaction: Interaction) => Promise<void>,
  logger: AppLogger,
): Promise<Client<true>> {
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error: unknown) =>
      logger.error({ err: error, interactionId: interaction.id }, 'unhandled interaction failure'),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway resumed'));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  const readyClient = await ready;
  logger.info(
    {
      application: readyClient.application.id,
      user: readyClient.user.tag,
      servers: readyClient.guilds.cache.size,
      invite: inviteUrl(readyClient),
    },
    `connected to Discord as ${readyClient.user.tag} (application ${readyClient.application.id}) in ${readyClient.guilds.cache.size} servers`,
  );
  return readyClient;
}
