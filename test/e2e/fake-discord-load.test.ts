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

  it('when 300 users click within one second, then every click is acknowledged within the 3 s window', async () => {
    const discord = await FakeDiscord.start();
    fake = discord;
    const guild = discord.createGuild();
    const channel = discord.createTextChannel({ guildId: guild.id });
    const users = Array.from({ length: 300 }, () => discord.createMember({ guildId: guild.id }));
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

    // A burst of simultaneous HTTP requests measures the machine's TCP stack; a steady rate measures the fake.
    const started = performance.now();
    const handles = [];
    for (let i = 0; i < users.length; i += 10) {
      for (const user of users.slice(i, i + 10))
        handles.push(discord.clickButton({ messageId, customId: 'a', userId: user.id }));
      await new Promise((resolve) => setTimeout(resolve, 33));
    }
    const callbacks = await Promise.all(handles.map((h) => h.acknowledged()));
    const elapsedMs = performance.now() - started;

    expect(callbacks).toHaveLength(300);
    expect(Math.max(...callbacks.map((c) => c.latencyMs))).toBeLessThan(3_000);
    expect(discord.errors).toEqual([]);
    console.info(
      `300 clicks acknowledged in ${elapsedMs.toFixed(0)} ms, slowest ${Math.max(...callbacks.map((c) => c.latencyMs))} ms`,
    );
  });
});
