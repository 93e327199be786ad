import { PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImpossibleUserAction, type FakeUser } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { t } from '../../src/core/i18n/translate.ts';
import { databaseKinds } from '../support/databases.ts';
import { embedText, startHarness, type Harness } from '../support/bot-harness.ts';

const ADMIN_PERMISSIONS = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages;

function buttonIds(message: APIMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])) : [],
  );
}

for (const kind of databaseKinds()) {
  describe(`/trivia-admin through the real discord.js client [${kind}]`, () => {
    let h: Harness;
    let admin: FakeUser;
    let spanishAdmin: FakeUser;
    let member: FakeUser;

    beforeAll(async () => {
      h = await startHarness(kind);
      admin = h.fake.createMember({ guildId: h.guild.id, username: 'admin', permissions: ADMIN_PERMISSIONS });
      spanishAdmin = h.fake.createMember({
        guildId: h.guild.id,
        username: 'lucia',
        locale: 'es-419',
        permissions: ADMIN_PERMISSIONS,
      });
      member = h.fake.createMember({ guildId: h.guild.id, username: 'member' });
    });

    afterAll(async () => {
      await h.close();
    });

    const adminCommand = (
      userId: string,
      subcommand: string,
      options: Record<string, string | number | boolean> = {},
      locale?: string,
    ) =>
      h.fake.sendSlashCommand({
        guildId: h.guild.id,
        channelId: h.channel.id,
        userId,
        name: 'trivia-admin',
        subcommand,
        options,
        ...(locale ? { locale } : {}),
      });

    it('when a member without Manage Server tries an admin command, then Discord hides it and the bot refuses it anyway', async () => {
      expect(() => adminCommand(member.id, 'show')).toThrow(ImpossibleUserAction);
      h.fake.openCommandToEveryone(h.guild.id, 'trivia-admin');
      const reply = await adminCommand(member.id, 'defaults', { questions: 5 }).response();
      expect(reply.content).toBe(t('en', 'error.needsManageServer'));
      const settings = await h.bot.database.prisma.server.findUnique({ where: { id: h.guild.id } });
      expect(settings?.defaultQuestions ?? 10).toBe(10);
    });

    it('when an admin changes the defaults, then they are saved and shown, and bad values are refused with a reason', async () => {
      const saved = await adminCommand(admin.id, 'defaults', {
        questions: 7,
        seconds: 30,
        timezone: 'europe/madrid',
      }).response();
      expect(saved.content).toBe('Settings saved.');
      const bad = await adminCommand(admin.id, 'defaults', {
        timezone: 'Mars/Olympus',
        pack: 'nope',
      }).response();
      expect(bad.content).toContain('Unknown time zone `Mars/Olympus`');
      expect(bad.content).toContain('Unknown question pack `nope`');
      const shown = await adminCommand(admin.id, 'show').response();
      expect(embedText(shown)).toContain('7 questions, 30 s each');
      expect(embedText(shown)).toContain('Europe/Madrid');
    });

    it('when a Spanish-speaking admin uses the commands, then the replies are in Spanish', async () => {
      const reply = await adminCommand(
        spanishAdmin.id,
        'packs',
        { pack: 'test-film', enabled: false },
        'es-419',
      ).response();
      expect(reply.content).toBe(t('es', 'admin.packLast'));
      const shown = await adminCommand(spanishAdmin.id, 'show', {}, 'es-419').response();
      expect(embedText(shown)).toContain('Ajustes de Plot Trivia');
      const language = await adminCommand(
        spanishAdmin.id,
        'language',
        { language: 'es' },
        'es-419',
      ).response();
      expect(language.content).toBe(t('es', 'settings.saved'));
      // The server now speaks Spanish to everyone, whatever their own locale.
      const forAdmin = await adminCommand(admin.id, 'show').response();
      expect(embedText(forAdmin)).toContain('Ajustes de Plot Trivia');
      await adminCommand(admin.id, 'language', { language: 'auto' }).response();
    });

    it('when the leaderboard reset is confirmed, then a new season starts and the reset is recorded; others cannot confirm', async () => {
      const ask = adminCommand(admin.id, 'reset-leaderboard');
      const prompt = await ask.response();
      expect(prompt.content).toBe(t('en', 'admin.resetConfirm'));
      const [yes] = buttonIds(prompt);
      expect(yes).toMatch(/^reset-lb:yes:/);
      const confirmed = h.fake.clickButton({ messageId: prompt.id, customId: yes!, userId: admin.id });
      await confirmed.acknowledged();
      await expect
        .poll(() => h.fake.message(prompt.id)?.content)
        .toBe(t('en', 'admin.resetDone', { season: 2 }));
      const resets = await h.bot.database.prisma.leaderboardReset.findMany({
        where: { serverId: h.guild.id },
      });
      expect(resets).toMatchObject([{ resetBy: admin.id, fromSeason: 1 }]);
      const server = await h.bot.database.prisma.server.findUniqueOrThrow({ where: { id: h.guild.id } });
      expect(server.season).toBe(2);

      const second = await adminCommand(spanishAdmin.id, 'reset-leaderboard', {}, 'es-419').response();
      const forged = await h.fake
        .clickButton({
          messageId: second.id,
          customId: buttonIds(second)[0]!.replace(spanishAdmin.id, admin.id),
          userId: spanishAdmin.id,
          forged: true,
        })
        .response();
      expect(forged.content).toBe(t('es', 'admin.notYourButton'));
      expect(
        (await h.bot.database.prisma.server.findUniqueOrThrow({ where: { id: h.guild.id } })).season,
      ).toBe(2);
    });
  });
}
