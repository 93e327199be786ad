// Runs in its own process (bench/lib/bot-process.ts forks it), so the bot under test has its own event loop and
// its resident memory is its own: the fake Discord and the simulated players stay in the parent.
//   mode "bot":  the real bot (startPlotTrivia, real discord.js), ManualTime so rounds close only when told
//   mode "bare": a bare discord.js client that acknowledges every click with no work (the reference)
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { RunningBot } from '../../src/main.ts';
import type { ManualTime } from '../../test/support/manual-time.ts';
import type { ChildReply, ChildRequest } from './bot-protocol.ts';

let bot: RunningBot | undefined;
let bare: Client | undefined;
let time: ManualTime | undefined;
const problems = { errorLogs: 0, warnLogs: 0, lastError: '' };
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function send(reply: ChildReply): void {
  process.send?.(reply);
}

async function start(request: Extract<ChildRequest, { type: 'start' }>): Promise<void> {
  const started = performance.now();
  if (request.mode === 'bare') {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: request.restUrl } });
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isButton()) return;
      interaction.reply({ content: 'Locked in: A', flags: MessageFlags.Ephemeral }).catch(() => {
        problems.errorLogs++;
      });
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(request.token);
    await ready;
    bare = client;
  } else {
    // Loaded here, not at the top: the bare reference's memory is discord.js alone, not the bot's modules.
    const [
      { openDatabase },
      { ALL_COMMANDS },
      { parseConfig },
      { createLogger },
      { startPlotTrivia },
      { ManualTime },
    ] = await Promise.all([
      import('../../src/adapters/db/database.ts'),
      import('../../src/adapters/discord/commands/definitions.ts'),
      import('../../src/config.ts'),
      import('../../src/logger.ts'),
      import('../../src/main.ts'),
      import('../../test/support/manual-time.ts'),
    ]);
    const parsed = parseConfig({ LOG_LEVEL: 'warn' });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    time = new ManualTime(request.now);
    bot = await startPlotTrivia({
      config: parsed.config,
      token: request.token,
      discordRestApi: request.restUrl,
      database: await openDatabase(request.database),
      logger: createLogger({
        level: 'warn',
        secrets: [request.token],
        write: (line) => {
          const level = (JSON.parse(line) as { level?: number }).level ?? 0;
          if (level >= 50) {
            problems.errorLogs++;
            problems.lastError = line.slice(0, 500);
          } else if (level >= 40) problems.warnLogs++;
        },
      }),
      clock: time,
      timers: time,
      timing: { firstQuestionDelayMs: 1000, revealPauseMs: 2000 },
      // The daily job runs when the parent says (dailyTick), on the ManualTime clock.
      dailySchedule: false,
      ...(request.globalRequestsPerSecond
        ? { globalRequestsPerSecond: request.globalRequestsPerSecond }
        : {}),
    });
    await bot.client.application.commands.set(ALL_COMMANDS);
  }
  send({ type: 'ready', startupMs: performance.now() - started });
}

async function handle(request: ChildRequest): Promise<void> {
  switch (request.type) {
    case 'start':
      await start(request);
      return;
    case 'advance': {
      // As the e2e harness: wait until the games have armed their timers (posting comes first), then move time.
      const deadline = Date.now() + 120_000;
      while ((time?.pendingCount ?? 0) < request.whenPending) {
        if (Date.now() > deadline) throw new Error(`only ${time?.pendingCount} timers armed`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      time?.advance(request.ms);
      send({ type: 'advanced' });
      return;
    }
    case 'dailyTick': {
      if (!bot) throw new Error('no bot');
      const started = performance.now();
      await bot.dailyJob.tick();
      send({ type: 'ticked', ms: performance.now() - started });
      return;
    }
    case 'status': {
      if (request.settle) await settle();
      const cpu = process.cpuUsage();
      const loop = { loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6 };
      loopDelay.reset();
      global.gc?.();
      const memory = process.memoryUsage();
      send({
        cpuMs: (cpu.user + cpu.system) / 1000,
        ...loop,
        type: 'status',
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        external: memory.external,
        peakRss: process.resourceUsage().maxRSS * 1024,
        runningGames: bot?.games.runningGameCount ?? 0,
        answerWrites: bot?.games.answerWrites ?? { statements: 0, answers: 0 },
        pendingTimers: time?.pendingCount ?? 0,
        ...problems,
      });
      return;
    }
    case 'stop':
      await bot?.stop();
      await bare?.destroy();
      send({ type: 'stopped' });
      process.disconnect?.();
      return;
  }
}

/**
 * Waits until the process is idle (under 5% of a core over half a second, at most 30 s: writes still queued for the
 * database finish first), then as long as V8 takes to shrink an idle heap (its memory reducer acts about 8 s after
 * activity drops), collecting garbage before and after: what remains resident is what the bot holds, not garbage
 * from the last burst that V8 and malloc have not handed back yet. The peak is reported separately.
 */
async function settle(): Promise<void> {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = performance.now() + 30_000;
  let last = process.cpuUsage();
  while (performance.now() < deadline) {
    await pause(500);
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    if ((used.user + used.system) / 1000 < 25) break;
  }
  global.gc?.();
  await pause(SHRINK_MS);
  for (let i = 0; i < 2; i++) {
    global.gc?.();
    await pause(100);
  }
}

const SHRINK_MS = 12_000;

process.on('message', (message) => {
  handle(message as ChildRequest).catch((error: unknown) => {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});
