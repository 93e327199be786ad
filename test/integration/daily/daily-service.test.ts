import { beforeEach, expect, it } from 'vitest';
import { PrismaDailyStore } from '../../../src/adapters/db/daily-store.ts';
import type { PrismaClient } from '../../../src/adapters/db/generated/client.ts';
import { PrismaSettingsStore } from '../../../src/adapters/db/settings-store.ts';
import {
  DailyService,
  type DailyPostingPolicy,
  type DailyQuestionView,
  type StartPlayOutcome,
} from '../../../src/app/daily-service.ts';
import { challengeNumber } from '../../../src/core/daily/challenge.ts';
import type {
  DailyChallengeRecord,
  DailyPostView,
  NewDailyChallenge,
  PostResult,
} from '../../../src/core/daily/ports.ts';
import { zonedTimeToEpoch } from '../../../src/core/time/zoned.ts';
import { makeQuestion } from '../../core/fixtures.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { FakeClock, FakePublisher, MemoryBank, MemoryLogger } from '../../support/daily-fakes.ts';

const TOKYO = '120000000000000001';
const NEW_YORK = '120000000000000002';
const MADRID = '120000000000000003';
const CHANNEL = (server: string) => `3${server.slice(1)}`;
const ALICE = '400000000000000001';
const BOB = '400000000000000002';
const MINUTE = 60_000;

const bank = new MemoryBank(
  Array.from({ length: 40 }, (_, i) =>
    makeQuestion(`q${String(i + 1).padStart(2, '0')}`, {
      difficulty: ((i % 3) + 1) as 1 | 2 | 3,
      answerIndex: i % 4,
    }),
  ),
);

/** The instant a zone's wall clock reads `date time`. */
const at = (date: string, time: string, zone: string) => zonedTimeToEpoch(date, time, zone);

/** The real store, except that creating the challenge of the servers in `failing` throws (a database hiccup). */
class FlakyStore extends PrismaDailyStore {
  constructor(
    prisma: PrismaClient,
    readonly failing: Set<string>,
  ) {
    super(prisma);
  }
  override async ensureChallenge(challenge: NewDailyChallenge): Promise<DailyChallengeRecord> {
    if (this.failing.has(challenge.serverId)) throw new Error('connection reset');
    return super.ensureChallenge(challenge);
  }
}

