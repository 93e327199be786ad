// The real bot in a process of its own, logged into a fake Discord that the test process runs: what SIGKILL and
// SIGTERM tests start, kill and start again. Env: FAKE_REST_URL, FAKE_TOKEN, DATA_DIR, PACKS_DIR.
import { ALL_COMMANDS } from '../../src/adapters/discord/commands/definitions.ts';
import { parseConfig } from '../../src/config.ts';
import { startPlotTrivia, stopOnSignals } from '../../src/main.ts';

const restUrl = process.env.FAKE_REST_URL;
const token = process.env.FAKE_TOKEN;
if (!restUrl || !token) throw new Error('FAKE_REST_URL and FAKE_TOKEN are required');
const parsed = parseConfig({ DATA_DIR: process.env.DATA_DIR, LOG_LEVEL: 'info' });
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

const bot = await startPlotTrivia({
  config: parsed.config,
  token,
  discordRestApi: restUrl,
  timing: { firstQuestionDelayMs: 100, revealPauseMs: 300 },
  ...(process.env.PACKS_DIR ? { packsDir: process.env.PACKS_DIR } : {}),
});
await bot.client.application.commands.set(ALL_COMMANDS);
stopOnSignals(bot);
bot.logger.info({ pid: process.pid }, 'bot process ready');
