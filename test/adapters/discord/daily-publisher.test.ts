import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordDailyPublisher } from '../../../src/adapters/discord/daily-publisher.ts';
import { FakeDiscord } from '../../../src/adapters/sandbox/fake-discord/index.ts';
import type { DailyPostView } from '../../../src/core/daily/ports.ts';
import { MemoryLogger } from '../../support/daily-fakes.ts';

const view = (challengeId: string): DailyPostView => ({
  challengeId,
  serverId: '1',
  number: 42,
  localDate: '2026-02-11',
  questionCount: 5,
  secondsPerQuestion: 30,
  resetsAt: Date.UTC(2026, 1, 12),
  lang: 'en',
  previous: undefined,
});

const CHALLENGE = '0b7e6c8e-1f7a-4f58-9d0e-3c1f1f2a9b10';
const OTHER = '5d0e1c2b-3a4f-4e5d-8c7b-6a5f4e3d2c1b';

describe('the daily publisher against the fake Discord', () => {
  let fake: FakeDiscord;
  let publisher: DiscordDailyPublisher;
  let guildId: string;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    guildId = fake.createGuild().id;
    const rest = new REST({ api: fake.restUrl }).setToken(fake.token);
    publisher = new DiscordDailyPublisher(rest, new MemoryLogger(), { timeLimitMs: 5_000 });
  });

  afterAll(async () => {
    await fake.close();
  });

  it('when it posts, then the post carries the play button and is found again by the challenge id only', async () => {
    const channel = fake.createTextChannel({ guildId });
    const posted = await publisher.postChallenge(channel.id, view(CHALLENGE));
    expect(posted.ok).toBe(true);
    if (!posted.ok) return;
    expect(await publisher.findChallengePost(channel.id, CHALLENGE)).toEqual({
      kind: 'found',
      messageId: posted.messageId,
    });
    expect(await publisher.findChallengePost(channel.id, OTHER)).toEqual({ kind: 'not-found' });
    await publisher.retractPost(channel.id, posted.messageId);
    expect(await publisher.findChallengePost(channel.id, CHALLENGE)).toEqual({ kind: 'not-found' });
  });

  it('when the channel is gone, then posting says channel-missing and the look-up does not claim it is absent', async () => {
    const channel = fake.createTextChannel({ guildId });
    fake.deleteChannel(channel.id);
    expect(await publisher.postChallenge(channel.id, view(CHALLENGE))).toEqual({
      ok: false,
      error: 'channel-missing',
    });
    expect(await publisher.findChallengePost(channel.id, CHALLENGE)).toEqual({
      kind: 'unknown',
      error: 'channel-missing',
    });
  });

  it('when the bot may not send in the channel, then posting says forbidden', async () => {
    const channel = fake.createTextChannel({ guildId });
    fake.setBotCanPost(channel.id, false);
    expect(await publisher.postChallenge(channel.id, view(CHALLENGE))).toEqual({
      ok: false,
      error: 'forbidden',
    });
  });

  it('when Discord does not answer within the time limit, then the send is given up as transient', async () => {
    const slow = await FakeDiscord.start({ restLatencyMs: 2_000 });
    try {
      const channel = slow.createTextChannel({ guildId: slow.createGuild().id });
      const rest = new REST({ api: slow.restUrl, retries: 0 }).setToken(slow.token);
      const bounded = new DiscordDailyPublisher(rest, new MemoryLogger(), { timeLimitMs: 300 });
      const started = Date.now();
      expect(await bounded.postChallenge(channel.id, view(CHALLENGE))).toEqual({
        ok: false,
        error: 'transient',
      });
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await slow.close();
    }
  });
});
