import {
  Client,
  Events,
  GatewayIntentBits,
  OAuth2Scopes,
  PermissionFlagsBits,
  type Interaction,
} from 'discord.js';
import type { AppLogger } from '../../app/logger-port.ts';

/** What the bot needs in a channel: read it, post embeds with buttons, edit its own messages. */
export const REQUIRED_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

export interface DiscordClientOptions {
  /** Another Discord API base (the local fake); unset for discord.com. */
  restApi?: string;
  shards?: number[];
  shardCount?: number;
  /**
   * discord.js paces every non-interaction request to 50/s by default, Discord's global limit. Only for a Discord
   * that allows more: the local fake in benchmarks, which would otherwise spend minutes posting 1,000 games'
   * messages (large bots can also be granted a higher limit by Discord). Interaction callbacks, the answer path,
   * are exempt either way (@discordjs/rest sends them through its BurstHandler, outside the global count).
   */
  globalRequestsPerSecond?: number;
}

/** Guilds intent only: answers come from buttons, so no privileged intent (message content) is needed. */
export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.restApi || options.globalRequestsPerSecond
      ? {
          rest: {
            ...(options.restApi ? { api: options.restApi } : {}),
            ...(options.globalRequestsPerSecond
              ? { globalRequestsPerSecond: options.globalRequestsPerSecond }
              : {}),
          },
        }
      : {}),
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
