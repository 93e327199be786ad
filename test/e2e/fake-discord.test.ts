import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  Events,
  MessageFlags,
  SlashCommandBuilder,
  type Client,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FakeDiscord,
  type FakeGuild,
  type FakeUser,
  type FakeChannel,
} from '../../src/adapters/sandbox/fake-discord/index.ts';
import { loginClient } from './support/client.ts';

const ping = new SlashCommandBuilder()
  .setName('ping')
  .setDescription('Replies')
  .addStringOption((o) =>
    o
      .setName('mode')
      .setDescription('how')
      .addChoices({ name: 'Public', value: 'public' }, { name: 'Secret', value: 'secret' }),
  );

describe('fake Discord with the real discord.js client', () => {
  let fake: FakeDiscord;
  let guild: FakeGuild;
  let channel: FakeChannel;
  let player: FakeUser;
  let client: Client<true> | undefined;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    guild = fake.createGuild({ name: 'Cinema Club', preferredLocale: 'es-ES' });
    channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
    player = fake.createMember({ guildId: guild.id, username: 'ana', locale: 'es-ES' });
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  /** Registers /ping and routes interactions to `handler`, reporting handler errors to the test. */
  async function startBot(
    handler: (interaction: Interaction) => Promise<void>,
  ): Promise<{ errors: unknown[] }> {
    client = await loginClient(fake);
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => errors.push(error));
    });
    await client.application.commands.set([ping.toJSON()]);
    return { errors };
  }

  it('when the client logs in, then it is ready with the guild and its channel cached', async () => {
    client = await loginClient(fake);

    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe('Cinema Club');
    expect(cached?.preferredLocale).toBe('es-ES');
    expect(cached?.channels.cache.get(channel.id)?.name).toBe('trivia');
    expect(client.user.id).toBe(fake.botUser.id);
    expect(fake.errors).toEqual([]);
  });

  it('when the bot asks for the callback response, then it gets the created message back', async () => {
    let messageId: string | undefined;
    await startBot(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      messageId = response.resource?.message?.id;
    });

    const reply = await fake
      .sendSlashCommand({ guildId: guild.id, channelId: channel.id, userId: player.id, name: 'ping' })
      .response();

    await expect.poll(() => messageId).toBe(reply.id);
  });

  it('when the bot registers commands, then PUT stores them and GET returns them', async () => {
    client = await loginClient(fake);

    await client.application.commands.set([ping.toJSON()]);
    const fetched = await client.application.commands.fetch();

    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['ping']);
    expect(fetched.map((c) => c.name)).toEqual(['ping']);
  });

  it('when a user sends a slash command, then the bot receives Discord-shaped data and its reply is in the channel', async () => {
    let seen:
      { locale: string; guildLocale: string | null; option: string | null; canManage: boolean } | undefined;
    await startBot(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen = {
        locale: interaction.locale,
        guildLocale: interaction.guildLocale,
        option: interaction.options.getString('mode'),
        canManage: interaction.memberPermissions?.has('ManageGuild') ?? true,
      };
      await interaction.reply({ content: `pong ${interaction.user.username}` });
    });

    const handle = fake.sendSlashCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: player.id,
      name: 'ping',
      options: { mode: 'public' },
    });
    const reply = await handle.response();

    expect(seen).toEqual({ locale: 'es-ES', guildLocale: 'es-ES', option: 'public', canManage: false });
    expect(reply.content).toBe('pong ana');
    expect(reply.author.id).toBe(fake.botUser.id);
    expect(fake.channelMessages(channel.id).map((m) => m.content)).toEqual(['pong ana']);
  });

  it('when the bot replies ephemerally, then only the acting user sees the message', async () => {
    await startBot(async (interaction) => {
      if (interaction.isChatInputCommand())
        await interaction.reply({ content: 'secret', flags: MessageFlags.Ephemeral });
    });

    const reply = await fake
      .sendSlashCommand({ guildId: guild.id, channelId: channel.id, userId: player.id, name: 'ping' })
      .response();

    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(fake.channelMessages(channel.id)).toEqual([]);
    expect(fake.channelMessages(channel.id, { asUser: player.id }).map((m) => m.content)).toEqual(['secret']);
  });

  it('when the bot defers then edits the reply and follows up, then the handle sees both', async () => {
    await startBot(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply('thought about it');
      await interaction.followUp({ content: 'psst', flags: MessageFlags.Ephemeral });
    });

    const handle = fake.sendSlashCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: player.id,
      name: 'ping',
    });
    const reply = await handle.response();
    const followUp = await handle.followUp(0);

    expect(reply.content).toBe('thought about it');
    expect(reply.edited_timestamp).toBeNull();
    expect(followUp.content).toBe('psst');
    expect(fake.channelMessages(channel.id).map((m) => m.content)).toEqual(['thought about it']);
    expect(fake.ephemeralMessages(player.id).map((m) => m.content)).toEqual(['psst']);
  });

  it('when a user clicks a button and the bot updates the message, then the message is edited in place', async () => {
    await startBot(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('answer:A').setLabel('A').setStyle(ButtonStyle.Primary),
        );
        await interaction.reply({ content: 'Question 1', components: [row] });
      } else if (interaction.isButton()) {
        await interaction.update({
          content: `${interaction.user.username} answered ${interaction.customId}`,
          components: [],
        });
      }
    });
    const question = await fake
      .sendSlashCommand({ guildId: guild.id, channelId: channel.id, userId: player.id, name: 'ping' })
      .response();

    const updated = await fake
      .clickButton({ messageId: question.id, customId: 'answer:A', userId: player.id })
      .response();

    expect(updated.id).toBe(question.id);
    expect(updated.content).toBe('ana answered answer:A');
    expect(updated.components).toEqual([]);
    expect(updated.edited_timestamp).not.toBeNull();
  });

  it('when the bot acknowledges twice, then the second acknowledgement fails with 40060', async () => {
    const { errors } = await startBot(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('one');
      // discord.js guards its own double reply; going around it is what a racing second process would do.
      await interaction.client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
        body: { type: 4, data: { content: 'two' } },
        auth: false,
      });
    });

    const handle = fake.sendSlashCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: player.id,
      name: 'ping',
    });
    await handle.response();
    await expect.poll(() => errors.length).toBe(1);

    expect(errors[0]).toBeInstanceOf(DiscordAPIError);
    expect((errors[0] as DiscordAPIError).code).toBe(40060);
  });

  it('when the bot replies after 3 seconds, then it gets 10062 Unknown interaction', async () => {
    const { errors } = await startBot(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await new Promise((r) => setTimeout(r, 3_100));
      await interaction.reply('too late');
    });

    const handle = fake.sendSlashCommand({
      guildId: guild.id,
      channelId: channel.id,
      userId: player.id,
      name: 'ping',
    });
    await expect.poll(() => errors.length, { timeout: 6_000 }).toBe(1);

    expect((errors[0] as DiscordAPIError).code).toBe(10062);
    expect((errors[0] as DiscordAPIError).status).toBe(404);
    expect(handle.status).toBe('expired');
    expect(fake.channelMessages(channel.id)).toEqual([]);
  });

  it('when a button label is over 80 characters, then the reply fails with 50035 naming the field', async () => {
    const { errors } = await startBot(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      // Raw JSON: discord.js builders would refuse the label before Discord sees it.
      const row = { type: 1, components: [{ type: 2, custom_id: 'long', label: 'x'.repeat(81), style: 1 }] };
      await interaction.reply({ content: 'q', components: [row] });
    });

    fake.sendSlashCommand({ guildId: guild.id, channelId: channel.id, userId: player.id, name: 'ping' });
    await expect.poll(() => errors.length).toBe(1);

    const error = errors[0] as DiscordAPIError;
    expect(error.code).toBe(50035);
    expect(error.message).toContain('data.components[0].components[0].label[BASE_TYPE_MAX_LENGTH]');
    expect(fake.errors.at(-1)?.status).toBe(400);
  });
});
