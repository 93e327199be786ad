import type { Config } from '../../config.ts';
import type { RunningBot, RuntimeOptions } from '../../runtime.ts';
import { ALL_COMMANDS } from '../discord/commands/definitions.ts';
import { FakeDiscord } from './fake-discord/index.ts';

type Start = (options: RuntimeOptions) => Promise<RunningBot>;

/** `npm start` without a token: the unmodified bot against an in-process fake Discord, played in the terminal. */
export async function runSandbox(config: Config, start: Start): Promise<void> {
  const fake = await FakeDiscord.start();
  const bot = await start({ config, token: fake.token, discordRestApi: fake.restUrl });
  await bot.client.application.commands.set(ALL_COMMANDS);
  console.log(
    'Local sandbox: the terminal player is not built yet. Set DISCORD_TOKEN in .env to connect to Discord.',
  );
  await bot.stop();
  await fake.close();
}
