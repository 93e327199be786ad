// The composition root: the only file that builds concrete objects. Run directly, it reads the environment and
// starts the bot (or, without a token, the local sandbox); tests call startPlotTrivia with their own parts.
import 'dotenv/config';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdminService } from './app/admin-service.ts';
import { CachedSettingsStore } from './app/cached-settings.ts';
import { DailyService } from './app/daily-service.ts';
import { GameService } from './app/game-service.ts';
import { LeaderboardService } from './app/leaderboard-service.ts';
import { parsePack } from './core/questions/pack-format.ts';
import { createRng } from './core/random.ts';
import { PrismaDailyStore } from './adapters/db/daily-store.ts';
import { openDatabase } from './adapters/db/database.ts';
import { PrismaGameStore } from './adapters/db/game-store.ts';
import { PrismaLeaderboardStore } from './adapters/db/leaderboard-store.ts';
import { answersPerWrite, databaseOptions } from './adapters/db/options.ts';
import { syncPacks } from './adapters/db/pack-sync.ts';
import { PrismaPlayerStatsStore } from './adapters/db/player-stats-store.ts';
import { PrismaSettingsStore } from './adapters/db/settings-store.ts';
import { DiscordGameAnnouncer } from './adapters/discord/announcer.ts';
import { connectBot, createDiscordClient } from './adapters/discord/bot.ts';
import { adminHandlers } from './adapters/discord/commands/admin.ts';
import { dailyHandlers } from './adapters/discord/commands/daily.ts';
import { DiscordDailyPublisher } from './adapters/discord/daily-publisher.ts';
import { leaderboardHandlers } from './adapters/discord/commands/leaderboard.ts';
import { autocompleteTimeZone } from './adapters/discord/commands/time-zones.ts';
import { createRouter } from './adapters/discord/router.ts';
import { InMemoryQuestionBank, loadPacks } from './adapters/questions/pack-bank.ts';
import { startDailyJob } from './adapters/scheduler/daily-job.ts';
import { systemTimers } from './adapters/timers.ts';
import { parseConfig } from './config.ts';
import type { RunningBot, RuntimeOptions } from './runtime.ts';
import { createLogger } from './logger.ts';

export type { RunningBot, RuntimeOptions };

export const PACKS_DIR = path.resolve(import.meta.dirname, '..', 'questions', 'packs');

export async function startPlotTrivia(options: RuntimeOptions): Promise<RunningBot> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: [options.token] });
  const clock = options.clock ?? { now: () => Date.now() };
  const database = options.database ?? (await openDatabase(databaseOptions(config)));
  try {
    const migration = await database.migrate();
    logger.info({ database: database.description, applied: migration.applied }, 'database ready');

    const loaded = await loadPacks(options.packsDir ?? PACKS_DIR, parsePack);
    for (const rejected of loaded.rejected) logger.warn(rejected, 'question pack rejected');
    await syncPacks(database.prisma, loaded.packs);
    const bank = new InMemoryQuestionBank(loaded.packs.map((entry) => entry.pack));

    const settings = new CachedSettingsStore(new PrismaSettingsStore(database.prisma));
    const client = createDiscordClient({
      ...(options.discordRestApi ? { restApi: options.discordRestApi } : {}),
      ...(options.shards ? { shards: options.shards } : {}),
      ...(options.shardCount ? { shardCount: options.shardCount } : {}),
      ...(options.globalRequestsPerSecond
        ? { globalRequestsPerSecond: options.globalRequestsPerSecond }
        : {}),
    });
    const games = new GameService({
      games: new PrismaGameStore(database.prisma),
      settings,
      bank,
      announcer: new DiscordGameAnnouncer(client.rest, logger),
      clock,
      timers: options.timers ?? systemTimers(),
      rng: { create: createRng },
      logger,
      ...(options.timing ? { timing: options.timing } : {}),
      maxAnswersPerWrite: answersPerWrite(database.kind),
    });
    const daily = new DailyService({
      store: new PrismaDailyStore(database.prisma),
      settings,
      bank,
      publisher: new DiscordDailyPublisher(client.rest, logger),
      clock,
      logger,
      // Each shard posts for the guilds its gateway session received.
      ownsGuild: (guildId) => client.guilds.cache.has(guildId),
    });
    const context = { games, settings, bank, clock, logger };
    const admin = adminHandlers(context, new AdminService(settings, bank, clock), daily);
    const dailyUi = dailyHandlers(context, daily);
    const boards = leaderboardHandlers(
      context,
      new LeaderboardService({
        leaderboard: new PrismaLeaderboardStore(database.prisma),
        playerStats: new PrismaPlayerStatsStore(database.prisma),
        settings,
      }),
    );
    const router = createRouter(context, {
      commands: {
        'trivia-admin': admin.command,
        daily: dailyUi.command,
        leaderboard: boards.leaderboard,
        stats: boards.stats,
        // Only `/trivia forget-me` reaches this: the router handles the other trivia subcommands itself.
        trivia: boards.trivia,
      },
      buttons: [admin.button, dailyUi.button, boards.button],
      autocomplete: {
        'trivia-admin:timezone': autocompleteTimeZone,
      },
    });
    // Interactions being handled when a stop begins still get their answer before the gateway and database close.
    const inFlight = new Set<Promise<void>>();
    const tracked = (interaction: Parameters<typeof router>[0]): Promise<void> => {
      const handling = router(interaction);
      inFlight.add(handling);
      return handling.finally(() => inFlight.delete(handling));
    };
    const ready = await connectBot(client, options.token, tracked, logger);
    const interrupted = await games.closeInterruptedGames();
    if (interrupted > 0) logger.warn({ games: interrupted }, 'closed games interrupted by the last shutdown');
    const scheduled = options.dailySchedule !== false;
    const dailyJob = startDailyJob({ service: daily, clock, logger, scheduled, runOnStart: scheduled });

    return {
      client: ready,
      database,
      games,
      daily,
      dailyJob,
      logger,
      async stop() {
        await games.shutdown();
        await settleWithin([...inFlight], STOP_DRAIN_MS);
        await ready.destroy();
        // Waits for a tick in progress: it must not write to a closed database.
        await dailyJob.stop();
        if (!options.sharedDatabase) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}

/** How long a stop waits for interactions in flight (Discord gives them 3 s anyway). */
const STOP_DRAIN_MS = 5000;

async function settleWithin(work: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  await Promise.race([Promise.allSettled(work), timeout]).finally(() => clearTimeout(timer));
}

/** SIGINT / SIGTERM stop the bot gracefully once, then exit 0 (1 when the stop failed). */
export function stopOnSignals(bot: Pick<RunningBot, 'stop' | 'logger'>): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    bot.logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => {
        bot.logger.info({ signal }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        bot.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function runFromEnvironment(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    for (const error of parsed.errors) console.error(`config: ${error}`);
    process.exit(1);
  }
  const config = parsed.config;
  if (!config.discordToken) {
    const { runSandbox } = await import('./adapters/sandbox/run-sandbox.ts');
    await runSandbox(config, startPlotTrivia);
    return;
  }
  const bot = await startPlotTrivia({
    config,
    token: config.discordToken,
    // SHARD_COUNT: this process runs every shard (discord.js internal sharding); each shard's servers and daily
    // posts are its own, as the end-to-end shard tests check with one shard per client.
    ...(config.shardCount
      ? { shardCount: config.shardCount, shards: Array.from({ length: config.shardCount }, (_, id) => id) }
      : {}),
  });
  stopOnSignals(bot);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runFromEnvironment().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
