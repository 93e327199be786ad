import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeChannel } from '../../src/adapters/sandbox/fake-discord/index.ts';

/** The fake's fault-injection control, checked through discord.js's own REST client. */
describe('fake Discord injected REST faults', () => {
  let fake: FakeDiscord;
  let channel: FakeChannel;
  let rest: REST;
  const messagesRoute = /^\/channels\/\d+\/messages$/;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    const guild = fake.createGuild({ name: 'faults' });
    channel = fake.createTextChannel({ guildId: guild.id, name: 'general' });
    rest = new REST({ api: fake.restUrl, retries: 3 }).setToken(fake.token);
  });

  afterEach(async () => {
    await fake.close();
  });

  const post = (body: Record<string, unknown>) =>
    rest.post(Routes.channelMessages(channel.id), { body }) as Promise<APIMessage>;

  it('when the next two posts get 503, then discord.js retries and exactly one message exists', async () => {
    const left = fake.failRequests({ method: 'POST', path: messagesRoute, status: 503, count: 2 });
    const message = await post({ content: 'hello' });
    expect(left()).toBe(0);
    expect(fake.channelMessages(channel.id).map((m) => m.id)).toEqual([message.id]);
    expect(fake.errors.map((e) => e.status)).toEqual([503, 503]);
  });

  it('when a post gets 429 with retry_after, then discord.js waits that long and posts once', async () => {
    fake.failRequests({ method: 'POST', path: messagesRoute, status: 429, count: 1, retryAfterMs: 300 });
    const started = Date.now();
    await post({ content: 'later' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(fake.channelMessages(channel.id)).toHaveLength(1);
    expect(fake.rateLimitHits).toHaveLength(1);
  });

  it('when 5xx never stops, then discord.js gives up after its retries (4 attempts) and nothing is posted', async () => {
    fake.failRequests({ method: 'POST', path: messagesRoute, status: 500, count: 100 });
    await expect(post({ content: 'doomed' })).rejects.toBeInstanceOf(HTTPError);
    expect(fake.errors).toHaveLength(4);
    expect(fake.channelMessages(channel.id)).toHaveLength(0);
  });

  it('when a post went through but its answer was a 502, then a plain retry duplicates it and an enforced nonce does not', async () => {
    fake.failRequests({ method: 'POST', path: messagesRoute, status: 502, count: 1, afterProcessing: true });
    await post({ content: 'plain' });
    expect(fake.channelMessages(channel.id).map((m) => m.content)).toEqual(['plain', 'plain']);

    fake.failRequests({ method: 'POST', path: messagesRoute, status: 502, count: 1, afterProcessing: true });
    const kept = await post({ content: 'once', nonce: 'game-1-q0', enforce_nonce: true });
    expect(
      fake
        .channelMessages(channel.id)
        .filter((m) => m.content === 'once')
        .map((m) => m.id),
    ).toEqual([kept.id]);
    // Without enforce_nonce the nonce is only echoed back, as on Discord.
    await post({ content: 'echo', nonce: 'game-1-q0' });
    await post({ content: 'echo', nonce: 'game-1-q0' });
    expect(fake.channelMessages(channel.id).filter((m) => m.content === 'echo')).toHaveLength(2);
  });

  it('when a nonce is longer than 25 characters, then the post is refused like Discord does', async () => {
    await expect(post({ content: 'x', nonce: 'n'.repeat(26), enforce_nonce: true })).rejects.toBeInstanceOf(
      DiscordAPIError,
    );
  });

  it('when a fault names another route or method, then other requests are untouched', async () => {
    const left = fake.failRequests({ method: 'PATCH', path: messagesRoute, status: 500, count: 1 });
    await post({ content: 'fine' });
    expect(left()).toBe(1);
    expect(fake.errors).toHaveLength(0);
  });
});
