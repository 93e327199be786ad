import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { t } from '../../src/core/i18n/translate.ts';
import { startHarness, type Harness } from '../support/bot-harness.ts';
import { databaseKinds } from '../support/databases.ts';
import { GameDriver } from '../support/game-driver.ts';

// Refusals do not depend on the database: one kind is enough here (the game and admin suites run both).
const kind = databaseKinds()[0]!;
const SLOW = 20_000;
const EPHEMERAL = 64;

describe(`forged, foreign and unauthorised interactions [${kind}]`, () => {
  let h: Harness;
  let starter: FakeUser;
  let member: FakeUser;

  beforeAll(async () => {
    h = await startHarness(kind);
    starter = h.fake.createMember({ guildId: h.guild.id, username: 'starter' });
    member = h.fake.createMember({
      guildId: h.guild.id,
      username: 'member',
      permissions: PermissionFlagsBits.SendMessages,
    });
  });

  afterAll(async () => {
    await h.close();
  });

  const snapshot = async () => ({
    answers: await h.bot.database.prisma.answer.count(),
    games: await h.bot.database.prisma.game.count(),
    servers: await h.bot.database.prisma.server.findMany({ orderBy: { id: 'asc' } }),
    running: h.bot.games.runningGameCount,
  });

  it('when clicks carry unknown, malformed or out-of-range custom ids, then each gets an ephemeral reason and nothing changes', async () => {
    const game = new GameDriver(h);
    await game.start(starter.id, { questions: 2, seconds: 30 }).response(SLOW);
    await h.advance(1000);
    const question = await game.nextQuestion(0);
    const gameId = game.gameId(question);
    const before = await snapshot();
    const forgedIds = [
      '',
      'a',
      'a:not-a-uuid:0:0',
      `a:${gameId}:0:4`,
      `a:${gameId}:0:-1`,
      `a:${gameId.toUpperCase()}:0:0`,
      `a:${gameId}:0:0:extra`,
      `a:00000000-0000-4000-8000-000000000000:0:0`,
      `j:00000000-0000-4000-8000-000000000000`,
      `reset-lb:maybe:${member.id}`,
      '../../../etc/passwd',
      '<script>alert(1)</script>',
      '\u0000\uffff',
      'x'.repeat(100),
    ];
    const replies = await Promise.all(
      forgedIds.map((customId) =>
        h.fake
          .clickButton({ messageId: question.id, customId, userId: member.id, forged: true })
          .response(SLOW),
      ),
    );
    for (const reply of replies) {
      expect(reply.content).toBe(t('en', 'error.unknownInteraction'));
      expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
    }
    // A well-formed id for a round that does not exist is the live game's: too late, not an answer.
    const wrongRound = await h.fake
      .clickButton({ messageId: question.id, customId: `a:${gameId}:42:0`, userId: member.id, forged: true })
      .response(SLOW);
    expect(wrongRound.content).toBe(t('en', 'answer.tooLate'));
    expect(await snapshot()).toEqual(before);
    await game.stop(starter.id).response(SLOW);
  });

  it("when a player clicks another channel's or another server's game, then it is refused as the wrong channel", async () => {
    const here = new GameDriver(h, h.fake.createTextChannel({ guildId: h.guild.id, name: 'here' }).id);
    const there = new GameDriver(h, h.fake.createTextChannel({ guildId: h.guild.id, name: 'there' }).id);
    await here.start(starter.id, { questions: 2, seconds: 30 }).response(SLOW);
    await there.start(starter.id, { questions: 2, seconds: 30 }).response(SLOW);
    await h.advance(1000);
    const hereQuestion = await here.nextQuestion(0);
    const thereQuestion = await there.nextQuestion(0);
    const before = await snapshot();
    const [customId] = [hereQuestion.components![0]!].flatMap((row) =>
      'components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : [],
    );
    const foreign = await h.fake
      .clickButton({ messageId: thereQuestion.id, customId: customId!, userId: member.id, forged: true })
      .response(SLOW);
    expect(foreign.content).toBe(t('en', 'answer.wrongChannel'));
    expect(foreign.flags! & EPHEMERAL).toBe(EPHEMERAL);

    // A server the bot has never stored anything about: its member clicks this server's game from there.
    const stranger = h.fake.createGuild({ name: 'Unknown To The Bot' });
    const strangerChannel = h.fake.createTextChannel({ guildId: stranger.id, name: 'elsewhere' });
    const visitor = h.fake.createMember({ guildId: stranger.id, username: 'visitor' });
    const elsewhere = new GameDriver(h, strangerChannel.id);
    const started = await h.fake
      .sendSlashCommand({
        guildId: stranger.id,
        channelId: strangerChannel.id,
        userId: visitor.id,
        name: 'trivia',
        subcommand: 'start',
        options: { questions: 1, seconds: 30 },
      })
      .response(SLOW);
    expect(started.content).toBe('Game started! Good luck.');
    await h.advance(1000);
    const strangerQuestion = await elsewhere.nextQuestion(0);
    const crossServer = await h.fake
      .clickButton({ messageId: strangerQuestion.id, customId: customId!, userId: visitor.id, forged: true })
      .response(SLOW);
    expect(crossServer.content).toBe(t('en', 'answer.wrongChannel'));
    const after = await snapshot();
    expect(after.answers).toBe(before.answers);
    for (const driver of [here, there]) await driver.stop(starter.id).response(SLOW);
    await h.fake
      .sendSlashCommand({
        guildId: stranger.id,
        channelId: strangerChannel.id,
        userId: visitor.id,
        name: 'trivia',
        subcommand: 'stop',
      })
      .response(SLOW);
  });

  it('when /trivia-admin is opened to everyone, then every admin action and the reset confirmation are refused for a member without Manage Server', async () => {
    h.fake.openCommandToEveryone(h.guild.id, 'trivia-admin');
    const before = await snapshot();
    const actions: [string, Record<string, string | number | boolean>][] = [
      ['show', {}],
      ['language', { language: 'es' }],
      ['defaults', { questions: 5, seconds: 30, timezone: 'Europe/Madrid' }],
      ['packs', { pack: 'test-film', enabled: false }],
      ['daily', { channel: h.channel.id, time: '09:00', enabled: true }],
      ['reset-leaderboard', {}],
    ];
    for (const [subcommand, options] of actions) {
      const reply = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: member.id,
          name: 'trivia-admin',
          subcommand,
          options,
        })
        .response(SLOW);
      expect(reply.content, subcommand).toBe(t('en', 'error.needsManageServer'));
      expect(reply.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.embeds).toEqual([]);
    }
    const message = h.fake.channelMessages(h.channel.id).at(-1)!;
    const confirm = await h.fake
      .clickButton({
        messageId: message.id,
        customId: `reset-lb:yes:${member.id}`,
        userId: member.id,
        forged: true,
      })
      .response(SLOW);
    expect(confirm.content).toBe(t('en', 'error.needsManageServer'));
    expect(await snapshot()).toEqual(before);
    expect(await h.bot.database.prisma.leaderboardReset.count()).toBe(0);
  });
});
