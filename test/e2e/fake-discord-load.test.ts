import { Events, type Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { loginClient } from './support/client.ts';

describe('fake Discord under load', () => {
  let fake: FakeDiscord | undefined;
  let client: Client<true> | undefined;

  afterEach(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('when hundreds of users click at once, then every click is acknowledged within the 3 s window', async () => {
    const discord = await FakeDiscord.start();
    fake = discord;
    const guild = discord.createGuild();
    const channel = discord.createTextChannel({ guildId: guild.id });
    const users = Array.from({ length: 400 }, () => discord.createMember({ guildId: guild.id }));
    client = await loginClient(discord);
    client.on(Events.InteractionCreate, (i) => {
      if (i.isButton()) void i.reply({ content: `ok ${i.user.id}`, flags: 64 }).catch(() => undefined);
    });
    const question = await client.rest.post(`/channels/${channel.id}/messages`, {
      body: {
        content: 'Q',
        components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'a', label: 'A' }] }],
      },
    });
    const messageId = (question as { id: string }).id;

    const started = performance.now();
    const handles = users.map((u) => discord.clickButton({ messageId, customId: 'a', userId: u.id }));
    const callbacks = await Promise.all(handles.map((h) => h.acknowledged()));
    const elapsedMs = performance.now() - started;

    expect(callbacks).toHaveLength(400);
    expect(Math.max(...callbacks.map((c) => c.latencyMs))).toBeLessThan(3_000);
    expect(discord.errors).toEqual([]);
    console.info(`400 clicks acknowledged in ${elapsedMs.toFixed(0)} ms`);
  });
});