describeEachDatabase('daily challenge', (use) => {
  let clock: FakeClock;
  let publisher: FakePublisher;
  let logger: MemoryLogger;

  beforeEach(async () => {
    await use().sql.exec(
      'TRUNCATE "DailyAnswer", "DailyEntry", "DailyChallenge", "DailyStreak", "Player", "Server" CASCADE',
    );
    clock = new FakeClock(Date.UTC(2026, 10, 22));
    publisher = new FakePublisher();
    logger = new MemoryLogger();
  });

  function service(
    options: {
      publisher?: FakePublisher;
      ownsGuild?: (guildId: string) => boolean;
      policy?: Partial<DailyPostingPolicy>;
      store?: PrismaDailyStore;
    } = {},
  ): DailyService {
    const { prisma } = use();
    return new DailyService({
      store: options.store ?? new PrismaDailyStore(prisma),
      settings: new PrismaSettingsStore(prisma),
      bank,
      publisher: options.publisher ?? publisher,
      clock,
      logger,
      ...(options.ownsGuild ? { ownsGuild: options.ownsGuild } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
    });
  }

  async function configure(serverId: string, timeZone: string, time = '09:00'): Promise<void> {
    const outcome = await service().configureDaily({
      serverId,
      channelId: CHANNEL(serverId),
      time,
      timeZone,
    });
    expect(outcome.kind).toBe('saved');
  }

  /** Plays the whole challenge; `right` says which questions to answer correctly. */
  async function play(
    daily: DailyService,
    serverId: string,
    playerId: string,
    right: boolean[] = [true, true, true, true, true],
  ): Promise<StartPlayOutcome> {
    const started = await daily.startPlay({ serverId, playerId, playerName: `P${playerId.slice(-1)}` });
    if (started.kind !== 'question') return started;
    let view: DailyQuestionView | undefined = started.view;
    while (view) {
      clock.set(clock.now() + 2000);
      const correctIndex = view.question.choices.indexOf(view.question.answer);
      const choice = right[view.index] ? correctIndex : (correctIndex + 1) % 4;
      const answered = await daily.answer({
        challengeId: view.challengeId,
        playerId,
        questionIndex: view.index,
        choiceIndex: choice,
      });
      if (answered.kind !== 'answered') throw new Error(`unexpected ${answered.kind}`);
      view = answered.next;
    }
    return daily.startPlay({ serverId, playerId, playerName: 'again' });
  }

  it('when each server reaches its posting time in its own zone, then each is posted then and only then', async () => {
    await configure(TOKYO, 'Asia/Tokyo', '21:00');
    await configure(NEW_YORK, 'America/New_York', '09:00');
    const daily = service();

    // Tokyo 21:00 is 07:00 in New York (EST): one due, the other not yet.
    const tokyoTime = at('2026-11-22', '21:00', 'Asia/Tokyo');
    expect(await daily.runDueServers(tokyoTime - MINUTE)).toEqual([
      { serverId: TOKYO, outcome: 'not-due' },
      { serverId: NEW_YORK, outcome: 'not-due' },
    ]);
    expect(await daily.runDueServers(tokyoTime)).toEqual([
      { serverId: TOKYO, outcome: 'posted' },
      { serverId: NEW_YORK, outcome: 'not-due' },
    ]);
    const newYorkNine = at('2026-11-22', '09:00', 'America/New_York');
    expect(newYorkNine - tokyoTime).toBe(2 * 3_600_000);
    expect((await daily.runDueServers(newYorkNine - MINUTE)).map((r) => r.outcome)).toEqual([
      'up-to-date',
      'not-due',
    ]);
    expect((await daily.runDueServers(newYorkNine)).map((r) => r.outcome)).toEqual(['up-to-date', 'posted']);

    expect(publisher.posts.map((post) => post.channelId)).toEqual([CHANNEL(TOKYO), CHANNEL(NEW_YORK)]);
    const [tokyo, newYork] = publisher.posts;
    expect(tokyo?.view).toMatchObject({
      number: challengeNumber('2026-11-22'),
      localDate: '2026-11-22',
      questionCount: 5,
      resetsAt: at('2026-11-23', '00:00', 'Asia/Tokyo'),
      previous: undefined,
    });
    expect(newYork?.view.resetsAt).toBe(at('2026-11-23', '00:00', 'America/New_York'));
    const stored = await use().prisma.dailyChallenge.findMany({ orderBy: { serverId: 'asc' } });
    expect(stored.map((c) => [c.status, c.messageId, c.attempts])).toEqual([
      ['sent', tokyo?.messageId, 1],
      ['sent', newYork?.messageId, 1],
    ]);
  });

  it('when the bot restarts after posting, then the new process does not post again that day', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const nine = at('2026-11-22', '09:00', 'Europe/Madrid');
    await service().runDueServers(nine);
    const restarted = service();
    for (const minutes of [0, 1, 60, 14 * 60]) {
      expect(await restarted.runDueServers(nine + minutes * MINUTE)).toEqual([
        { serverId: MADRID, outcome: 'up-to-date' },
      ]);
    }
    expect(publisher.posts).toHaveLength(1);
    // The next local day posts again.
    expect(await restarted.runDueServers(at('2026-11-23', '09:00', 'Europe/Madrid'))).toEqual([
      { serverId: MADRID, outcome: 'posted' },
    ]);
    expect(publisher.posts.map((post) => post.view.localDate)).toEqual(['2026-11-22', '2026-11-23']);
  });

  it('when two schedulers tick at the same moment, then every server is posted exactly once', async () => {
    const servers = Array.from({ length: 6 }, (_, i) => `13000000000000000${i}`);
    for (const server of servers) await configure(server, 'UTC');
    const slow = new FakePublisher(5); // a send that takes time lets the two ticks interleave
    const nine = Date.UTC(2026, 10, 22, 9);
    const [first, second] = await Promise.all([
      service({ publisher: slow }).runDueServers(nine),
      service({ publisher: slow }).runDueServers(nine),
    ]);
    const outcomes = [...(first ?? []), ...(second ?? [])];
    expect(outcomes.filter((r) => r.outcome === 'posted')).toHaveLength(6);
    expect(
      outcomes.filter((r) => r.outcome !== 'posted').every((r) => ['held', 'up-to-date'].includes(r.outcome)),
    ).toBe(true);
    expect(slow.posts.map((post) => post.channelId).sort()).toEqual(servers.map(CHANNEL).sort());
    expect(await use().prisma.dailyChallenge.count({ where: { status: 'sent' } })).toBe(6);
  });

  it('when many servers are due at the same minute, then a few are posted at once and each exactly once, whatever fails', async () => {
    const servers = Array.from({ length: 12 }, (_, i) => `1500000000000000${String(i).padStart(2, '0')}`);
    for (const server of servers) await configure(server, 'UTC');
    const gone = servers[3]!;
    const broken = servers[7]!;
    const failing = new Set([broken]);
    // Two schedulers at once, each serving 4 servers at a time; sends take long enough for a tick's to overlap.
    const publishers = [new FakePublisher(20), new FakePublisher(20)];
    for (const p of publishers) p.failing.set(CHANNEL(gone), 'channel-missing');
    const schedulers = publishers.map((p) =>
      service({ publisher: p, store: new FlakyStore(use().prisma, failing), policy: { concurrency: 4 } }),
    );
    const nine = Date.UTC(2026, 10, 22, 9);

    const runs = await Promise.all(schedulers.map((daily) => daily.runDueServers(nine)));

    for (const reports of runs) expect(reports.map((r) => r.serverId)).toEqual(servers);
    const outcomes = runs.flat();
    const of = (server: string) => outcomes.filter((r) => r.serverId === server).map((r) => r.outcome);
    for (const server of servers.filter((s) => s !== gone && s !== broken)) {
      expect(of(server).filter((o) => o === 'posted')).toHaveLength(1);
    }
    expect(of(gone).filter((o) => o === 'failed')).toHaveLength(1);
    expect(of(broken)).toEqual(['error', 'error']);
    expect(
      logger.lines.filter(
        (l) => l.message === 'daily post failed' && 'guildId' in l.fields && l.fields.guildId === broken,
      ),
    ).toHaveLength(2);
    for (const p of publishers) {
      expect(p.maxInFlight).toBeLessThanOrEqual(4);
    }
    expect(Math.max(...publishers.map((p) => p.maxInFlight))).toBeGreaterThan(1);

    const posted = () => publishers.flatMap((p) => p.posts).map((post) => post.channelId);
    const fine = servers.filter((s) => s !== gone && s !== broken).map(CHANNEL);
    expect(posted().sort()).toEqual(fine.sort());
    const stored = await use().prisma.dailyChallenge.findMany();
    expect(stored).toHaveLength(11);
    expect(stored.filter((c) => c.status === 'sent' && c.attempts === 1)).toHaveLength(10);
    expect(stored.find((c) => c.serverId === gone)).toMatchObject({
      status: 'failed',
      lastError: 'channel-missing',
    });
    expect(await new PrismaSettingsStore(use().prisma).get(gone)).toMatchObject({
      dailyLastError: 'channel-missing',
    });

    // The hiccup is over: the next minute posts the server it stopped, and nothing else.
    failing.clear();
    const next = await Promise.all(schedulers.map((daily) => daily.runDueServers(nine + MINUTE)));
    expect(next.flat().filter((r) => r.outcome === 'posted')).toEqual([
      { serverId: broken, outcome: 'posted' },
    ]);
    expect(next.flat().every((r) => ['posted', 'up-to-date', 'held'].includes(r.outcome))).toBe(true);
    expect(posted().sort()).toEqual([...fine, CHANNEL(broken)].sort());
    expect(await use().prisma.dailyChallenge.count({ where: { status: 'sent' } })).toBe(11);
  });

  it('when the scheduler stops during a fan-out, then no further server is started and the next run posts the rest, once', async () => {
    const servers = Array.from({ length: 6 }, (_, i) => `16000000000000000${i}`);
    for (const server of servers) await configure(server, 'UTC');
    const stopping = new AbortController();
    class StopsAtFirstSend extends FakePublisher {
      override postChallenge(channelId: string, view: DailyPostView): Promise<PostResult> {
        stopping.abort();
        return super.postChallenge(channelId, view);
      }
    }
    const stopped = new StopsAtFirstSend(10);
    const nine = Date.UTC(2026, 10, 22, 9);

    // Two workers: both had started a server when the stop came; they finish them and take no other.
    const cut = await service({ publisher: stopped, policy: { concurrency: 2 } }).runDueServers(nine, {
      signal: stopping.signal,
    });
    expect(cut).toEqual(servers.slice(0, 2).map((serverId) => ({ serverId, outcome: 'posted' })));
    expect(await use().prisma.dailyChallenge.count()).toBe(2);

    const rest = await service().runDueServers(nine + MINUTE);
    expect(rest.map((r) => r.outcome)).toEqual([
      'up-to-date',
      'up-to-date',
      'posted',
      'posted',
      'posted',
      'posted',
    ]);
    const channels = [...stopped.posts, ...publisher.posts].map((post) => post.channelId);
    expect(channels.sort()).toEqual(servers.map(CHANNEL).sort());
  });

  it('when the bot was down at posting time, then it posts when it comes back the same day', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const afternoon = at('2026-11-22', '16:47', 'Europe/Madrid');
    expect(await service().runDueServers(afternoon)).toEqual([{ serverId: MADRID, outcome: 'posted' }]);
    // Down for the whole of the 23rd: that day is not posted the next morning; the 24th is.
    const nextPost = await service().runDueServers(at('2026-11-24', '09:00', 'Europe/Madrid'));
    expect(nextPost).toEqual([{ serverId: MADRID, outcome: 'posted' }]);
    expect(publisher.posts.map((post) => post.view.localDate)).toEqual(['2026-11-22', '2026-11-24']);
    expect(publisher.posts[1]?.view.previous?.number).toBe(challengeNumber('2026-11-22'));
  });

  it('when the process dies after claiming and before sending, then it posts once after the lease expires', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const nine = at('2026-11-22', '09:00', 'Europe/Madrid');
    publisher.crash = 'before-send';
    expect(await service().runDueServers(nine)).toEqual([{ serverId: MADRID, outcome: 'unconfirmed' }]);
    publisher.crash = undefined;

    const restarted = service({ policy: { leaseMs: 5 * MINUTE } });
    expect(await restarted.runDueServers(nine + MINUTE)).toEqual([{ serverId: MADRID, outcome: 'held' }]);
    expect(await restarted.runDueServers(nine + 5 * MINUTE)).toEqual([
      { serverId: MADRID, outcome: 'posted' },
    ]);
    expect(await restarted.runDueServers(nine + 6 * MINUTE)).toEqual([
      { serverId: MADRID, outcome: 'up-to-date' },
    ]);
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.lookups).toBe(1); // the retry looked for an earlier post first
    const challenge = await use().prisma.dailyChallenge.findFirstOrThrow();
    expect(challenge).toMatchObject({
      status: 'sent',
      attempts: 2,
      messageId: publisher.posts[0]?.messageId,
    });
  });

  it('when the process dies after Discord took the post, then recovery finds it and does not post again', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const nine = at('2026-11-22', '09:00', 'Europe/Madrid');
    publisher.crash = 'after-send';
    await service().runDueServers(nine);
    publisher.crash = undefined;
    expect(publisher.posts).toHaveLength(1);
    expect(await use().prisma.dailyChallenge.findFirstOrThrow()).toMatchObject({
      status: 'pending',
      messageId: null,
    });

    expect(await service().runDueServers(nine + 10 * MINUTE)).toEqual([
      { serverId: MADRID, outcome: 'recovered' },
    ]);
    expect(publisher.posts).toHaveLength(1);
    expect(await use().prisma.dailyChallenge.findFirstOrThrow()).toMatchObject({
      status: 'sent',
      messageId: publisher.posts[0]?.messageId,
    });
  });

  it('when a claim was taken by a process that vanished, then another process takes over only after the lease', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const nine = at('2026-11-22', '09:00', 'Europe/Madrid');
    // Create today's challenge as the post would, then claim it "from a process that dies".
    publisher.crash = 'before-send';
    await service().runDueServers(nine);
    publisher.crash = undefined;
    const store = new PrismaDailyStore(use().prisma);
    const challenge = await store.challengeOn(MADRID, '2026-11-22');
    expect(await store.claim(challenge!.challengeId, nine + 5 * MINUTE, 5 * MINUTE)).toBeDefined();
    expect(await store.claim(challenge!.challengeId, nine + 6 * MINUTE, 5 * MINUTE)).toBeUndefined();

    expect(await service().runDueServers(nine + 9 * MINUTE)).toEqual([{ serverId: MADRID, outcome: 'held' }]);
    expect(await service().runDueServers(nine + 10 * MINUTE)).toEqual([
      { serverId: MADRID, outcome: 'posted' },
    ]);
    expect(publisher.posts).toHaveLength(1);
  });

  it('when a send outlives its lease and another scheduler posts meanwhile, then the late duplicate is deleted', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const nine = at('2026-11-22', '09:00', 'Europe/Madrid');
    const held = publisher.holdNextSend();
    const stuck = service().runDueServers(nine);
    await held.entered;
    const takeover = await service().runDueServers(nine + 6 * MINUTE);
    expect(takeover).toEqual([{ serverId: MADRID, outcome: 'posted' }]);
    held.release();
    expect(await stuck).toEqual([{ serverId: MADRID, outcome: 'duplicate-retracted' }]);
    expect(publisher.posts).toHaveLength(2);
    expect(publisher.visible()).toHaveLength(1);
    const challenge = await use().prisma.dailyChallenge.findFirstOrThrow();
    expect(challenge.messageId).toBe(publisher.visible()[0]?.messageId);
    expect(logger.lines.some((line) => line.message === 'duplicate daily post; deleting it')).toBe(true);
  });

  it('when Discord fails transiently, then the post is retried and sent once', async () => {
    await configure(MADRID, 'Europe/Madrid');
    const nine = at('2026-11-22', '09:00', 'Europe/Madrid');
    publisher.failing.set(CHANNEL(MADRID), 'transient');
    const daily = service({ policy: { retryDelayMs: 2 * MINUTE } });
    expect(await daily.runDueServers(nine)).toEqual([{ serverId: MADRID, outcome: 'retrying' }]);
    publisher.failing.clear();
    expect(await daily.runDueServers(nine + MINUTE)).toEqual([{ serverId: MADRID, outcome: 'held' }]);
    expect(await daily.runDueServers(nine + 2 * MINUTE)).toEqual([{ serverId: MADRID, outcome: 'posted' }]);
    expect(publisher.posts).toHaveLength(1);
  });

  it('when a daily channel was deleted, then the failure is recorded for the admin and other servers are served', async () => {
    await configure(TOKYO, 'UTC');
    await configure(MADRID, 'UTC');
    publisher.failing.set(CHANNEL(TOKYO), 'channel-missing');
    const daily = service();
    const nine = Date.UTC(2026, 10, 22, 9);
    expect(await daily.runDueServers(nine)).toEqual([
      { serverId: TOKYO, outcome: 'failed' },
      { serverId: MADRID, outcome: 'posted' },
    ]);
    expect(await daily.runDueServers(nine + MINUTE)).toEqual([
      { serverId: TOKYO, outcome: 'up-to-date' },
      { serverId: MADRID, outcome: 'up-to-date' },
    ]);
    const settings = await new PrismaSettingsStore(use().prisma).get(TOKYO);
    expect(settings).toMatchObject({ dailyLastError: 'channel-missing', dailyErrorNotified: false });
    expect(await daily.takeDailyError(TOKYO)).toEqual({ error: 'channel-missing', at: nine });
    expect(await daily.takeDailyError(TOKYO)).toBeUndefined();
    expect(logger.lines.some((line) => line.level === 'warn' && 'guildId' in line.fields)).toBe(true);
    // Players can still play the day's challenge with /daily.
    expect((await daily.startPlay({ serverId: TOKYO, playerId: ALICE, playerName: 'A' })).kind).toBe(
      'question',
    );

    // The admin picks another channel: today's post goes there at the next tick.
    await daily.configureDaily({ serverId: TOKYO, channelId: '399999999999999999' });
    expect(await new PrismaSettingsStore(use().prisma).get(TOKYO)).toMatchObject({
      dailyLastError: undefined,
      dailyErrorNotified: true,
    });
    expect(await daily.runDueServers(nine + 2 * MINUTE)).toEqual([
      { serverId: TOKYO, outcome: 'posted' },
      { serverId: MADRID, outcome: 'up-to-date' },
    ]);
    expect(publisher.postsIn('399999999999999999')).toHaveLength(1);
  });

  it('when two shards tick, then each posts only the guilds it owns', async () => {
    const servers = Array.from({ length: 4 }, (_, i) => `14000000000000000${i}`);
    for (const server of servers) await configure(server, 'UTC');
    const shardOf = (guildId: string) => Number(BigInt(guildId) % 2n);
    const shard0 = new FakePublisher();
    const shard1 = new FakePublisher();
    const nine = Date.UTC(2026, 10, 22, 9);
    const [zero, one] = await Promise.all([
      service({ publisher: shard0, ownsGuild: (id) => shardOf(id) === 0 }).runDueServers(nine),
      service({ publisher: shard1, ownsGuild: (id) => shardOf(id) === 1 }).runDueServers(nine),
    ]);
    expect(zero?.map((r) => r.serverId)).toEqual(servers.filter((s) => shardOf(s) === 0));
    expect(one?.map((r) => r.serverId)).toEqual(servers.filter((s) => shardOf(s) === 1));
    // A tick serves several servers at once, so posts come in no particular order.
    expect(shard0.posts.map((p) => p.view.serverId).sort()).toEqual(servers.filter((s) => shardOf(s) === 0));
    expect(shard1.posts.map((p) => p.view.serverId).sort()).toEqual(servers.filter((s) => shardOf(s) === 1));
  });

  it('when a player starts twice at once, then there is one play; a finished player is shown their result', async () => {
    await configure(MADRID, 'Europe/Madrid');
    clock.set(at('2026-11-22', '10:00', 'Europe/Madrid'));
    const daily = service();
    await daily.runDueServers(clock.now());
    const [a, b] = await Promise.all([
      daily.startPlay({ serverId: MADRID, playerId: ALICE, playerName: 'Alice' }),
      service().startPlay({ serverId: MADRID, playerId: ALICE, playerName: 'Alice' }),
    ]);
    expect([a, b].map((o) => o.kind)).toEqual(['question', 'question']);
    expect([a, b].map((o) => (o.kind === 'question' ? o.resumed : undefined)).sort()).toEqual([false, true]);
    expect(await use().prisma.dailyEntry.count()).toBe(1);

    // A double click on the first question records one answer.
    const view = a.kind === 'question' ? a.view : undefined;
    const click = () =>
      daily.answer({ challengeId: view!.challengeId, playerId: ALICE, questionIndex: 0, choiceIndex: 0 });
    const clicks = await Promise.all([click(), click()]);
    expect(clicks.map((c) => c.kind).sort()).toEqual(['already-answered', 'answered']);

    const finished = await play(daily, MADRID, ALICE, [true, false, true, true, true]);
    expect(finished.kind).toBe('already-played');
    if (finished.kind !== 'already-played') return;
    expect(finished.result.total).toBe(5);
    expect(finished.result.shareLine).toMatch(
      new RegExp(`^Plot Trivia #${challengeNumber('2026-11-22')} \\d/5 [✅❌]{5} 🔥 1$`, 'u'),
    );
    expect(await daily.shareLine(view!.challengeId, ALICE)).toBe(finished.result.shareLine);
    expect(await use().prisma.dailyAnswer.count()).toBe(5);
    const status = await daily.status(MADRID, ALICE);
    expect(status).toMatchObject({ configured: true, streak: 1, today: { state: 'finished' } });
    expect(status.nextPostAt).toBe(at('2026-11-23', '09:00', 'Europe/Madrid'));
  });

  it('when a question is left past its time, then coming back counts it wrong and shows the next', async () => {
    await configure(MADRID, 'Europe/Madrid');
    clock.set(at('2026-11-22', '10:00', 'Europe/Madrid'));
    const daily = service();
    await daily.runDueServers(clock.now());
    const first = await daily.startPlay({ serverId: MADRID, playerId: BOB, playerName: 'Bob' });
    expect(first.kind === 'question' && first.view.index).toBe(0);
    clock.set(clock.now() + 31_000);
    const back = await daily.startPlay({ serverId: MADRID, playerId: BOB, playerName: 'Bob' });
    expect(back.kind === 'question' && back.view.index).toBe(1);
    expect(back.kind === 'question' && back.view.deadline).toBe(clock.now() + 30_000);
    const stored = await use().prisma.dailyAnswer.findFirstOrThrow();
    expect(stored).toMatchObject({ questionIndex: 0, choiceIndex: null, correct: false, points: 0 });
  });

  it('when a player plays on consecutive local days across the end of DST, then the streak counts each day', async () => {
    await configure(NEW_YORK, 'America/New_York');
    const daily = service();
    const days = ['2026-10-31', '2026-11-01', '2026-11-02'];
    for (const [i, day] of days.entries()) {
      clock.set(at(day, '23:30', 'America/New_York'));
      expect(await daily.runDueServers(clock.now())).toEqual([{ serverId: NEW_YORK, outcome: 'posted' }]);
      const done = await play(daily, NEW_YORK, ALICE);
      expect(done.kind === 'already-played' && done.result.streak).toBe(i + 1);
    }
    // 2026-11-01 lasted 25 hours: its challenge resets at the next local midnight, not 24 h later.
    const nov1 = await use().prisma.dailyChallenge.findFirstOrThrow({ where: { localDate: '2026-11-01' } });
    expect(nov1.resetsAt.getTime()).toBe(Date.UTC(2026, 10, 2, 5));
    expect((await daily.status(NEW_YORK, ALICE)).streak).toBe(3);
    // Skipping 11-03 breaks it; the best stays.
    clock.set(at('2026-11-04', '12:00', 'America/New_York'));
    await daily.runDueServers(clock.now());
    expect((await daily.status(NEW_YORK, ALICE)).streak).toBe(0);
    const again = await play(daily, NEW_YORK, ALICE);
    expect(again.kind === 'already-played' && [again.result.streak, again.result.bestStreak]).toEqual([1, 3]);
  });

  it("when the next day's challenge is posted, then it reveals yesterday's answers, top players and streaks", async () => {
    await configure(MADRID, 'Europe/Madrid');
    const daily = service();
    clock.set(at('2026-11-21', '09:00', 'Europe/Madrid'));
    await daily.runDueServers(clock.now());
    await play(daily, MADRID, BOB);
    clock.set(at('2026-11-22', '09:00', 'Europe/Madrid'));
    await daily.runDueServers(clock.now());
    await play(daily, MADRID, ALICE, [true, true, false, false, false]);
    await play(daily, MADRID, BOB, [true, true, true, true, false]);

    clock.set(at('2026-11-23', '09:00', 'Europe/Madrid'));
    await daily.runDueServers(clock.now());
    const [, yesterday, today] = publisher.posts;
    const previous = today?.view.previous;
    const yesterdayIds = (
      await use().prisma.dailyChallenge.findFirstOrThrow({ where: { localDate: '2026-11-22' } })
    ).questionIds;
    expect(previous?.number).toBe(yesterday?.view.number);
    expect(previous?.questions).toEqual(
      yesterdayIds.map((id) => ({ prompt: bank.question(id)?.prompt, answer: bank.question(id)?.answer })),
    );
    expect(previous?.topPlayers.map((p) => [p.playerId, p.correct])).toEqual([
      [BOB, 4],
      [ALICE, 2],
    ]);
    expect(previous?.topStreaks.map((s) => [s.playerId, s.current])).toEqual([
      [BOB, 2],
      [ALICE, 1],
    ]);
    // Three days, fifteen different questions.
    const all = (await use().prisma.dailyChallenge.findMany()).flatMap((c) => c.questionIds);
    expect(new Set(all).size).toBe(15);
  });

  it('when an admin configures the daily challenge, then bad zones and times are typed errors', async () => {
    const daily = service();
    expect(await daily.configureDaily({ serverId: MADRID, timeZone: 'Mars/Olympus', time: '25:00' })).toEqual(
      {
        kind: 'invalid',
        errors: [
          { code: 'unknown-time-zone', timeZone: 'Mars/Olympus' },
          { code: 'invalid-time', time: '25:00' },
        ],
      },
    );
    expect(await daily.configureDaily({ serverId: MADRID, enabled: true })).toEqual({
      kind: 'invalid',
      errors: [{ code: 'no-channel' }],
    });
    const saved = await daily.configureDaily({
      serverId: MADRID,
      channelId: CHANNEL(MADRID),
      timeZone: 'europe/madrid',
      time: '7:30',
    });
    expect(saved.kind === 'saved' && saved.settings).toMatchObject({
      timeZone: 'Europe/Madrid',
      dailyTime: '07:30',
      dailyEnabled: true,
      dailyChannelId: CHANNEL(MADRID),
    });
    const off = await daily.configureDaily({ serverId: MADRID, channelId: null });
    expect(off.kind === 'saved' && off.settings).toMatchObject({
      dailyEnabled: false,
      dailyChannelId: undefined,
    });
    expect(await daily.runDueServers(Date.UTC(2026, 10, 22, 12))).toEqual([]);
    expect((await daily.startPlay({ serverId: MADRID, playerId: ALICE, playerName: 'A' })).kind).toBe(
      'not-configured',
    );
  });
});
