import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GlobalPacer, pacedRequests } from '../../../src/adapters/discord/global-pacer.ts';
import { FakeDiscord } from '../../../src/adapters/sandbox/fake-discord/index.ts';

/** Time that moves only when told; scheduled callbacks run as it passes them. */
class StepTime {
  at = 0;
  private timers: { at: number; callback: () => void; cancelled: boolean }[] = [];
  now = () => this.at;
  schedule = (callback: () => void, ms: number) => {
    const timer = { at: this.at + ms, callback, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  async advanceTo(at: number): Promise<void> {
    for (;;) {
      const due = this.timers.filter((t) => !t.cancelled && t.at <= at).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.at = due.at;
      due.callback();
      await settle();
    }
    this.at = at;
    await settle();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A request whose answer comes when the test says. */
function request(log: string[], name: string) {
  let answer: () => void = () => undefined;
  const answered = new Promise<string>((resolve) => (answer = () => resolve(name)));
  return {
    send: () => {
      log.push(name);
      return answered;
    },
    /** The answer arrives now (and the pacer has taken note of it when this resolves). */
    answer: async () => {
      answer();
      await settle();
    },
  };
}

describe('the global pacer', () => {
  it('when more requests are asked than the limit, then the extra ones go a window after an earlier answer', async () => {
    const time = new StepTime();
    const pacer = new GlobalPacer({ limit: 2, windowMs: 1000, now: time.now, schedule: time.schedule });
    const sent: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => request(sent, name));
    const runs = [a!, b!, c!, d!].map((r) => pacer.run(r.send));
    await settle();
    expect(sent).toEqual(['a', 'b']);

    await time.advanceTo(30);
    await a!.answer();
    await time.advanceTo(1029);
    expect(sent).toEqual(['a', 'b']); // a may have been counted as late as its answer, at 30
    await time.advanceTo(1030);
    expect(sent).toEqual(['a', 'b', 'c']);
    await b!.answer();
    await c!.answer();
    await time.advanceTo(2030);
    expect(sent).toEqual(['a', 'b', 'c', 'd']);
    await d!.answer();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('when a request goes unanswered, then it holds its slot until it must have arrived and a window more', async () => {
    const time = new StepTime();
    const pacer = new GlobalPacer({
      limit: 1,
      windowMs: 1000,
      maxArrivalMs: 2000,
      now: time.now,
      schedule: time.schedule,
    });
    const sent: string[] = [];
    const [slow, next] = ['slow', 'next'].map((name) => request(sent, name));
    const runs = [pacer.run(slow!.send), pacer.run(next!.send)];
    // Discord may count the slow one as late as 2 s after it was sent; then a whole window must pass.
    await time.advanceTo(2999);
    expect(sent).toEqual(['slow']);
    await time.advanceTo(3000);
    expect(sent).toEqual(['slow', 'next']);
    await slow!.answer();
    await next!.answer();
    await Promise.all(runs);
  });

  it('when a waiting request is aborted, then it is not sent and the one behind it takes its turn', async () => {
    const time = new StepTime();
    const pacer = new GlobalPacer({ limit: 1, windowMs: 1000, now: time.now, schedule: time.schedule });
    const sent: string[] = [];
    const [first, dropped, last] = ['first', 'dropped', 'last'].map((name) => request(sent, name));
    const abort = new AbortController();
    const runs = [pacer.run(first!.send), pacer.run(dropped!.send, abort.signal), pacer.run(last!.send)];
    abort.abort();
    await expect(runs[1]).rejects.toMatchObject({ name: 'AbortError' });
    await first!.answer();
    await time.advanceTo(1000);
    expect(sent).toEqual(['first', 'last']);
    await last!.answer();
    await Promise.all([runs[0], runs[2]]);
  });

  it('when a request goes without the bot token (interaction callbacks, interaction webhooks), then it is not paced', async () => {
    const pacer = new GlobalPacer({ limit: 1, windowMs: 60_000 });
    const urls: string[] = [];
    const send = pacedRequests(pacer, (url) => {
      urls.push(url);
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    await send('https://discord.test/api/v10/channels/1/messages', { headers: { Authorization: 'Bot x' } });
    // The bot's one slot is taken for a minute; the callback and the webhook go at once anyway.
    await send('https://discord.test/api/v10/interactions/2/token/callback', { headers: {} });
    await send('https://discord.test/api/v10/webhooks/3/token/messages/@original', { headers: {} });
    expect(urls).toHaveLength(3);
  });
});

describe('the global pacer against the fake Discord', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ rateLimits: { globalPerSecond: 5 } });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('when a burst goes through the bot REST client, then every request is sent and none is answered 429', async () => {
    const channels = Array.from({ length: 12 }, () =>
      fake.createTextChannel({ guildId: fake.createGuild().id }),
    );
    const rest = new REST({
      api: fake.restUrl,
      globalRequestsPerSecond: 5,
      makeRequest: pacedRequests(new GlobalPacer({ limit: 5, windowMs: 1010 })),
    }).setToken(fake.token);

    await Promise.all(
      channels.map((channel) => rest.post(Routes.channelMessages(channel.id), { body: { content: 'hi' } })),
    );

    expect(channels.map((channel) => fake.channelMessages(channel.id).length)).toEqual(channels.map(() => 1));
    expect(fake.rateLimitHits).toEqual([]);
  }, 20_000);
});
