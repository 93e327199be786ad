// Footprint: resident memory of the bot process with 1,000 games running (PostgreSQL) and with a few on the
// embedded database (as `npm start` without DATABASE_URL), settled and at its peak, and time from `npm start` to
// ready on a new and on an existing embedded database.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { APIMessage } from 'discord-api-types/v10';
import { openDatabase } from '../../src/adapters/db/database.ts';
import { FakeDiscord } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { BotProcess } from '../lib/bot-process.ts';
import { startGames } from '../lib/games.ts';
import { createScratchDatabase } from '../lib/databases.ts';
import { check, type Figure, type Scenario } from '../lib/result.ts';
import { round, sleep } from '../lib/stats.ts';
import { answerButtons } from './answer-path.ts';

const GAMES = Number(process.env.BENCH_GAMES ?? 1000);
const EMBEDDED_GAMES = Number(process.env.BENCH_EMBEDDED_GAMES ?? 20);
const ROOT = resolve(import.meta.dirname, '..', '..');
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const MB = 1024 * 1024;

interface Startup {
  /** Spawn -> the sandbox banner (bot ready, commands registered). */
  ms: number;
  /** Spawn -> the bot's "database ready" log line (migrations checked), from DATA_DIR/sandbox.log. */
  databaseReadyMs: number | undefined;
}

/**
 * Runs `command` (its own process group) until a stdout line matches `ready`, then stops it with SIGTERM (the
 * sandbox shuts down gracefully and releases the data directory) and waits until every process of the group has
 * exited: npm itself dies on the signal at once, while the bot it started is still closing its database. Without
 * `ready`, waits for a clean exit. Milliseconds from spawn.
 */
