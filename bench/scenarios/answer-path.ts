// Answer path under load: the real bot (own process, real discord.js, PostgreSQL) against the fake Discord, 200
// channels with a round open, distinct players clicking at a steady 500 clicks/s for 30 s. Reference: a bare
// discord.js client (own process) acknowledging every click with no work, on the same fake, in the same run.
import type { APIMessage } from 'discord-api-types/v10';
import { FakeDiscord } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { BotProcess } from '../lib/bot-process.ts';
import { startGames } from '../lib/games.ts';
import { createScratchDatabase } from '../lib/databases.ts';
import { offerClicks, type Click, type LoadResult } from '../lib/load.ts';
import { check, type Figure, type Scenario } from '../lib/result.ts';
import { round, sleep } from '../lib/stats.ts';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 200);
const RATE = Number(process.env.BENCH_CLICK_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_CLICK_SECONDS ?? 30);
const REFERENCE_SECONDS = Number(process.env.BENCH_REFERENCE_SECONDS ?? 10);
const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

export function answerButtons(message: APIMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((c) => ('custom_id' in c && c.custom_id.startsWith('a:') ? [c.custom_id] : []))
      : [],
  );
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const fmt = (value: number): number | string => (Number.isFinite(value) ? round(value, 1) : 'none');

export const answerPath: Scenario = {
  name: 'answer-path',
  title: '1. Answer path under load',
  async run() {
    const clicksPerChannel = Math.ceil((RATE * SECONDS) / CHANNELS);
    const fake = await FakeDiscord.start();
    const scratch = await createScratchDatabase('answers');
    const details: Record<string, unknown> = {};
    const notes: string[] = [];
    let bot: BotProcess | undefined;
    let reference: BotProcess | undefined;
    try {
      const channels = Array.from({ length: CHANNELS }, (_, i) => {
        const guild = fake.createGuild({ name: `Server ${i}` });
        const channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
        const starter = fake.createMember({ guildId: guild.id, username: `starter${i}` });
        const players = Array.from({ length: clicksPerChannel }, (_, p) =>
          fake.createMember({ guildId: guild.id, username: `p${i}_${p}` }),
        );
        return { guild, channel, starter, players, question: undefined as APIMessage | undefined };
      });

      bot = BotProcess.spawn();
      await bot.start(fake, {
        mode: 'bot',
        database: { kind: 'postgres', url: scratch.url, poolSize: 10 },
        now: NOW,
        globalRequestsPerSecond: 1000,
      });
      await startGames(fake, channels);
      await bot.request({ type: 'advance', ms: 1000, whenPending: CHANNELS }, 'advanced');
      await waitFor(() => {
        for (const c of channels)
          c.question ??= fake.channelMessages(c.channel.id).find((m) => answerButtons(m).length === 4);
        return channels.every((c) => c.question);
      }, 'every channel to show its first question');

      const clickOn = (index: number): Click => {
        const c = channels[index % CHANNELS]!;
        const buttons = answerButtons(c.question!);
        return {
          messageId: c.question!.id,
          customId: buttons[index % 4]!,
          userId: c.players[Math.floor(index / CHANNELS) % c.players.length]!.id,
        };
      };
      const before = await bot.request({ type: 'status' }, 'status');
      const real = await offerClicks(fake, {
        ratePerSecond: RATE,
        seconds: SECONDS,
        click: clickOn,
        expected: /^Locked in/,
      });
      const botStatus = await bot.request({ type: 'status' }, 'status');
      const cpuShare = (botStatus.cpuMs - before.cpuMs) / 1000 / (real.sendSeconds + 15);
      details.bot = { ...real, status: botStatus, cpuShareOfOneCore: cpuShare };
      // Not a graceful stop: that would first record every answer still queued, which is not what is measured.
      await bot.kill();
      bot = undefined;

      // The reference logs in with the same token and answers clicks on the same question messages.
      reference = BotProcess.spawn();
      await reference.start(fake, {
        mode: 'bare',
        database: { kind: 'pglite-memory' },
        now: NOW,
      });
      const bare = await offerClicks(fake, {
        ratePerSecond: RATE,
        seconds: REFERENCE_SECONDS,
        click: clickOn,
        expected: /^Locked in/,
      });
      details.bare = bare;
      await reference.kill();
      reference = undefined;

      const figures = figuresFor(real, bare, botStatus.errorLogs);
      notes.push(
        `${CHANNELS} servers with one channel each, a game running in each (PostgreSQL, pool 10), round 1 open with a 120 s deadline ` +
          `that never passes (ManualTime); ${(RATE * SECONDS).toLocaleString('en-US')} clicks by as many distinct players, each a first answer. ` +
          `Latency is measured in the driver from the click being dispatched to the "Locked in" text arriving at the fake ` +
          `(the reply, or the edit after a deferral). The bare reference ran ${REFERENCE_SECONDS} s at the same rate. ` +
          `Bot and reference run in their own process; the fake and the players share the parent's.`,
      );
      notes.push(
        `Bot process during the load: ${round(cpuShare * 100, 0)}% of one core on average (load and drain), event loop ` +
          `delay p99 ${round(botStatus.loopDelayP99Ms, 0)} ms, max ${round(botStatus.loopDelayMaxMs, 0)} ms.`,
      );
      if (real.deferred > 0)
        notes.push(
          `${real.deferred} clicks were deferred by the bot (queued behind more than one full write for that game, or ` +
            `work over 1.5 s) ` +
            `and answered by an edit; ${real.unanswered} had no "Locked in" 15 s after the last click (the bot was then ended).`,
        );
      notes.push(
        `Write path: the answers of all ${CHANNELS} games that arrive while a write is in flight are written together ` +
          `in the next statement (AnswerWriter, up to 200 answers per statement on PostgreSQL), each answer with its ` +
          `leaderboard totals, histogram and stats; a click is acknowledged ("Locked in") only after its statement ` +
          `commits. This run: ${botStatus.answerWrites.answers.toLocaleString('en-US')} answers in ` +
          `${botStatus.answerWrites.statements.toLocaleString('en-US')} statements (mean ` +
          `${round(botStatus.answerWrites.answers / Math.max(1, botStatus.answerWrites.statements), 1)} per statement).`,
      );
      if (real.achievedPerSecond < RATE * 0.98)
        notes.push(
          `Why under the offered rate: answers waited for the database (see scenario 2's write rate) or for the bot's ` +
            `event loop (CPU and loop delay above); a machine shared with other work shows both.`,
        );
      if (botStatus.errorLogs > 0) notes.push(`bot error log, last: ${botStatus.lastError}`);
      if (real.sampleWrong.length > 0)
        notes.push(`unexpected answers, e.g.: ${real.sampleWrong.join(' / ')}`);
      return { status: 'ok', figures, notes, details };
    } finally {
      await bot?.kill();
      await reference?.kill();
      await fake.close();
      await scratch.drop();
    }
  },
};

