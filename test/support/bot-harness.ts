import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { ALL_COMMANDS } from '../../src/adapters/discord/commands/definitions.ts';
import type { Database } from '../../src/adapters/db/database.ts';
import {
  FakeDiscord,
  type FakeChannel,
  type FakeDiscordOptions,
  type FakeGuild,
} from '../../src/adapters/sandbox/fake-discord/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startPlotTrivia, type RunningBot } from '../../src/main.ts';
import { freshDatabase, type DatabaseKind } from './databases.ts';
import { ManualTime } from './manual-time.ts';

export const FIXTURE_PACKS = path.resolve(import.meta.dirname, '..', 'fixtures', 'packs');

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  time: ManualTime;
  guild: FakeGuild;
  channel: FakeChannel;
  logs: string[];
  /** Waits until the game has armed its next timer (posting comes first), then moves time forward. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** The real bot (main.ts wiring, real discord.js) against the fake Discord and a fresh database of `kind`. */
export async function startHarness(
  kind: DatabaseKind,
  options: {
    packsDir?: string;
    fake?: FakeDiscordOptions;
    /** Wraps the fresh database before the bot gets it (e.g. to keep it open after the bot stops). */
    database?: (fresh: Database) => Database;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const guild = fake.createGuild({ name: 'Test Server' });
  const channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
  const time = new ManualTime();
  const logs: string[] = [];
  const parsed = parseConfig({ LOG_LEVEL: 'info' });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const bot = await startPlotTrivia({
    config: parsed.config,
    token: fake.token,
    discordRestApi: fake.restUrl,
    database: (options.database ?? ((fresh: Database) => fresh))(await freshDatabase(kind)),
    logger: createLogger({ level: 'info', secrets: [fake.token], write: (line) => logs.push(line) }),
    clock: time,
    timers: time,
    timing: { firstQuestionDelayMs: 1000, revealPauseMs: 2000 },
    packsDir: options.packsDir ?? FIXTURE_PACKS,
  });
  await bot.client.application.commands.set(ALL_COMMANDS);
  return {
    fake,
    bot,
    time,
    guild,
    channel,
    logs,
    async advance(ms: number) {
      await waitFor(() => time.pendingCount > 0);
      time.advance(ms);
    },
    async close() {
      await bot.stop();
      await fake.close();
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the game to arm a timer');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function embedText(message: APIMessage): string {
  return message.embeds
    .map((embed) =>
      [embed.title, embed.description, ...(embed.fields ?? []).map((f) => `${f.name}\n${f.value}`)].join(
        '\n',
      ),
    )
    .join('\n');
}
