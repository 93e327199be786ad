import type { DatabaseOptions } from '../../src/adapters/db/database.ts';

export type ChildRequest =
  | {
      type: 'start';
      mode: 'bot' | 'bare';
      restUrl: string;
      token: string;
      database: DatabaseOptions;
      now: number;
      globalRequestsPerSecond?: number;
    }
  /** Moves ManualTime by `ms` once at least `whenPending` timers are armed. */
  | { type: 'advance'; ms: number; whenPending: number }
  /** settle: first wait for the process to go idle and collect garbage (memory figures). */
  | { type: 'status'; settle?: boolean }
  /** One run of the daily job (the bot is started without its cron schedule). */
  | { type: 'dailyTick' }
  | { type: 'stop' };

export type ChildReply =
  | { type: 'ready'; startupMs: number }
  | { type: 'advanced' }
  | { type: 'ticked'; ms: number }
  | {
      type: 'status';
      rss: number;
      heapUsed: number;
      /** Memory outside the JS heap that V8 knows of (buffers, WebAssembly memories). */
      external: number;
      /** The highest RSS the process reached so far. */
      peakRss: number;
      runningGames: number;
      answerWrites: { statements: number; answers: number };
      pendingTimers: number;
      errorLogs: number;
      warnLogs: number;
      lastError: string;
      /** process.cpuUsage() since start, ms. */
      cpuMs: number;
      /** Event loop delay since the last status, ms. */
      loopDelayP99Ms: number;
      loopDelayMaxMs: number;
    }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };
