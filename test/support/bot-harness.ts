import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { ALL_COMMANDS } from '../../src/adapters/discord/commands/definitions.ts';
import {
  FakeDiscord,
  type FakeChannel,
  type FakeGuild,
} from '../../src/adapters/sandbox/fake-discord/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startPlotTrivia, type RunningBot } from '../../src/main.ts';
import type { Database } from '../../src/adapters/db/database.ts';
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
  database: Database;
  /** Waits until the game has armed its next timer (posting comes first), then moves time forward. */
  advance(ms: number): Promise<void>;
  /** One tick of the daily job of `bot` (default: the harness's), as cron would run it at the clock's time. */
  tickDaily(bot?: RunningBot): Promise<void>;
  /** Another bot on the same fake Discord, database and clock (a second process or shard); closed by close(). */
  startBot(options?: BotOptions): Promise<RunningBot>;
  /** Stops `bot` (the database stays open); a stopped bot is not stopped again by close(). */
  stopBot(bot: RunningBot): Promise<void>;
  /** Stops the harness's bot and starts a new one on the same database: a restart. */
  restart(options?: BotOptions): Promise<RunningBot>;
  close(): Promise<void>;
}

export interface BotOptions {
  shards?: number[];
  shardCount?: number;
}

/**
 * The real bot (main.ts wiring, real discord.js) against the fake Discord and a fresh database of `kind`. The
 * daily job has no cron task here: tests move the manual clock and call `tickDaily()`.
 */
export async function startHarness(
  kind: DatabaseKind,
  options: { packsDir?: string; guildId?: string; startAt?: number } & BotOptions = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const guild = fake.createGuild({
    name: 'Test Server',
    ...(options.guildId ? { id: options.guildId } : {}),
  });
  const channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
  const time = new ManualTime(options.startAt);
  const logs: string[] = [];
  const parsed = parseConfig({ LOG_LEVEL: 'info' });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const config = parsed.config;
  const database = await freshDatabase(kind);
  const running = new Set<RunningBot>();

  const startBot = async (bot: BotOptions = {}): Promise<RunningBot> => {
    const started = await startPlotTrivia({
      config,
      token: fake.token,
      discordRestApi: fake.restUrl,
      database,
      sharedDatabase: true,
      dailySchedule: false,
      logger: createLogger({ level: 'info', secrets: [fake.token], write: (line) => logs.push(line) }),
      clock: time,
      timers: time,
      timing: { firstQuestionDelayMs: 1000, revealPauseMs: 2000 },
      packsDir: options.packsDir ?? FIXTURE_PACKS,
      ...(bot.shards ? { shards: bot.shards } : {}),
      ...(bot.shardCount ? { shardCount: bot.shardCount } : {}),
    });
    running.add(started);
    return started;
  };
  const stopBot = async (bot: RunningBot) => {
    if (!running.delete(bot)) return;
    await bot.stop();
  };

  const first = await startBot(options);
  await first.client.application.commands.set(ALL_COMMANDS);
  const harness: Harness = {
    fake,
    bot: first,
    time,
    guild,
    channel,
    logs,
    database,
    async advance(ms: number) {
      await waitFor(() => time.pendingCount > 0);
      time.advance(ms);
    },
    tickDaily: (bot = harness.bot) => bot.dailyJob.tick(),
    startBot,
    stopBot,
    async restart(bot?: BotOptions) {
      await stopBot(harness.bot);
      harness.bot = await startBot(bot ?? options);
      return harness.bot;
    },
    async close() {
      for (const bot of [...running]) await stopBot(bot);
      await database.close();
      await fake.close();
    },
  };
  return harness;
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
