import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { FakeDiscord } from '../../../src/adapters/sandbox/fake-discord/index.ts';

/** A real discord.js client logged into the fake; resolves once `ready` fired. */
export async function loginClient(
  fake: FakeDiscord,
  options: Partial<ClientOptions> = {},
): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...options,
    rest: { api: fake.restUrl, ...options.rest },
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  return ready;
}
