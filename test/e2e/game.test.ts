import { buttons } from '../support/game-driver.ts';
import { PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseButtonId } from '../../src/adapters/discord/render/custom-ids.ts';
import { t } from '../../src/core/i18n/translate.ts';
import type { FakeUser } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { databaseKinds } from '../support/databases.ts';
import { embedText, startHarness, type Harness } from '../support/bot-harness.ts';

for (const kind of databaseKinds()) {
  describe(`a trivia game through the real discord.js client [${kind}]`, () => {
    let h: Harness;
    let starter: FakeUser;
    let players: FakeUser[];
    let moderator: FakeUser;
    let spanish: FakeUser;

    beforeAll(async () => {
      h = await startHarness(kind);
      starter = h.fake.createMember({ guildId: h.guild.id, username: 'starter' });
      moderator = h.fake.createMember({
        guildId: h.guild.id,
        username: 'mod',
        permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages,
      });
      spanish = h.fake.createMember({ guildId: h.guild.id, username: 'ana', locale: 'es-ES' });
      players = Array.from({ length: 50 }, (_, index) =>
        h.fake.createMember({ guildId: h.guild.id, username: `player${index}` }),
      );
    });

    afterAll(async () => {
      await h.close();
    });

    const start = (
      options: Record<string, string | number> = {},
      userId = starter.id,
      channelId = h.channel.id,
    ) =>
      h.fake.sendSlashCommand({
        guildId: h.guild.id,
        channelId,
        userId,
        name: 'trivia',
        subcommand: 'start',
        options,
      });

    async function nextQuestion(afterCount: number): Promise<APIMessage> {
      await expect.poll(() => questionMessages().length, { timeout: 10_000 }).toBeGreaterThan(afterCount);
      return questionMessages()[afterCount]!;
    }

    function questionMessages(): APIMessage[] {
      return h.fake
        .channelMessages(h.channel.id)
        .filter((message) =>
          buttons(message).some((button) => parseButtonId(button.customId)?.kind === 'answer'),
        );
    }

    const messagesWith = (text: string) =>
      h.fake.channelMessages(h.channel.id).filter((message) => embedText(message).includes(text));

    /** Waits until `count` channel messages contain `text`; returns the first of them. */
    async function waitForText(text: string, count = 1): Promise<APIMessage> {
      await expect.poll(() => messagesWith(text).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
      return messagesWith(text)[0]!;
    }

    const click = (message: APIMessage, choice: number, userId: string, locale?: string) => {
      const button = buttons(message)[choice]!;
      return h.fake.clickButton({
        messageId: message.id,
        customId: button.customId,
        userId,
        ...(locale ? { locale } : {}),
      });
    };

    it('when a game is played to the end, then answers, reveals and final standings are right and stored', async () => {
      const reply = await start({ questions: 3, seconds: 10 }).response();
      expect(reply.content).toBe('Game started! Good luck.');
      expect(reply.flags! & 64).toBe(64);
      const second = await start({}, moderator.id).response();
      expect(second.content).toMatch(
        /A game is already running in this channel: https:\/\/discord\.com\/channels\//,
      );

      await h.advance(1000);
      const q1 = await nextQuestion(0);
      expect(embedText(q1)).toMatch(/Question 1 of 3/);
      expect(embedText(q1)).toMatch(/<t:\d+:R>/);
      expect(buttons(q1).map((b) => b.label[0])).toEqual(['A', 'B', 'C', 'D']);

      // 50 players click inside ~50 ms, each twice: every answer recorded once.
      const clicks = players.flatMap((player, index) => [
        click(q1, index % 4, player.id),
        click(q1, index % 4, player.id),
      ]);
      const replies = await Promise.all(clicks.map((handle) => handle.response()));
      expect(replies.filter((r) => r.content?.startsWith('Locked in'))).toHaveLength(50);
      expect(replies.filter((r) => r.content?.startsWith('You already locked in'))).toHaveLength(50);
      expect(replies.every((r) => (r.flags! & 64) === 64)).toBe(true);
      const gameId = parseButtonId(buttons(q1)[0]!.customId)!;
      const stored = await h.bot.database.prisma.answer.count({
        where: { round: { gameId: gameId.kind === 'answer' ? gameId.gameId : '' } },
      });
      expect(stored).toBe(50);

      await h.advance(10_000);
      // Clicked as time ran out, while the buttons still looked enabled.
      const late = await click(q1, 0, spanish.id, 'es-ES').response();
      expect(late.content).toBe(t('es', 'answer.tooLate'));
      const reveal = await waitForText('The answer was');
      expect(embedText(reveal)).toMatch(/A: 13 · B: 13 · C: 12 · D: 12/);
      expect(embedText(reveal)).toMatch(/\|\|From the synopsis: "Source sentence number \d\."\|\|/);
      expect(embedText(reveal)).toMatch(/Standings\n1\. <@\d+>: \d+ pts/);
      const closed = h.fake.message(q1.id)!;
      expect(buttons(closed).every((b) => b.disabled)).toBe(true);

      // Round 2: the 50 are active now; when all of them answer, it closes early without the deadline.
      await h.advance(2000);
      const q2 = await nextQuestion(1);
      await Promise.all(players.map((player) => click(q2, 0, player.id).response()));
      await waitForText('The answer was', 2);
      expect(messagesWith('The answer was')).toHaveLength(2);
      expect(embedText(h.fake.channelMessages(h.channel.id).at(-1)!)).toMatch(/closed early/);

      await h.advance(2000);
      const q3 = await nextQuestion(2);
      const spanishReply = await click(q3, 1, spanish.id, 'es-ES').response();
      expect(spanishReply.content).toMatch(/^Respuesta fijada: \*\*.+\*\*/);
      await h.advance(10_000);
      const final = await waitForText('Final standings');
      expect(embedText(final)).toMatch(/That was the last question/);
      expect(embedText(final)).toMatch(/🏆 <@\d+> wins with \d+ points!/);

      const game = await h.bot.database.prisma.game.findFirstOrThrow({ where: { channelId: h.channel.id } });
      expect(game).toMatchObject({ status: 'finished', runningInChannelId: null });
      const totals = await h.bot.database.prisma.scoreTotal.aggregate({
        where: { scope: h.guild.id, period: 'all' },
        _sum: { answered: true },
      });
      expect(totals._sum.answered).toBe(50 + 50 + 1);
      const answerPoints = await h.bot.database.prisma.answer.aggregate({ _sum: { points: true } });
      const totalPoints = await h.bot.database.prisma.scoreTotal.aggregate({
        where: { scope: h.guild.id, period: 'all' },
        _sum: { points: true },
      });
      expect(totalPoints._sum.points).toBe(answerPoints._sum.points);
    });

    it('when the same click is delivered twice, then it is acted on once and acknowledged once', async () => {
      const before = questionMessages().length;
      await start({ questions: 2, seconds: 10 }).response();
      await h.advance(1000);
      const question = await nextQuestion(before);
      const handle = click(question, 2, players[3]!.id);
      expect((await handle.response()).content).toMatch(/^Locked in/);
      const errorsBefore = h.fake.errors.length;
      expect(h.fake.redeliver(handle)).toBe(1);
      await expect.poll(() => h.logs.join('').includes('interaction delivered twice')).toBe(true);
      const gameId = (parseButtonId(buttons(question)[0]!.customId) as { gameId: string }).gameId;
      expect(
        await h.bot.database.prisma.answer.count({ where: { round: { gameId }, playerId: players[3]!.id } }),
      ).toBe(1);
      expect(h.fake.errors.length).toBe(errorsBefore);
      await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: starter.id,
          name: 'trivia',
          subcommand: 'stop',
        })
        .response();
    });

    it('when someone who is neither the starter nor a moderator stops a game, then it is refused; a moderator can', async () => {
      await start({ questions: 5, seconds: 10 }).response();
      const refused = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: players[0]!.id,
          name: 'trivia',
          subcommand: 'stop',
        })
        .response();
      expect(refused.content).toMatch(
        /Only <@\d+>, who started the game, or a member with Manage Server can stop it/,
      );
      expect(h.bot.games.runningGameIn(h.channel.id)).toBeDefined();
      const stopped = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: moderator.id,
          name: 'trivia',
          subcommand: 'stop',
        })
        .response();
      expect(stopped.content).toBe('Game stopped.');
      expect(h.bot.games.runningGameIn(h.channel.id)).toBeUndefined();
      await waitForText('The game was stopped by');
    });

    it('when nobody answers three questions in a row, then the game ends as idle', async () => {
      const before = questionMessages().length;
      await start({ questions: 10, seconds: 10 }).response();
      await h.advance(1000);
      for (let round = 0; round < 3; round++) {
        await nextQuestion(before + round);
        await h.advance(10_000);
        if (round < 2) await h.advance(2000);
      }
      await waitForText('Nobody answered 3 questions in a row');
      const gameId = (parseButtonId(buttons(questionMessages().at(-1)!)[0]!.customId) as { gameId: string })
        .gameId;
      const game = await h.bot.database.prisma.game.findUniqueOrThrow({ where: { id: gameId } });
      expect(game.status).toBe('idle');
    });

    it('when the gateway drops mid-game, then the bot resumes and the game goes on', async () => {
      const before = questionMessages().length;
      await start({ questions: 2, seconds: 10 }).response();
      await h.advance(1000);
      const question = await nextQuestion(before);
      h.fake.dropConnections();
      const reply = await click(question, 0, players[1]!.id).response();
      expect(reply.content).toMatch(/^Locked in/);
      expect(h.fake.gateway.stats.resumes).toBeGreaterThanOrEqual(1);
      await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: starter.id,
          name: 'trivia',
          subcommand: 'stop',
        })
        .response();
    });

    it('when a player answers a game from another channel or with a forged button, then it is refused and nothing changes', async () => {
      const other = h.fake.createTextChannel({ guildId: h.guild.id, name: 'other' });
      const before = questionMessages().length;
      await start({ questions: 2, seconds: 10 }).response();
      await h.advance(1000);
      const question = await nextQuestion(before);
      const count = await h.bot.database.prisma.answer.count();
      const forged = await h.fake
        .clickButton({
          messageId: question.id,
          customId: 'a:not-a-game:0:0',
          userId: players[2]!.id,
          forged: true,
        })
        .response();
      expect(forged.content).toBe('This button or command is no longer active.');
      const outOfRange = await h.fake
        .clickButton({
          messageId: question.id,
          customId: buttons(question)[0]!.customId.replace(/:0$/, ':7'),
          userId: players[2]!.id,
          forged: true,
        })
        .response();
      expect(outOfRange.content).toBe('This button or command is no longer active.');
      const wrongChannel = await h.bot.games.answer({
        gameId: (parseButtonId(buttons(question)[0]!.customId) as { gameId: string }).gameId,
        roundIndex: 0,
        choiceIndex: 0,
        channelId: other.id,
        playerId: players[2]!.id,
        playerName: 'x',
      });
      expect(wrongChannel.kind).toBe('wrong-channel');
      expect(await h.bot.database.prisma.answer.count()).toBe(count);
      await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: starter.id,
          name: 'trivia',
          subcommand: 'stop',
        })
        .response();
    });

    it('when a Spanish-locale player asks for help, then the reply is in Spanish', async () => {
      const reply = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: spanish.id,
          name: 'help',
          locale: 'es-ES',
        })
        .response();
      expect(embedText(reply)).toMatch(/Cómo jugar/);
    });

    it('when the fake Discord recorded errors, then none came from the bot breaking a rule', () => {
      // A duplicate acknowledgement (40060) or an expired interaction (10062) would show up here too.
      expect(h.fake.errors.filter((error) => error.status >= 400)).toEqual([]);
      expect(h.logs.join('')).not.toContain(h.fake.token);
    });
  });
}
