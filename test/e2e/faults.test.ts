import { InteractionResponseType } from 'discord-api-types/v10';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/adapters/db/database.ts';
import type { FakeUser } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { t } from '../../src/core/i18n/translate.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { databaseKinds } from '../support/databases.ts';
import { GameDriver } from '../support/game-driver.ts';
import { postgresAdminUrl } from '../support/postgres-urls.ts';

const LOCKED = /^Locked in/;
const MESSAGES = /^\/channels\/\d+\/messages$/;
const MESSAGE = /^\/channels\/\d+\/messages\/\d+$/;
/** Generous: CI machines running several suites at once answer slowly, and this is about correctness. */
const SLOW = 20_000;

for (const kind of databaseKinds()) {
  describe(`faults during a game through the real discord.js client [${kind}]`, () => {
    let h: Harness;
    let game: GameDriver;
    let channels = 0;
    let starter: FakeUser;
    let players: FakeUser[];

    beforeAll(async () => {
      h = await startHarness(kind);
      starter = h.fake.createMember({ guildId: h.guild.id, username: 'starter' });
      players = Array.from({ length: 12 }, (_, index) =>
        h.fake.createMember({ guildId: h.guild.id, username: `player${index}` }),
      );
    });

    afterAll(async () => {
      await h.close();
    });

    // Each test plays in a channel of its own, and a game a failed test left running is stopped: the clock and
    // timers are shared, so its timers would otherwise fire in the next test's advances.
    beforeEach(() => {
      const channel = h.fake.createTextChannel({ guildId: h.guild.id, name: `faults-${++channels}` });
      game = new GameDriver(h, channel.id);
    });

    afterEach(async () => {
      if (h.bot.games.runningGameIn(game.channelId)) await h.bot.games.stop(game.channelId, starter.id, true);
    });

    it('when Discord answers 429 and 5xx to posts and edits, some after carrying them out, then every message appears once and no acknowledged answer is lost', async () => {
      const before = game.questions().length;
      const errorsBefore = h.fake.errors.length;
      const faults = [
        h.fake.failRequests({ method: 'POST', path: MESSAGES, status: 503, count: 2 }),
        h.fake.failRequests({ method: 'POST', path: MESSAGES, status: 502, count: 2, afterProcessing: true }),
        h.fake.failRequests({ method: 'POST', path: MESSAGES, status: 429, count: 2, retryAfterMs: 150 }),
        h.fake.failRequests({ method: 'POST', path: MESSAGES, status: 500, count: 3, afterProcessing: true }),
        h.fake.failRequests({ method: 'PATCH', path: MESSAGE, status: 500, count: 1, afterProcessing: true }),
        h.fake.failRequests({ method: 'PATCH', path: MESSAGE, status: 429, count: 1, retryAfterMs: 150 }),
      ];
      expect((await game.start(starter.id, { questions: 2, seconds: 10 }).response(SLOW)).content).toBe(
        'Game started! Good luck.',
      );
      await h.advance(1000);
      const q1 = await game.nextQuestion(before);
      // One after another: this test is about Discord's answers, not the 3 s window under a burst.
      const replies = [];
      for (const [i, player] of players.entries())
        replies.push(await game.click(q1, i % 4, player.id).response(SLOW));
      const locked = replies.filter((reply) => LOCKED.test(reply.content));
      expect(locked).toHaveLength(players.length);
      expect((await game.storedAnswers(game.gameId(q1))).size).toBe(players.length);

      await h.advance(10_000);
      await h.advance(2000);
      await game.nextQuestion(before + 1);
      await h.advance(10_000);
      await game.waitFor(() => game.count('Final standings') === 1, 'the final standings');

      expect(faults.map((left) => left())).toEqual([0, 0, 0, 0, 0, 0]);
      expect(game.duplicates()).toEqual([]);
      expect(game.questions()).toHaveLength(before + 2);
      const faultStatuses = h.fake.errors.slice(errorsBefore).map((error) => error.status);
      expect(faultStatuses.filter((status) => status === 429)).toHaveLength(3);
      expect(faultStatuses.filter((status) => status >= 500)).toHaveLength(8);
      expect(faultStatuses).toHaveLength(11);
    });

    it('when the gateway closes abnormally, sends RECONNECT or INVALID_SESSION, then the bot resumes or re-identifies and the game goes on without duplicate posts', async () => {
      const before = game.questions().length;
      const errorsBefore = h.fake.errors.length;
      await game.start(starter.id, { questions: 2, seconds: 60 }).response(SLOW);
      await h.advance(1000);
      const question = await game.nextQuestion(before);
      const stats = () => h.fake.gateway.stats;
      const faults: [string, () => void, () => boolean][] = [];
      const identifies = stats().identifies;
      const resumes = stats().resumes;
      faults.push([
        'abnormal close 4000',
        () => h.fake.dropConnections(4000),
        () => stats().resumes > resumes,
      ]);
      faults.push(['RECONNECT', () => h.fake.sendReconnect(), () => stats().resumes > resumes + 1]);
      faults.push([
        'INVALID_SESSION (resumable)',
        () => h.fake.invalidateSession(true),
        () => stats().resumes > resumes + 2,
      ]);
      faults.push([
        'INVALID_SESSION (not resumable)',
        () => h.fake.invalidateSession(false),
        () => stats().identifies > identifies,
      ]);
      let player = 0;
      for (const [name, inject, recovered] of faults) {
        inject();
        await game.waitFor(recovered, `recovery from ${name}`);
        await h.fake.waitForConnectedSessions(1);
        const reply = await game.click(question, 0, players[player++]!.id).response(SLOW);
        expect(reply.content, name).toMatch(LOCKED);
      }
      // A click sent while the socket is down reaches the bot when it resumes (Discord replays missed events).
      h.fake.dropConnections();
      const during = game.click(question, 1, players[player++]!.id);
      expect((await during.response(SLOW)).content).toMatch(LOCKED);

      expect((await game.storedAnswers(game.gameId(question))).size).toBe(player);
      await h.advance(60_000);
      await h.advance(2000);
      await game.nextQuestion(before + 1);
      await h.advance(60_000);
      await game.waitFor(() => game.count('Final standings') === 1, 'the final standings');
      expect(game.duplicates()).toEqual([]);
      expect(h.fake.errors.slice(errorsBefore)).toEqual([]);
    });

    it('when the database is slow, then a click is deferred within Discord\'s 3 s and answered "Locked in" afterwards', async () => {
      const before = game.questions().length;
      const errorsBefore = h.fake.errors.length;
      await game.start(starter.id, { questions: 1, seconds: 60 }).response(SLOW);
      await h.advance(1000);
      const question = await game.nextQuestion(before);
      // PostgreSQL: the answer waits on a table lock; PGlite: on its single connection.
      const busy =
        kind === 'postgres'
          ? h.bot.database.sql.exec(
              'BEGIN; LOCK TABLE "Answer" IN EXCLUSIVE MODE; SELECT pg_sleep(2.5); COMMIT;',
            )
          : h.bot.database.pglite!.transaction(() => new Promise((resolve) => setTimeout(resolve, 2500)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const click = game.click(question, 2, players[0]!.id);
      const first = await click.acknowledged();
      expect(first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      expect(first.latencyMs).toBeLessThan(3000);
      expect((await click.response(SLOW)).content).toMatch(LOCKED);
      await busy;
      expect(h.fake.errors.slice(errorsBefore)).toEqual([]);
      await game.stop(starter.id).response(SLOW);
    });

    it('when errors carry the bot token, then it appears in no log line and no reply', async () => {
      const token = h.fake.token;
      h.fake.failRequests({
        method: 'POST',
        path: MESSAGES,
        status: 403,
        count: 1,
        message: `Missing Permissions (Authorization: Bot ${token})`,
      });
      const before = game.questions().length;
      const started = await game.start(starter.id, { questions: 1, seconds: 30 }).response(SLOW);
      await h.advance(1000);
      const question = await game.nextQuestion(before);
      h.fake.failRequests({
        method: 'POST',
        path: /^\/interactions\/\d+\/[^/]+\/callback$/,
        status: 400,
        count: 1,
        message: `Bad request for Bot ${token}`,
      });
      const reply = await game.click(question, 0, players[1]!.id).response(SLOW);
      expect(reply.content).toBe(t('en', 'error.tryAgainLater'));
      expect(`${started.content}\n${reply.content}`).not.toContain(token);
      const logs = h.logs.join('');
      expect(logs).toContain('[redacted]');
      expect(logs).not.toContain(token);
      await game.stop(starter.id).response(SLOW);
    });
  });
}

describe.runIf(databaseKinds().includes('postgres'))(
  'PostgreSQL restarting in the middle of a game [postgres]',
  () => {
    let h: Harness;
    let game: GameDriver;
    let admin: pg.Client;
    let name: string;
    let starter: FakeUser;
    let players: FakeUser[];

    beforeAll(async () => {
      h = await startHarness('postgres');
      game = new GameDriver(h);
      starter = h.fake.createMember({ guildId: h.guild.id, username: 'starter' });
      players = Array.from({ length: 20 }, (_, index) =>
        h.fake.createMember({ guildId: h.guild.id, username: `p${index}` }),
      );
      const [row] = await h.bot.database.sql.query<{ name: string }>('SELECT current_database() AS name');
      name = row!.name;
      admin = new pg.Client({ connectionString: postgresAdminUrl() });
      await admin.connect();
    });

    afterAll(async () => {
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
      await h.close();
    });

    /** What a restart does to the bot's connections: every backend of this test's own database is terminated. */
    const terminate = () =>
      admin.query(
        'SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
    const allowConnections = (allowed: boolean) =>
      admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allowed}`);

    const acceptable = [t('en', 'answer.notSaved'), t('en', 'error.tryAgainLater')];

    /** The test's own reads share the bot's pool, so one may land on a connection that is being terminated. */
    async function read<T>(query: () => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await query();
        } catch (error) {
          if (attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }

    it('when the connections drop during clicks and the server refuses connections across a deadline, then no click gets a false "Locked in", the game goes on to the end and the process stays up', async () => {
      await game.start(starter.id, { questions: 2, seconds: 30 }).response(SLOW);
      await h.advance(1000);
      const q1 = await game.nextQuestion(0);
      const gameId = game.gameId(q1);

      // 1. Connections terminated while 20 players click: each reply is "Locked in" or a clear "click again".
      const clicks = players.map((player, i) => game.click(q1, i % 4, player.id));
      await terminate();
      const first = await Promise.all(clicks.map((click) => click.response(SLOW)));
      await terminate();
      const lockedIn = new Set<string>();
      const retry: FakeUser[] = [];
      first.forEach((reply, i) => {
        if (LOCKED.test(reply.content)) lockedIn.add(players[i]!.id);
        else {
          expect(acceptable).toContain(reply.content);
          retry.push(players[i]!);
        }
      });
      // The pool replaces the dead connections: clicking again works.
      for (const player of retry) {
        const again = await game.click(q1, 0, player.id).response(SLOW);
        expect(again.content).toMatch(/^(Locked in|You already locked in)/);
        lockedIn.add(player.id);
      }
      let stored = await read(() => game.storedAnswers(gameId));
      expect([...stored.keys()].sort()).toEqual([...lockedIn].map((id) => `0:${id}`).sort());

      // 2. The server is down (refuses connections) when the deadline comes: the reveal waits and is retried.
      await allowConnections(false);
      await terminate();
      await h.advance(30_000);
      await game.waitFor(() => h.time.pendingCount > 0, 'the deadline step to schedule its retry');
      expect(game.count('The answer was')).toBe(0);
      await allowConnections(true);
      await h.advance(2000);
      await game.waitFor(() => game.count('The answer was') === 1, 'the reveal after the outage');

      // 3. A click while the server is down is refused, not acknowledged; the game then ends normally.
      await h.advance(2000);
      const q2 = await game.nextQuestion(1);
      await allowConnections(false);
      await terminate();
      const down = await game.click(q2, 1, players[0]!.id).response(SLOW);
      expect(acceptable).toContain(down.content);
      await allowConnections(true);
      const up = await game.click(q2, 1, players[0]!.id).response(SLOW);
      expect(up.content).toMatch(LOCKED);
      await h.advance(30_000);
      await game.waitFor(() => game.count('Final standings') === 1, 'the final standings');

      stored = await read(() => game.storedAnswers(gameId));
      expect(stored.size).toBe(lockedIn.size + 1);
      expect([...stored.values()].every((n) => n === 1)).toBe(true);
      const row = await read(() => h.bot.database.prisma.game.findUniqueOrThrow({ where: { id: gameId } }));
      expect(row.status).toBe('finished');
      const totals = await read(() =>
        h.bot.database.prisma.scoreTotal.aggregate({
          where: { scope: h.guild.id, period: 'all' },
          _sum: { answered: true },
        }),
      );
      expect(totals._sum.answered).toBe(lockedIn.size + 1);
      expect(h.bot.client.isReady()).toBe(true);
      expect(game.duplicates()).toEqual([]);
    });

    it('when the database stays down past every retry, then the game is closed in its channel and, once the database is back, a new game can start there', async () => {
      const shown = game.questions().length; // the previous test's game posted its own
      await game.start(starter.id, { questions: 2, seconds: 30 }).response(SLOW);
      await h.advance(1000);
      const q1 = await game.nextQuestion(shown);
      const gameId = game.gameId(q1);

      await allowConnections(false);
      await terminate();
      await h.advance(30_000);
      // The deadline step and its four retries (2 s, 4 s, 6 s, 8 s apart) all fail.
      for (let attempt = 1; attempt < 5; attempt++) {
        await game.waitFor(() => h.time.pendingCount > 0, `retry ${attempt} to be scheduled`);
        await h.advance(2000 * attempt);
      }
      const interrupted = t('en', 'end.interrupted');
      await game.waitFor(() => game.count(interrupted) === 1, 'the game to be closed in its channel');

      await allowConnections(true);
      const next = await game.start(starter.id, { questions: 1, seconds: 30 }).response(SLOW);
      expect(next.content).not.toMatch(/already running/);
      const rows = await read(() =>
        h.bot.database.prisma.game.findMany({
          where: { channelId: h.channel.id, status: { in: ['running', 'interrupted'] } },
          select: { id: true, status: true },
        }),
      );
      expect(rows.find((row) => row.id === gameId)?.status).toBe('interrupted');
      expect(rows.filter((row) => row.status === 'running')).toHaveLength(1);
      await h.advance(1000);
      const fresh = await game.nextQuestion(shown + 1);
      expect(game.gameId(fresh)).not.toBe(gameId);
      expect(h.bot.client.isReady()).toBe(true);
    });
  },
);

for (const kind of databaseKinds()) {
  describe(`graceful stop in the middle of a game [${kind}]`, () => {
    it('when the bot stops while players click, then it refuses new games, stores what it acknowledged, closes the game as interrupted, and closes the gateway before the database', async () => {
      let real: Database | undefined;
      let h: Harness | undefined;
      const closing: { gatewaySessions: number }[] = [];
      try {
        h = await startHarness(kind, {
          database: (fresh) => {
            real = fresh;
            return {
              ...fresh,
              close: () => {
                closing.push({ gatewaySessions: h!.fake.gateway.connectedShards().length });
                return Promise.resolve();
              },
            };
          },
        });
        const game = new GameDriver(h);
        const starter = h.fake.createMember({ guildId: h.guild.id, username: 'starter' });
        const players = Array.from({ length: 10 }, (_, index) =>
          h!.fake.createMember({ guildId: h!.guild.id, username: `p${index}` }),
        );
        await game.start(starter.id, { questions: 3, seconds: 30 }).response(SLOW);
        await h.advance(1000);
        const question = await game.nextQuestion(0);
        const gameId = game.gameId(question);
        const early = await game.click(question, 0, players[0]!.id).response(SLOW);
        expect(early.content).toMatch(LOCKED);

        const clicks = players.slice(1).map((player, i) => game.click(question, i % 4, player.id));
        const stopping = h.bot.stop();
        const refused = await h.bot.games.start({
          serverId: h.guild.id,
          channelId: h.fake.createTextChannel({ guildId: h.guild.id, name: 'late' }).id,
          userId: starter.id,
          guildLocale: undefined,
          packId: undefined,
          questionCount: undefined,
          seconds: undefined,
          difficulty: undefined,
        });
        expect(refused.kind).toBe('shutting-down');
        await stopping;

        expect(closing).toEqual([{ gatewaySessions: 0 }]);
        const answered = clicks.filter((click) => click.status === 'acknowledged');
        const contents = await Promise.all(answered.map((click) => click.response(SLOW)));
        const locked = contents.filter((reply) => LOCKED.test(reply.content)).length;
        const stored = await real!.prisma.answer.count({ where: { round: { gameId } } });
        expect(stored).toBe(1 + locked);
        const row = await real!.prisma.game.findUniqueOrThrow({ where: { id: gameId } });
        expect(row).toMatchObject({ status: 'interrupted', runningInChannelId: null });
        expect(game.count(t('en', 'end.interrupted'))).toBe(1);
      } finally {
        await h?.fake.close();
        await real?.close();
      }
    });
  });
}
