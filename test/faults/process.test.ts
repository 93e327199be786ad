import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/database.ts';
import {
  FakeDiscord,
  type FakeChannel,
  type FakeGuild,
  type FakeUser,
} from '../../src/adapters/sandbox/fake-discord/index.ts';
import { t } from '../../src/core/i18n/translate.ts';
import { FIXTURE_PACKS, embedText } from '../support/bot-harness.ts';
import { buttons } from '../support/game-driver.ts';
import type { APIMessage } from 'discord-api-types/v10';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'test', 'support', 'bot-process.ts');
const SLOW = 30_000;

interface BotProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The real bot (main.ts) in a child process with its embedded database on disk, logged into this test's fake. */
async function spawnBot(fake: FakeDiscord, dataDir: string): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    cwd: ROOT,
    env: {
      ...process.env,
      FAKE_REST_URL: fake.restUrl,
      FAKE_TOKEN: fake.token,
      DATA_DIR: dataDir,
      PACKS_DIR: FIXTURE_PACKS,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.join('').includes('bot process ready')) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
    void exited.then(({ code }) => {
      clearInterval(timer);
      reject(new Error(`bot process exited early (${code}):\n${output.join('')}`));
    });
  });
  await ready;
  return { child, output, exited };
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = SLOW): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the bot process killed with SIGKILL mid-game, then started again on the same data', () => {
  let fake: FakeDiscord;
  let guild: FakeGuild;
  let channel: FakeChannel;
  let starter: FakeUser;
  let players: FakeUser[];
  let dataDir: string;
  const running: BotProcess[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    guild = fake.createGuild({ name: 'Crash Club' });
    channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
    starter = fake.createMember({ guildId: guild.id, username: 'starter' });
    players = Array.from({ length: 8 }, (_, i) =>
      fake.createMember({ guildId: guild.id, username: `p${i}` }),
    );
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'plot-trivia-kill-'));
  });

  afterAll(async () => {
    for (const bot of running)
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = () =>
    fake.sendSlashCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: starter.id,
      name: 'trivia',
      subcommand: 'start',
      options: { questions: 3, seconds: 120 },
    });
  const questions = (): APIMessage[] =>
    fake.channelMessages(channel.id).filter((m) => buttons(m).length === 4);
  const interruptedPosts = () =>
    fake.channelMessages(channel.id).filter((m) => embedText(m).includes(t('en', 'end.interrupted'))).length;
  const click = (message: APIMessage, choice: number, userId: string) =>
    fake.clickButton({ messageId: message.id, customId: buttons(message)[choice]!.customId, userId });

  it('when the process is killed and restarted, then acknowledged answers and scores are all there, the game is closed with a message, and SIGTERM then stops the second one cleanly', async () => {
    const first = await spawnBot(fake, dataDir);
    running.push(first);
    expect((await start().response(SLOW)).content).toBe('Game started! Good luck.');
    await waitUntil(() => questions().length === 1, 'the first question');
    const q1 = questions()[0]!;
    const replies = await Promise.all(players.map((p, i) => click(q1, i % 4, p.id).response(SLOW)));
    expect(replies.every((reply) => reply.content.startsWith('Locked in'))).toBe(true);

    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(existsSync(path.join(dataDir, 'plot-trivia.lock'))).toBe(true);

    // The stale lock of the dead process is taken over; the interrupted game is closed with a message.
    const second = await spawnBot(fake, dataDir);
    running.push(second);
    await waitUntil(() => interruptedPosts() === 1, 'the interrupted message');
    expect((await start().response(SLOW)).content).toBe('Game started! Good luck.');
    await waitUntil(() => questions().length === 2, "the new game's first question");
    expect((await click(questions()[1]!, 0, players[0]!.id).response(SLOW)).content).toMatch(/^Locked in/);

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(interruptedPosts()).toBe(2);
    expect(fake.gateway.connectedShards()).toEqual([]);
    expect(existsSync(path.join(dataDir, 'plot-trivia.lock'))).toBe(false);
    for (const bot of [first, second]) expect(bot.output.join('')).not.toContain(fake.token);
    expect(fake.errors.filter((error) => error.status >= 400)).toEqual([]);

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const games = await database.prisma.game.findMany({
        orderBy: { startedAt: 'asc' },
        select: { status: true, runningInChannelId: true },
      });
      expect(games).toEqual([
        { status: 'interrupted', runningInChannelId: null },
        { status: 'interrupted', runningInChannelId: null },
      ]);
      expect(await database.prisma.answer.count()).toBe(players.length + 1);
      const totals = await database.prisma.scoreTotal.aggregate({
        where: { scope: guild.id, period: 'all' },
        _sum: { answered: true, points: true },
      });
      const points = await database.prisma.answer.aggregate({ _sum: { points: true } });
      expect(totals._sum.answered).toBe(players.length + 1);
      expect(totals._sum.points).toBe(points._sum.points);
    } finally {
      await database.close();
    }
  });
});
