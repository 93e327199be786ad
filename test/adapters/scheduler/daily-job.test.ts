import cron from 'node-cron';
import { afterEach, expect, it, describe } from 'vitest';
import { startDailyJob, type DailyJob } from '../../../src/adapters/scheduler/daily-job.ts';
import { FakeClock, MemoryLogger } from '../../support/daily-fakes.ts';

describe('daily cron job', () => {
  let job: DailyJob | undefined;
  afterEach(async () => {
    await job?.stop();
    job = undefined;
  });

  it('when it ticks, then the service runs at the injected clock time', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 22, 9));
    const calls: number[] = [];
    job = startDailyJob({
      service: { runDueServers: (now) => Promise.resolve(calls.push(now)) },
      clock,
      logger: new MemoryLogger(),
    });
    await job.tick();
    clock.set(clock.now() + 60_000);
    await job.tick();
    expect(calls).toEqual([Date.UTC(2026, 10, 22, 9), Date.UTC(2026, 10, 22, 9, 1)]);
  });

  it('when it is scheduled, then it is one named task every minute in UTC', () => {
    job = startDailyJob({
      service: { runDueServers: () => Promise.resolve() },
      clock: new FakeClock(0),
      logger: new MemoryLogger(),
      name: 'daily-test',
    });
    const tasks = [...cron.getTasks().values()].filter((task) => task.name === 'daily-test');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.getPattern()).toBe('* * * * *');
  });

  it('when a tick fails, then the error is logged and the next tick still runs', async () => {
    const logger = new MemoryLogger();
    let calls = 0;
    job = startDailyJob({
      service: {
        runDueServers: () => (++calls === 1 ? Promise.reject(new Error('db down')) : Promise.resolve()),
      },
      clock: new FakeClock(0),
      logger,
    });
    await expect(job.tick()).resolves.toBeUndefined();
    await job.tick();
    expect(calls).toBe(2);
    expect(logger.lines).toMatchObject([{ level: 'error', message: 'daily job tick failed' }]);
  });

  it('when ticks overlap or the job stops mid-tick, then one run happens, is told to stop, and stop waits for it', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    let finished = false;
    let signal: AbortSignal | undefined;
    job = startDailyJob({
      service: {
        runDueServers: async (_now, options) => {
          calls++;
          signal = options.signal;
          await new Promise<void>((resolve) => (release = resolve));
          finished = true;
        },
      },
      clock: new FakeClock(0),
      logger: new MemoryLogger(),
      name: 'daily-stop-test',
    });
    const first = job.tick();
    const second = job.tick();
    expect(signal?.aborted).toBe(false);
    const stopping = job.stop();
    // The run starts no further server; the ones it is serving finish before stop() resolves.
    expect(signal?.aborted).toBe(true);
    expect(finished).toBe(false);
    release();
    await Promise.all([first, second, stopping]);
    expect(calls).toBe(1);
    expect(finished).toBe(true);
    expect([...cron.getTasks().values()].some((task) => task.name === 'daily-stop-test')).toBe(false);
    await job.tick(); // stopped: nothing more runs
    expect(calls).toBe(1);
    job = undefined;
  });
});
