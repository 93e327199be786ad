import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { challengeNumber } from '../../src/core/daily/challenge.ts';
import { t } from '../../src/core/i18n/translate.ts';
import { databaseKinds } from '../support/databases.ts';
import { embedText, startHarness, type Harness } from '../support/bot-harness.ts';
import {
  at,
  buttons,
  choiceButton,
  configureDaily,
  createServer,
  dailyPosts,
  playDaily,
  waitUntil,
  type Server,
} from './support/daily.ts';

const TOKYO = 'Asia/Tokyo';
const NEW_YORK = 'America/New_York';

for (const kind of databaseKinds()) {
  describe(`the daily challenge through the real discord.js client [${kind}]`, () => {
    let h: Harness;
    let tokyo: Server;
    let newYork: Server;
    let ana: FakeUser;
    let ben: FakeUser;

    beforeAll(async () => {
      // Tokyo 08:30 on 11-23, New York 18:30 on 11-22: neither server's posting time has come.
      h = await startHarness(kind, { startAt: Date.UTC(2026, 10, 22, 23, 30) });
      tokyo = createServer(h);
      newYork = createServer(h);
      await waitUntil(() => [tokyo, newYork].every((s) => h.bot.client.guilds.cache.has(s.guild.id)));
      ana = h.fake.createMember({ guildId: tokyo.guild.id, username: 'ana' });
      ben = h.fake.createMember({ guildId: tokyo.guild.id, username: 'ben' });
    });

    afterAll(async () => {
      await h.close();
    });

    it('when admins set the daily in two time zones, then each server is posted at its own local time, once', async () => {
      const saved = await configureDaily(h, tokyo, { time: '09:00', timezone: 'asia/tokyo' });
      expect(saved).toContain(`<#${tokyo.channel.id}> at 09:00 (Asia/Tokyo)`);
      expect(await configureDaily(h, newYork, { time: '20:00', timezone: NEW_YORK })).toContain(
        '20:00 (America/New_York)',
      );

      await h.tickDaily();
      expect(dailyPosts(h, tokyo.channel.id)).toHaveLength(0);
      expect(dailyPosts(h, newYork.channel.id)).toHaveLength(0);

      h.time.advanceTo(at('2026-11-23', '09:00', TOKYO));
      await h.tickDaily();
      expect(dailyPosts(h, tokyo.channel.id)).toHaveLength(1);
      expect(dailyPosts(h, newYork.channel.id)).toHaveLength(0);

      h.time.advanceTo(at('2026-11-22', '20:00', NEW_YORK));
      await h.tickDaily();
      await h.tickDaily();
      expect(dailyPosts(h, tokyo.channel.id)).toHaveLength(1);
      expect(dailyPosts(h, newYork.channel.id)).toHaveLength(1);

      const post = dailyPosts(h, tokyo.channel.id)[0]!;
      const number = challengeNumber('2026-11-23');
      expect(post.embeds[0]?.title).toBe(`Daily challenge #${number}`);
      expect(embedText(post)).toContain(`Daily challenge #${number} is here: 5 questions`);
      const resetsAt = Math.floor(at('2026-11-24', '00:00', TOKYO) / 1000);
      expect(embedText(post)).toContain(`<t:${resetsAt}:R>`);
      expect(buttons(post)[0]?.label).toBe(t('en', 'daily.playButton'));
    });

    it('when a player plays, then answers are stored as they go, a second Play shows the result, and sharing posts the line without a ping', async () => {
      const post = dailyPosts(h, tokyo.channel.id)[0]!;
      const result = await playDaily(h, ana, post, [true, false, true, true, true]);
      const text = embedText(result);
      expect(text).toContain('You got 4/5 right');
      expect(text).toMatch(/Plot Trivia #\d+ 4\/5 ✅❌✅✅✅ 🔥 1/);

      const again = await h.fake
        .clickButton({ messageId: post.id, customId: buttons(post)[0]!.customId, userId: ana.id })
        .response();
      expect(again.content).toContain("You already played today's challenge");
      expect(embedText(again)).toContain('You got 4/5 right');
      expect(await h.database.prisma.dailyEntry.count({ where: { playerId: ana.id } })).toBe(1);

      const share = buttons(result).find((button) => button.customId.startsWith('ds:'))!;
      const click = h.fake.clickButton({ messageId: result.id, customId: share.customId, userId: ana.id });
      const shared = await click.followUp(0);
      expect(shared.content).toMatch(new RegExp(`^<@${ana.id}> Plot Trivia #\\d+ 4/5 ✅❌✅✅✅ 🔥 1$`));
      expect((shared.flags ?? 0) & 64).toBe(0);
      expect(h.fake.channelMessages(tokyo.channel.id).map((m) => m.id)).toContain(shared.id);
      // The share button is gone from the result: one click, one post.
      expect(buttons(h.fake.message(result.id)!)).toHaveLength(0);
    });

    it('when a player comes back mid-run, then the same question is shown and the old buttons refuse a second answer', async () => {
      const post = dailyPosts(h, tokyo.channel.id)[0]!;
      const play = buttons(post)[0]!.customId;
      const first = await h.fake
        .clickButton({ messageId: post.id, customId: play, userId: ben.id })
        .response();
      const second = await h.fake
        .clickButton({ messageId: post.id, customId: play, userId: ben.id })
        .response();
      expect(second.embeds[0]?.title).toBe(first.embeds[0]?.title);
      const answered = await h.fake
        .clickButton({ messageId: second.id, customId: choiceButton(second, true).customId, userId: ben.id })
        .response();
      expect(answered.content).toContain('Right!');
      expect(answered.embeds[0]?.title).toContain('question 2 of 5');
      const stale = await h.fake
        .clickButton({ messageId: first.id, customId: choiceButton(first, false).customId, userId: ben.id })
        .response();
      expect(stale.content).toBe(t('en', 'daily.alreadyAnswered'));
      const answers = await h.database.prisma.dailyAnswer.findMany({ where: { playerId: ben.id } });
      expect(answers).toMatchObject([{ questionIndex: 0, correct: true }]);
    });

    it('when /daily is used, then it shows the player played, their streak and when the next one comes', async () => {
      const reply = await h.fake
        .sendSlashCommand({
          guildId: tokyo.guild.id,
          channelId: tokyo.channel.id,
          userId: ana.id,
          name: 'daily',
        })
        .response();
      const text = embedText(reply);
      expect(text).toContain("You played today's challenge");
      expect(text).toContain('🔥 Streak: 1 (best: 1)');
      expect(text).toContain('Next challenge in');
      const benReply = await h.fake
        .sendSlashCommand({
          guildId: tokyo.guild.id,
          channelId: tokyo.channel.id,
          userId: ben.id,
          name: 'daily',
        })
        .response();
      expect(embedText(benReply)).toContain(t('en', 'daily.inProgress'));
      expect(buttons(benReply)[0]?.customId).toMatch(/^dp:/);
    });

    it("when the next day's challenge is posted, then it reveals yesterday's answers, top players and streaks", async () => {
      h.time.advanceTo(at('2026-11-24', '09:00', TOKYO));
      await h.tickDaily();
      const posts = dailyPosts(h, tokyo.channel.id);
      expect(posts).toHaveLength(2);
      const text = embedText(posts[1]!);
      expect(text).toContain(`Yesterday's challenge #${challengeNumber('2026-11-23')}: the answers`);
      const yesterday = await h.database.prisma.dailyChallenge.findFirstOrThrow({
        where: { serverId: tokyo.guild.id, localDate: '2026-11-23' },
      });
      expect(yesterday.questionIds).toHaveLength(5);
      expect(text.match(/^\d\. .+\*\*.+\*\*$/gm)).toHaveLength(5);
      expect(text).toContain(`1. <@${ana.id}>: 4/5`);
      expect(text).toContain(`<@${ben.id}>: 1/5`);
      expect(text).toContain(`<@${ana.id}>: 🔥 1`);
    });
  });
}