function timeUntil(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp | null,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let readyMs: number | undefined;
    let output = '';
    const killer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ready && readyMs === undefined && ready.test(output)) {
        readyMs = performance.now() - started;
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(killer);
      if (ready && readyMs !== undefined) {
        const ms = readyMs;
        void groupExited(child.pid).then(() => resolvePromise(ms), reject);
      } else if (!ready && code === 0) resolvePromise(performance.now() - started);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${output.slice(-800)}`));
    });
  });
}

/** Resolves once no process of group `pgid` is left (SIGKILL after 30 s). */
async function groupExited(pgid: number | undefined): Promise<void> {
  if (!pgid) return;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      process.kill(-pgid, Date.now() > deadline ? 'SIGKILL' : 0);
    } catch {
      return;
    }
    await sleep(20);
  }
}

async function sandboxStartup(dataDir: string, env: Record<string, string>): Promise<Startup> {
  const spawnedAt = Date.now();
  const ms = await timeUntil('npm', ['start', '--silent'], env, /LOCAL SANDBOX/);
  const log = await readFile(join(dataDir, 'sandbox.log'), 'utf8').catch(() => '');
  const line = log
    .split('\n')
    .filter((l) => l.includes('"database ready"'))
    .pop();
  const at = line ? (JSON.parse(line) as { time?: number }).time : undefined;
  return { ms, databaseReadyMs: at === undefined ? undefined : at - spawnedAt };
}

async function startupTimes(): Promise<{ fresh: Startup; existing: Startup[]; noop: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plot-trivia-bench-'));
  // No DISCORD_TOKEN: `npm start` runs the sandbox (the bot against an in-process fake Discord), which prints its
  // banner once the bot is ready; its logs go to DATA_DIR/sandbox.log.
  const env = { DATA_DIR: dataDir, DISCORD_TOKEN: '', DATABASE_URL: '', LOG_LEVEL: 'info' };
  try {
    const fresh = await sandboxStartup(dataDir, env);
    const existing = [await sandboxStartup(dataDir, env), await sandboxStartup(dataDir, env)];
    const noop = await timeUntil(
      'npm',
      ['exec', '--silent', '--', 'node', '--import', 'tsx', 'bench/lib/noop.ts'],
      {},
      null,
    );
    return { fresh, existing, noop };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface Memory {
  idle: number;
  loaded: number;
  /** The highest RSS the bot process reached, starting the games included. */
  peak: number;
  games: number;
  setupSeconds: number;
  status: unknown;
}

/**
 * RSS of a bot process once ready, then with `games` games started and their first question open: each once the
 * process has gone idle (writes still queued for the database done) and collected its garbage.
 */
async function memoryWithGames(games: number, database: 'postgres' | 'pglite'): Promise<Memory> {
  const fake = await FakeDiscord.start();
  const dataDir = await mkdtemp(join(tmpdir(), 'plot-trivia-bench-mem-'));
  const scratch = database === 'postgres' ? await createScratchDatabase('memory') : undefined;
  // An existing embedded database, as in most starts: a new one's initdb (a second PGlite instance, once) would
  // otherwise set the peak.
  if (database === 'pglite') await createEmbedded(dataDir);
  const bot = BotProcess.spawn();
  try {
    const channels = Array.from({ length: games }, (_, i) => {
      const guild = fake.createGuild({ name: `Server ${i}` });
      const channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
      const starter = fake.createMember({ guildId: guild.id, username: `starter${i}` });
      return { guild, channel, starter };
    });
    await bot.start(fake, {
      mode: 'bot',
      database: scratch ? { kind: 'postgres', url: scratch.url, poolSize: 10 } : { kind: 'pglite', dataDir },
      now: NOW,
      globalRequestsPerSecond: 1000,
    });
    const idle = await bot.request({ type: 'status', settle: true }, 'status');
    const startedAt = performance.now();
    await startGames(fake, channels);
    if (games > 0) await bot.request({ type: 'advance', ms: 1000, whenPending: games }, 'advanced');
    const deadline = Date.now() + 180_000;
    const hasQuestion = (id: string) =>
      fake.channelMessages(id).some((m: APIMessage) => answerButtons(m).length === 4);
    let open = 0;
    while (Date.now() < deadline) {
      open = channels.filter((c) => hasQuestion(c.channel.id)).length;
      if (open === games) break;
      await sleep(200);
    }
    if (open !== games) throw new Error(`only ${open} of ${games} games showed their first question`);
    const setupSeconds = (performance.now() - startedAt) / 1000;
    const loaded = await bot.request({ type: 'status', settle: true }, 'status');
    return {
      idle: idle.rss,
      loaded: loaded.rss,
      peak: loaded.peakRss,
      games: loaded.runningGames,
      setupSeconds,
      status: { idle, loaded },
    };
  } finally {
    await bot.stop();
    await fake.close();
    await scratch?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function createEmbedded(dataDir: string): Promise<void> {
  const created = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await created.migrate();
  } finally {
    await created.close();
  }
}

/**
 * The reference: a bare discord.js client process (same tsx loader, discord.js its only module), logged in to a fake
 * with one server, doing nothing.
 */
async function bareClientRss(): Promise<number> {
  const fake = await FakeDiscord.start();
  fake.createGuild({ name: 'Server' });
  const bare = BotProcess.spawn();
  try {
    await bare.start(fake, {
      mode: 'bare',
      database: { kind: 'pglite-memory' },
      now: NOW,
    });
    return (await bare.request({ type: 'status', settle: true }, 'status')).rss;
  } finally {
    await bare.stop();
    await fake.close();
  }
}

export const footprint: Scenario = {
  name: 'footprint',
  title: '6. Footprint',
  async run() {
    const details: Record<string, unknown> = {};
    const bare = await bareClientRss();
    const memory = await memoryWithGames(GAMES, 'postgres');
    const embedded = await memoryWithGames(EMBEDDED_GAMES, 'pglite');
    const startup = await startupTimes();
    details.memory = { bareClientRss: bare, postgres: memory, pglite: embedded };
    details.startup = startup;
    const existing = startup.existing.reduce((a, b) => a + b.ms, 0) / startup.existing.length;
    const noop = startup.noop;
    const dbReady = (s: Startup) =>
      s.databaseReadyMs === undefined ? '?' : `${round(s.databaseReadyMs, 0)} ms`;
    const figures: Figure[] = [
      {
        metric: `resident memory, ${memory.games.toLocaleString('en-US')} games running (database: PostgreSQL)`,
        value: round(memory.loaded / MB, 0),
        unit: 'MB',
        reference: `bare discord.js client ${round(bare / MB, 0)} MB; this bot idle ${round(memory.idle / MB, 0)} MB`,
        ratio: round(memory.loaded / bare, 2),
        target: '< 250 MB',
        verdict: check(memory.loaded < 250 * MB && memory.games === GAMES),
      },
      {
        metric: `peak resident memory, starting ${memory.games.toLocaleString('en-US')} games (database: PostgreSQL)`,
        value: round(memory.peak / MB, 0),
        unit: 'MB',
        reference: `bare discord.js client ${round(bare / MB, 0)} MB`,
        ratio: round(memory.peak / bare, 2),
        verdict: 'report',
      },
      {
        metric: `resident memory, ${embedded.games} games running (embedded PGlite, as \`npm start\`)`,
        value: round(embedded.loaded / MB, 0),
        unit: 'MB',
        reference: `bare discord.js client ${round(bare / MB, 0)} MB; this bot idle ${round(embedded.idle / MB, 0)} MB`,
        ratio: round(embedded.loaded / bare, 2),
        target: '< 250 MB',
        verdict: check(embedded.loaded < 250 * MB),
      },
      {
        metric: '`npm start` -> ready, existing embedded database (mean of 2)',
        value: round(existing, 0),
        unit: 'ms',
        reference: `npm + tsx of an empty script ${round(noop, 0)} ms`,
        ratio: round(existing / noop, 2),
        target: '< 2,000 ms',
        verdict: check(existing < 2000),
      },
      {
        metric: '`npm start` -> ready, new embedded database',
        value: round(startup.fresh.ms, 0),
        unit: 'ms',
        reference: `npm + tsx of an empty script ${round(noop, 0)} ms`,
        ratio: round(startup.fresh.ms / noop, 2),
        verdict: 'report',
      },
    ];
    const perGame = (memory.loaded - memory.idle) / Math.max(1, memory.games) / 1024;
    const perGameText =
      perGame > 0
        ? `~${perGame.toFixed(0)} KB per game over the idle bot`
        : 'no growth over the idle bot beyond noise';
    const notes = [
      `Memory: RSS of the bot's own process with ${GAMES} games started by /trivia start and their first question open ` +
        `(one server and channel per game, the fake Discord in the parent process), measured once the process is idle ` +
        `(writes still queued for the database done), V8 has shrunk its heap (~12 s) and garbage is collected: what the ` +
        `bot holds, ${perGameText}. Just after the burst of starts, before that, RSS is higher; the peak RSS (highest ` +
        `so far, the starts included) is reported beside it. The bare reference is a process with discord.js as its only ` +
        `module under the same tsx loader, measured the same way. With the embedded database (an existing one: a new ` +
        `one's initdb runs a second PGlite once), PGlite's WebAssembly heap is in the same process; starting games on ` +
        `it runs at a few per second on this machine (${(embedded.setupSeconds / Math.max(1, embedded.games)).toFixed(2)} s ` +
        `per game), so ${EMBEDDED_GAMES} games were measured there, not ${GAMES}.`,
      `Ready: \`npm start\` without a token prints the sandbox banner (database open and migrated, packs synced, ` +
        `gateway ready, commands registered); each run is stopped with SIGTERM and the next starts once its whole ` +
        `process group has exited. Of that, spawn -> "database ready" log line: new ${dbReady(startup.fresh)}, ` +
        `existing ${startup.existing.map(dbReady).join(' and ')}; npm + node with tsx's loader on an empty script (the ` +
        `reference) ${round(noop, 0)} ms.`,
      'Where it goes (profiled on this machine, quiet, November 2026): to the banner on an existing database, npm ' +
        "~0.25 s; node with tsx's loader ~0.3 s before the first line of main.ts; the bot's modules ~0.35 s " +
        "(discord.js most of it); opening PGlite ~0.45 s (its WebAssembly PostgreSQL starting, Prisma's query " +
        'compiler loading meanwhile); migrations check, packs, fake Discord, gateway and commands ~0.2 s. tsx is ' +
        "~0.3 s of that and ~70 MB of every process's RSS (its loader thread, source maps, second copies of " +
        'sources): the same code compiled to JavaScript reaches the banner ~0.3 s sooner with ~0.5 s less CPU. ' +
        "Memory over the bare reference: Prisma (its WebAssembly query compiler) and the bot's modules, ~10 KB of " +
        "heap per running game, and with the embedded database PGlite's compiled WebAssembly and the part of its " +
        "128 MB heap PostgreSQL touches (shared_buffers is 16 MB; PGlite's default 128 MB made it ~150 MB).",
    ];
    return { status: 'ok', figures, notes, details };
  },
};
