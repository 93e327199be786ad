// `npm run deploy:commands`: registers the slash commands for DEV_GUILD_ID when set (instant), else globally.
// `npm run --silent deploy:commands -- --print` prints the JSON it would send and touches nothing.
import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { parseConfig } from '../../config.ts';
import { ALL_COMMANDS } from './commands/definitions.ts';

const print = process.argv.includes('--print');
if (print) {
  process.stdout.write(`${JSON.stringify(ALL_COMMANDS, null, 2)}\n`);
  process.exit(0);
}

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  for (const error of parsed.errors) console.error(`config: ${error}`);
  process.exit(1);
}
const { discordToken, applicationId: configuredId, devGuildId } = parsed.config;
if (!discordToken) {
  console.error('DISCORD_TOKEN is not set (see .env.example). Nothing was registered.');
  process.exit(1);
}
const rest = new REST().setToken(discordToken);
try {
  const applicationId = configuredId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = devGuildId
    ? Routes.applicationGuildCommands(applicationId, devGuildId)
    : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body: ALL_COMMANDS })) as unknown[];
  console.log(
    `Registered ${saved.length} commands ${devGuildId ? `in server ${devGuildId}` : 'globally (may take up to an hour to appear)'}.`,
  );
} catch (error) {
  console.error(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
