import {
  DiscordAPIError,
  EmbedBuilder,
  Events,
  MessageFlags,
  PermissionFlagsBits,
  RESTEvents,
  SlashCommandBuilder,
  type Client,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FakeDiscord,
  ImpossibleUserAction,
  type FakeDiscordOptions,
} from '../../src/adapters/sandbox/fake-discord/index.ts';
import { loginClient } from './support/client.ts';

const trivia = new SlashCommandBuilder()
  .setName('trivia')
  .setDescription('Trivia')
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Start')
      .addIntegerOption((o) => o.setName('rounds').setDescription('n').setRequired(true)),
  )
  .addSubcommand((s) =>
    s
      .setName('film')
      .setDescription('Pick')
      .addStringOption((o) => o.setName('title').setDescription('t').setAutocomplete(true)),
  )
  .toJSON();
const admin = new SlashCommandBuilder()
  .setName('setup')
  .setDescription('Admins only')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .toJSON();

describe('fake Discord rules', () => {
  let fake: FakeDiscord;
  let client: Client<true> | undefined;

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  async function setUp(options: FakeDiscordOptions = {}) {
    fake = await FakeDiscord.start(options);
    const guild = fake.createGuild();
    const channel = fake.createTextChannel({ guildId: guild.id });
    const player = fake.createMember({ guildId: guild.id, username: 'ana' });
    const manager = fake.createMember({
      guildId: guild.id,
      username: 'mod',
      permissions: PermissionFlagsBits.ManageGuild,
    });
    client = await loginClient(fake);
    await client.application.commands.set([trivia, admin]);
    const errors: unknown[] = [];
    const on = (handler: (interaction: Interaction) => Promise<void>): void => {
      client?.on(Events.InteractionCreate, (i) => void handler(i).catch((e: unknown) => errors.push(e)));
    };
    const textChannel = client.channels.cache.get(channel.id) as TextChannel;
    return { guild, channel, player, manager, errors, on, textChannel };
  }

  it('when a subcommand with options is sent, then discord.js reads the subcommand and typed option', async () => {
    const { guild, channel, player, on } = await setUp();
    on(async (i) => {
      if (i.isChatInputCommand())
        await i.reply(`${i.options.getSubcommand()} x${i.options.getInteger('rounds', true) * 2}`);
    });

    const reply = await fake
      .sendSlashCommand({
        guildId: guild.id,
        channelId: channel.id,
        userId: player.id,
        name: 'trivia',
        subcommand: 'start',
        options: { rounds: 5 },
      })
      .response();

    expect(reply.content).toBe('start x10');
  });

  it('when a user could not send the command, then the driver refuses it', async () => {
    const { guild, channel, player, manager } = await setUp();
    const base = { guildId: guild.id, channelId: channel.id };

    expect(() => fake.sendSlashCommand({ ...base, userId: player.id, name: 'nope' })).toThrow(
      ImpossibleUserAction,
    );
    expect(() =>
      fake.sendSlashCommand({ ...base, userId: player.id, name: 'trivia', subcommand: 'start' }),
    ).toThrow(/requires option "rounds"/);
    expect(() => fake.sendSlashCommand({ ...base, userId: player.id, name: 'setup' })).toThrow(/hidden/);
    expect(fake.sendSlashCommand({ ...base, userId: manager.id, name: 'setup' }).deliveredTo).toBe(1);
  });

  it('when a user types in an autocomplete option, then the bot answers with choices', async () => {
    const { guild, channel, player, on } = await setUp();
    on(async (i) => {
      if (i.isAutocomplete()) {
        const typed = i.options.getFocused();
        await i.respond([{ name: `${typed} (1999)`, value: `${typed}-1999` }]);
      }
    });

    const choices = await fake
      .sendAutocomplete({
        guildId: guild.id,
        channelId: channel.id,
        userId: player.id,
        name: 'trivia',
        subcommand: 'film',
        options: { title: 'Matr' },
        focused: 'title',
      })
      .choices();

    expect(choices).toEqual([{ name: 'Matr (1999)', value: 'Matr-1999' }]);
  });

  it('when the bot defers a button update and then edits, then the clicked message changes', async () => {
    const { guild, channel, player, on, textChannel } = await setUp();
    const question = await textChannel.send({
      content: 'Q1',
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'a', label: 'A' }] }],
    });
    on(async (i) => {
      if (!i.isButton()) return;
      await i.deferUpdate();
      await i.editReply({ content: 'Q1 (answered)', components: [] });
    });

    const updated = await fake
      .clickButton({ messageId: question.id, customId: 'a', userId: player.id })
      .response();

    expect(updated.id).toBe(question.id);
    expect(updated.content).toBe('Q1 (answered)');
    expect(
      fake.channelMessages(guild.id === channel.guildId ? channel.id : '').map((m) => m.content),
    ).toEqual(['Q1 (answered)']);
  });

  it('when the bot opens a modal and the user submits it, then the bot reads the fields', async () => {
    const { player, on, textChannel } = await setUp();
    const prompt = await textChannel.send({
      content: 'Guess',
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'guess', label: 'Guess' }] }],
    });
    on(async (i) => {
      if (i.isButton()) {
        await i.showModal({
          custom_id: 'guess-modal',
          title: 'Your guess',
          components: [{ type: 1, components: [{ type: 4, custom_id: 'film', label: 'Film', style: 1 }] }],
        });
      } else if (i.isModalSubmit()) {
        await i.reply({
          content: `you said ${i.fields.getTextInputValue('film')}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });

    const click = fake.clickButton({ messageId: prompt.id, customId: 'guess', userId: player.id });
    await click.acknowledged();
    const reply = await fake.submitModal({ interactionId: click.id, values: { film: 'Alien' } }).response();

    expect(reply.content).toBe('you said Alien');
    expect(() => fake.submitModal({ interactionId: click.id, values: { nope: 'x' } })).toThrow(
      ImpossibleUserAction,
    );
  });

  it('when a select menu is used, then the bot gets the values', async () => {
    const { player, on, textChannel } = await setUp();
    const menu = await textChannel.send({
      content: 'Pick',
      components: [
        {
          type: 1,
          components: [
            {
              type: 3,
              custom_id: 'pick',
              options: [
                { label: 'One', value: '1' },
                { label: 'Two', value: '2' },
              ],
            },
          ],
        },
      ],
    });
    on(async (i) => {
      if (i.isStringSelectMenu())
        await i.reply({ content: `picked ${i.values.join(',')}`, flags: MessageFlags.Ephemeral });
    });

    const reply = await fake
      .selectMenu({ messageId: menu.id, customId: 'pick', values: ['2'], userId: player.id })
      .response();

    expect(reply.content).toBe('picked 2');
    expect(() =>
      fake.selectMenu({ messageId: menu.id, customId: 'pick', values: ['9'], userId: player.id }),
    ).toThrow(/not an option/);
  });

  it("when another user clicks a button on someone else's ephemeral message, then the driver refuses", async () => {
    const { guild, channel, player, on } = await setUp();
    const other = fake.createMember({ guildId: guild.id });
    on(async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({
          content: 'yours',
          flags: MessageFlags.Ephemeral,
          components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'x', label: 'X' }] }],
        });
      }
    });
    const mine = await fake
      .sendSlashCommand({
        guildId: guild.id,
        channelId: channel.id,
        userId: player.id,
        name: 'trivia',
        subcommand: 'start',
        options: { rounds: 1 },
      })
      .response();

    expect(() => fake.clickButton({ messageId: mine.id, customId: 'x', userId: other.id })).toThrow(
      /ephemeral/,
    );
    expect(fake.clickButton({ messageId: mine.id, customId: 'x', userId: player.id }).deliveredTo).toBe(1);
  });

  it('when the channel is deleted or the bot may not post, then sending fails with 10003 or 50013', async () => {
    const { guild, textChannel } = await setUp();
    const other = fake.createTextChannel({ guildId: guild.id });
    await expect.poll(() => client?.channels.cache.has(other.id)).toBe(true);
    const otherChannel = client?.channels.cache.get(other.id) as TextChannel;

    fake.setBotCanPost(other.id, false);
    const denied = await otherChannel.send('hello').catch((e: unknown) => e);
    fake.deleteChannel(textChannel.id);
    const gone = await client?.rest
      .post(`/channels/${textChannel.id}/messages`, { body: { content: 'x' } })
      .catch((e: unknown) => e);

    expect((denied as DiscordAPIError).code).toBe(50013);
    expect((denied as DiscordAPIError).status).toBe(403);
    expect((gone as DiscordAPIError).code).toBe(10003);
    expect(fake.errors.map((e) => e.status)).toEqual([403, 404]);
  });

  it('when an embed or the rows break Discord limits, then the post fails with 50035 and each field', async () => {
    const { textChannel } = await setUp();
    const fields = Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    const rows = Array.from({ length: 6 }, (_, r) => ({
      type: 1,
      components: Array.from({ length: 6 }, (_, c) => ({
        type: 2,
        style: 1,
        custom_id: `${r}-${c}`,
        label: 'x',
      })),
    }));

    const error = (await client?.rest
      .post(`/channels/${textChannel.id}/messages`, {
        body: { content: 'x'.repeat(2001), embeds: [{ title: 't'.repeat(257), fields }], components: rows },
      })
      .catch((e: unknown) => e)) as DiscordAPIError;

    expect(error.code).toBe(50035);
    for (const path of [
      'content[BASE_TYPE_MAX_LENGTH]',
      'embeds[0].title[BASE_TYPE_MAX_LENGTH]',
      'embeds[0].fields[BASE_TYPE_MAX_LENGTH]',
      'components[BASE_TYPE_MAX_LENGTH]',
    ]) {
      expect(error.message).toContain(path);
    }
    // discord.js's message stops at the first level with errors; the body has the row's own error too.
    expect(error.rawError).toMatchObject({
      errors: { components: { 0: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
    });
  });

  it('when embeds together exceed 6000 characters, then the post fails with MAX_EMBED_SIZE_EXCEEDED', async () => {
    const { textChannel } = await setUp();
    const embed = new EmbedBuilder().setDescription('d'.repeat(4000));

    const error = (await textChannel
      .send({ embeds: [embed, embed] })
      .catch((e: unknown) => e)) as DiscordAPIError;

    expect(error.code).toBe(50035);
    expect(error.message).toContain('MAX_EMBED_SIZE_EXCEEDED');
  });

  it('when the global limit is exceeded, then the fake answers 429 and discord.js retries until all are posted', async () => {
    const { textChannel } = await setUp({ rateLimits: { globalPerSecond: 5 } });
    const limited: boolean[] = [];
    client?.rest.on(RESTEvents.RateLimited, (info) => limited.push(info.global));

    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => textChannel.send(`m${i}`)));

    expect(sent).toHaveLength(8);
    expect(fake.channelMessages(textChannel.id)).toHaveLength(8);
    expect(fake.rateLimitHits.length).toBeGreaterThan(0);
    expect(fake.rateLimitHits[0]?.body).toMatchObject({
      global: true,
      message: 'You are being rate limited.',
    });
  }, 20_000);

  it('when a route bucket runs out, then discord.js waits on the headers and is never answered 429', async () => {
    const { textChannel } = await setUp({ rateLimits: { route: { limit: 2, windowMs: 500 } } });

    await Promise.all(Array.from({ length: 5 }, (_, i) => textChannel.send(`m${i}`)));

    expect(fake.channelMessages(textChannel.id).map((m) => m.content)).toEqual([
      'm0',
      'm1',
      'm2',
      'm3',
      'm4',
    ]);
    expect(fake.rateLimitHits).toEqual([]);
  }, 20_000);

  it('when the bot fetches itself, its application and a channel, then the fake answers like Discord', async () => {
    const { channel } = await setUp();

    const application = await client?.application.fetch();
    const oauth = (await client?.rest.get('/oauth2/applications/@me')) as { id: string };
    const me = (await client?.rest.get('/users/@me')) as { id: string; bot: boolean };
    const fetched = await client?.channels.fetch(channel.id, { force: true });

    expect(application?.id).toBe(fake.applicationId);
    expect(oauth.id).toBe(fake.applicationId);
    expect(me).toMatchObject({ id: fake.botUser.id, bot: true });
    expect(fetched?.id).toBe(channel.id);
    expect(fake.errors).toEqual([]);
  });

  it('when the bot posts, then waitForMessage sees it and subscribers hear every change', async () => {
    const { textChannel } = await setUp();
    const heard: string[] = [];
    fake.on('messageCreate', (r) => heard.push(`create:${r.message.content}`));
    fake.on('messageUpdate', (r) => heard.push(`update:${r.message.content}`));

    const waiting = fake.waitForMessage((m) => m.content === 'final');
    const message = await textChannel.send('draft');
    await message.edit('final');

    expect((await waiting).id).toBe(message.id);
    expect(heard).toEqual(['create:draft', 'update:final']);
  });
});
