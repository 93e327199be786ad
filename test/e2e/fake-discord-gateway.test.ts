import { Events, SlashCommandBuilder, type Client, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FakeDiscord,
  type FakeChannel,
  type FakeGuild,
  type FakeUser,
} from '../../src/adapters/sandbox/fake-discord/index.ts';
import { loginClient } from './support/client.ts';

const ping = new SlashCommandBuilder().setName('ping').setDescription('Replies').toJSON();

const replyPong = async (interaction: Interaction): Promise<void> => {
  if (interaction.isChatInputCommand())
    await interaction.reply(`pong from shard ${interaction.guild?.shardId}`);
};

describe('fake Discord gateway', () => {
  let fake: FakeDiscord;
  let guild: FakeGuild;
  let channel: FakeChannel;
  let player: FakeUser;
  const clients: Client[] = [];

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    guild = fake.createGuild();
    channel = fake.createTextChannel({ guildId: guild.id });
    player = fake.createMember({ guildId: guild.id });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.destroy()));
    await fake.close();
  });

  async function bot(options: Parameters<typeof loginClient>[1] = {}): Promise<Client<true>> {
    const client = await loginClient(fake, options);
    clients.push(client);
    client.on(Events.InteractionCreate, (interaction) => void replyPong(interaction));
    return client;
  }

  const ask = (guildId = guild.id, channelId = channel.id, userId = player.id) =>
    fake.sendSlashCommand({ guildId, channelId, userId, name: 'ping' });

  it('when the connection drops and a command arrives meanwhile, then the client resumes and receives it', async () => {
    const client = await bot();
    await client.application.commands.set([ping]);
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));

    fake.dropConnections();
    const handle = ask();
    await resumed;

    expect((await handle.response()).content).toBe('pong from shard 0');
    expect(fake.gateway.stats.resumes).toBe(1);
    expect(fake.gateway.stats.identifies).toBe(1);
  });

  it('when the gateway sends RECONNECT, then the client resumes the same session', async () => {
    const client = await bot();
    await client.application.commands.set([ping]);
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));

    fake.sendReconnect();
    await resumed;

    expect((await ask().response()).content).toBe('pong from shard 0');
    expect(fake.gateway.stats.identifies).toBe(1);
  });

  it('when the session is invalidated as resumable, then the client resumes on the same connection', async () => {
    const client = await bot();
    await client.application.commands.set([ping]);
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));

    fake.invalidateSession(true);
    await resumed;

    expect((await ask().response()).content).toBe('pong from shard 0');
    expect(fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1, connections: 1 });
  });

  it('when the session is invalidated as not resumable, then the client identifies again and still works', async () => {
    const client = await bot();
    await client.application.commands.set([ping]);

    fake.invalidateSession(false);
    await expect.poll(() => fake.gateway.stats.identifies, { timeout: 15_000 }).toBe(2);
    await fake.waitForConnectedSessions(1);

    expect((await ask().response()).content).toBe('pong from shard 0');
  }, 30_000);

  it('when the client comes back after the resume window, then its RESUME is refused and it identifies again', async () => {
    await fake.close();
    fake = await FakeDiscord.start({ resumeWindowMs: 50 });
    guild = fake.createGuild();
    channel = fake.createTextChannel({ guildId: guild.id });
    player = fake.createMember({ guildId: guild.id });
    const client = await bot();
    await client.application.commands.set([ping]);

    fake.dropConnections();
    await expect.poll(() => fake.gateway.stats.identifies, { timeout: 15_000 }).toBe(2);
    await fake.waitForConnectedSessions(1);

    expect(fake.gateway.stats).toMatchObject({ resumes: 0, invalidSessions: 1 });
    expect((await ask().response()).content).toBe('pong from shard 0');
  }, 30_000);

  it('when two clients run one shard each, then each receives only its own guilds and interactions', async () => {
    const guild0 = fake.createGuild({ id: fake.guildIdForShard(0, 2), name: 'zero' });
    const guild1 = fake.createGuild({ id: fake.guildIdForShard(1, 2), name: 'one' });
    const channel0 = fake.createTextChannel({ guildId: guild0.id });
    const channel1 = fake.createTextChannel({ guildId: guild1.id });
    const user0 = fake.createMember({ guildId: guild0.id });
    const user1 = fake.createMember({ guildId: guild1.id });
    const shard0 = await bot({ shards: [0], shardCount: 2 });
    const shard1 = await bot({ shards: [1], shardCount: 2 });
    await shard0.application.commands.set([ping]);
    const seenBy = { 0: [] as string[], 1: [] as string[] };
    shard0.on(Events.InteractionCreate, (i) => seenBy[0].push(i.guildId ?? ''));
    shard1.on(Events.InteractionCreate, (i) => seenBy[1].push(i.guildId ?? ''));

    const reply0 = await ask(guild0.id, channel0.id, user0.id).response();
    const reply1 = await ask(guild1.id, channel1.id, user1.id).response();

    expect(shard0.guilds.cache.has(guild0.id) && !shard0.guilds.cache.has(guild1.id)).toBe(true);
    expect(shard1.guilds.cache.has(guild1.id) && !shard1.guilds.cache.has(guild0.id)).toBe(true);
    expect(seenBy).toEqual({ 0: [guild0.id], 1: [guild1.id] });
    expect([reply0.content, reply1.content]).toEqual(['pong from shard 0', 'pong from shard 1']);
  });

  it('when heartbeats go unacknowledged, then the client treats the connection as a zombie and resumes', async () => {
    await fake.close();
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
    guild = fake.createGuild();
    channel = fake.createTextChannel({ guildId: guild.id });
    player = fake.createMember({ guildId: guild.id });
    const client = await bot();
    await client.application.commands.set([ping]);

    fake.setHeartbeatAcks(false);
    await expect.poll(() => fake.gateway.stats.resumes, { timeout: 5_000 }).toBeGreaterThan(0);
    fake.setHeartbeatAcks(true);
    await fake.waitForConnectedSessions(1);

    expect((await ask().response()).content).toBe('pong from shard 0');
    expect(fake.gateway.stats.identifies).toBe(1);
  });

  it('when a guild is created while the bot is connected, then the client gets GUILD_CREATE', async () => {
    const client = await bot();
    const joined = new Promise<string>((resolve) => client.once(Events.GuildCreate, (g) => resolve(g.name)));

    fake.createGuild({ name: 'Late Night Films' });

    expect(await joined).toBe('Late Night Films');
  });
});
