import {
  Client,
  Events,
  GatewayIntentBits,
  OAuth2Scopes,
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

/** Guilds intent only: answers come from buttons, so no privileged intent (message content) is needed. */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  const perSecond = options.globalRequestsPerSecond ?? DISCORD_GLOBAL_PER_SECOND;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
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