function figuresFor(real: LoadResult, bare: LoadResult, botErrorLogs: number): Figure[] {
  const ratio = real.lockedIn.p99 / bare.lockedIn.p99;
  const errors = real.wrongAnswers + real.fakeErrors + real.unanswered + botErrorLogs;
  return [
    {
      metric: `click -> "locked in" p50 (${real.answered.toLocaleString('en-US')} of ${real.sent.toLocaleString('en-US')} locked in)`,
      value: fmt(real.lockedIn.p50),
      unit: 'ms',
      reference: `bare bot ${fmt(bare.lockedIn.p50)} ms`,
      ratio: round(real.lockedIn.p50 / bare.lockedIn.p50, 2),
      verdict: 'report',
    },
    {
      metric: 'click -> "locked in" p99',
      value: fmt(real.lockedIn.p99),
      unit: 'ms',
      reference: `bare bot ${fmt(bare.lockedIn.p99)} ms`,
      ratio: round(ratio, 2),
      target: '<= 2x bare bot',
      verdict: check(ratio <= 2),
    },
    {
      metric: 'click -> "locked in" max',
      value: fmt(real.lockedIn.max),
      unit: 'ms',
      reference: `bare bot ${fmt(bare.lockedIn.max)} ms`,
      ratio: round(real.lockedIn.max / bare.lockedIn.max, 2),
      verdict: 'report',
    },
    {
      metric: `achieved rate (${real.sent.toLocaleString('en-US')} clicks offered)`,
      value: real.answered === 0 ? 0 : fmt(real.achievedPerSecond),
      unit: 'clicks/s',
      reference: `offered ${real.offered}/s; bare bot ${fmt(bare.achievedPerSecond)}/s`,
      ratio: real.answered === 0 ? 0 : round(real.achievedPerSecond / real.offered, 3),
      target: '= offered (>= 0.98x)',
      verdict: check(real.achievedPerSecond >= real.offered * 0.98),
    },
    {
      metric:
        'errors (wrong answers, no "locked in" 15 s after the last click, fake 4xx/5xx, bot error logs)',
      value: errors,
      reference: `bare bot ${bare.wrongAnswers + bare.fakeErrors + bare.unanswered}`,
      target: '0',
      verdict: check(errors === 0),
    },
    {
      metric: '3-second misses',
      value: real.missed3s,
      reference: `bare bot ${bare.missed3s}`,
      target: '0',
      verdict: check(real.missed3s === 0),
    },
  ];
}
