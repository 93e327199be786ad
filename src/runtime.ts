// What the composition root takes and returns; a separate file so adapters (the sandbox) can name these types
// without importing main.ts itself.
import type { Client } from 'discord.js';
import type { DailyService } from './app/daily-service.ts';
import type { GameService, GameTiming } from './app/game-service.ts';
import type { DailyJob } from './adapters/scheduler/daily-job.ts';
import type { Clock, Timers } from './core/ports.ts';
import type { Database } from './adapters/db/database.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

export interface RuntimeOptions {
  config: Config;
  /** The Discord token to log in with (the sandbox passes its fake's). */
  token: string;
  /** Another Discord API base, for the local fake. */
  discordRestApi?: string;
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
  logger?: Logger;
  clock?: Clock;
  timers?: Timers;
  timing?: GameTiming;
  packsDir?: string;
  shards?: number[];
  shardCount?: number;
  /** A higher client-side global REST pace than Discord's 50/s (benchmarks against the local fake). */
  globalRequestsPerSecond?: number;
  /**
   * false: the daily job has no cron task and no catch-up tick at start; whoever started the bot drives it with
   * `dailyJob.tick()` (tests with a manual clock). Default true.
   */
  dailySchedule?: boolean;
  /** The database is shared with other instances (tests): stop() leaves it open for its owner to close. */
  sharedDatabase?: boolean;
}

export interface RunningBot {
  client: Client<true>;
  database: Database;
  games: GameService;
  daily: DailyService;
  dailyJob: DailyJob;
  logger: Logger;
  /** Graceful: stop taking games, finish writes, close the gateway, the daily job (its tick ends), the database. */
  stop(): Promise<void>;
}
