// The one cron job of the daily challenge: every minute, post whatever is due. Which servers are due, and that
// each posts once, is decided by DailyService and the database; this file only drives it on time.
import cron, { type ScheduledTask } from 'node-cron';
import type { AppLogger } from '../../app/logger-port.ts';
import type { Clock } from '../../core/ports.ts';

export interface DailyTicker {
  /** `signal` aborts when the job stops: the run starts no further server and ends once those in progress do. */
  runDueServers(now: number, options: { signal: AbortSignal }): Promise<unknown>;
}

export interface DailyJobOptions {
  service: DailyTicker;
  clock: Clock;
  logger: AppLogger;
  name?: string;
  /** Every minute by default. The time zone only affects the cron expression: servers' zones are in the data. */
  expression?: string;
  timezone?: string;
  /** Run one tick right away, so a restart posts what it missed without waiting for the next minute. */
  runOnStart?: boolean;
  /** false: no cron task; only `tick()` runs the job (tests that move a manual clock). Default true. */
  scheduled?: boolean;
}

export interface DailyJob {
  readonly name: string;
  /** One tick, as cron runs it: errors are logged, never thrown. Tests call this instead of waiting. */
  tick(): Promise<void>;
  /**
   * Stops the schedule, tells a tick in progress to start no further server, and waits for the servers it is
   * serving (shutdown: gateway, scheduler, then database). The servers it did not reach are posted by the next run.
   */
  stop(): Promise<void>;
}

export const DAILY_JOB_NAME = 'daily-challenge';

export function startDailyJob(options: DailyJobOptions): DailyJob {
  const name = options.name ?? DAILY_JOB_NAME;
  let running: Promise<void> | undefined;
  let stopped = false;
  // One for the job's life: stop() aborts it, which cuts the fan-out of the tick in progress.
  const stopping = new AbortController();

  const tick = (): Promise<void> => {
    // noOverlap covers cron's own ticks; this also covers a manual tick (runOnStart, tests) racing one.
    if (running) return running;
    if (stopped) return Promise.resolve();
    const startedAt = options.clock.now();
    running = (async () => {
      try {
        await options.service.runDueServers(startedAt, { signal: stopping.signal });
      } catch (error) {
        options.logger.error({ err: error, job: name }, 'daily job tick failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const task: ScheduledTask | undefined =
    options.scheduled === false
      ? undefined
      : cron.schedule(options.expression ?? '* * * * *', () => tick(), {
          name,
          timezone: options.timezone ?? 'UTC',
          noOverlap: true,
        });
  if (options.runOnStart) {
    tick().catch(() => undefined); // tick never rejects; this only satisfies the floating-promise rule
  }

  return {
    name,
    tick,
    async stop() {
      stopped = true;
      stopping.abort();
      await task?.stop();
      await task?.destroy();
      if (running) await running;
    },
  };
}
