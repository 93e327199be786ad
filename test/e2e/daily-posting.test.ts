import { describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { t } from '../../src/core/i18n/translate.ts';
import { databaseKinds } from '../support/databases.ts';
import { embedText, startHarness, type Harness } from '../support/bot-harness.ts';
import {
  adminCommand,
  at,
  configureDaily,
  createServer,
  dailyPosts,
  playDaily,
  waitUntil,
  type Server,
} from './support/daily.ts';

const NEW_YORK = 'America/New_York';
const MADRID = 'Europe/Madrid';

async function withHarness(
  kind: Parameters<typeof startHarness>[0],
  options: Parameters<typeof startHarness>[1],
  body: (h: Harness) => Promise<void>,
): Promise<void> {
  const h = await startHarness(kind, options);
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

/** Servers created after the bots started, configured through /trivia-admin, cached by their bot. */
async function servers(h: Harness, count: number, timeZone: string, time = '09:00'): Promise<Server[]> {
  const created = Array.from({ length: count }, () => createServer(h));
  await waitUntil(() => created.every((s) => h.bot.client.guilds.cache.has(s.guild.id)));
  for (const server of created) {
    expect(await configureDaily(h, server, { time, timezone: timeZone })).toContain(`${time} (${timeZone})`);
  }
  return created;
}

for (const kind of databaseKinds()) {
  describe(`posting the daily challenge exactly once [${kind}]`, () => {
    it('when the bot restarts after posting, then it does not post again; when it was down at posting time, then it catches up once', async () => {
      await withHarness(kind, { startAt: at('2026-11-22', '08:00', MADRID) }, async (h) => {
        const [server] = await servers(h, 1, MADRID);
        h.time.advanceTo(at('2026-11-22', '09:00', MADRID));
        await h.tickDaily();
        expect(dailyPosts(h, server!.channel.id)).toHaveLength(1);

        await h.restart();
        await h.tickDaily();
        h.time.advance(60_000);
        await h.tickDaily();
        expect(dailyPosts(h, server!.channel.id)).toHaveLength(1);

        // Down from 08:00 to 11:30 the next day: the new process posts when it comes back.
        h.time.advanceTo(at('2026-11-23', '08:00', MADRID));
        await h.stopBot(h.bot);
        h.time.advanceTo(at('2026-11-23', '11:30', MADRID));
        h.bot = await h.startBot();
        await h.tickDaily();
        await h.tickDaily();
        const posts = dailyPosts(h, server!.channel.id);
        expect(posts).toHaveLength(2);
        expect(embedText(posts[1]!)).toContain("Yesterday's challenge");
      });
    });

    it('when two schedulers tick at once on one database, then every server is posted once', async () => {
      await withHarness(kind, { startAt: at('2026-11-22', '08:00', NEW_YORK) }, async (h) => {
        const all = await servers(h, 4, NEW_YORK);
        const other = await h.startBot();
        await waitUntil(() => all.every((s) => other.client.guilds.cache.has(s.guild.id)));
        h.time.advanceTo(at('2026-11-22', '09:00', NEW_YORK));
        for (let minute = 0; minute < 3; minute++) {
          await Promise.all([h.tickDaily(), h.tickDaily(other), h.tickDaily(), h.tickDaily(other)]);
          h.time.advance(60_000);
        }
        for (const server of all) expect(dailyPosts(h, server.channel.id)).toHaveLength(1);
        const challenges = await h.database.prisma.dailyChallenge.findMany();
        expect(challenges).toHaveLength(4);
        expect(challenges.every((c) => c.status === 'sent' && c.attempts === 1)).toBe(true);
      });
    });

    it('when a daily channel is deleted, then the failure is recorded, the other server is posted, and the admin is told once on the next /trivia-admin', async () => {
      await withHarness(kind, { startAt: at('2026-11-22', '08:00', MADRID) }, async (h) => {
        const [gone, fine] = await servers(h, 2, MADRID);
        h.fake.deleteChannel(gone!.channel.id);
        h.time.advanceTo(at('2026-11-22', '09:00', MADRID));
        await h.tickDaily();
        expect(dailyPosts(h, fine!.channel.id)).toHaveLength(1);
        const server = await h.database.prisma.server.findUniqueOrThrow({ where: { id: gone!.guild.id } });
        expect(server.dailyLastError).toBe('channel-missing');
        const failed = await h.database.prisma.dailyChallenge.findFirstOrThrow({
          where: { serverId: gone!.guild.id },
        });
        expect(failed.status).toBe('failed');

        // Not retried every minute.
        h.time.advance(60_000);
        await h.tickDaily();
        expect(h.fake.errors.filter((e) => e.path.includes(gone!.channel.id))).toHaveLength(1);

        const admin = h.fake.createTextChannel({ guildId: gone!.guild.id, name: 'mods' });
        await waitUntil(() => h.bot.client.channels.cache.has(admin.id));
        const inMods = { ...gone!, channel: admin };
        const show = adminCommand(h, inMods, 'show');
        expect(embedText(await show.response())).toContain('Plot Trivia settings');
        expect((await show.followUp(0)).content).toBe(`⚠️ ${t('en', 'daily.lastError.channelMissing')}`);
        const again = adminCommand(h, inMods, 'show');
        await again.response();
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(again.followUps()).toHaveLength(0);

        // A channel the bot cannot post in is refused; a good one re-arms today's post.
        const closed = h.fake.createTextChannel({ guildId: gone!.guild.id, name: 'closed' });
        await waitUntil(() => h.bot.client.channels.cache.has(closed.id));
        h.fake.setBotCanPost(closed.id, false);
        await waitUntil(
          () =>
            h.bot.client.guilds.cache
              .get(gone!.guild.id)
              ?.channels.cache.get(closed.id)
              ?.permissionsFor(h.bot.client.user.id)
              ?.has(PermissionFlagsBits.SendMessages) === false,
        );
        expect(await configureDaily(h, inMods, { channel: closed.id })).toBe(
          t('en', 'settings.channelNotPostable', { channel: `<#${closed.id}>` }),
        );
        expect(await configureDaily(h, inMods, { channel: admin.id })).toContain(`<#${admin.id}>`);
        await h.tickDaily();
        expect(dailyPosts(h, admin.id)).toHaveLength(1);
      });
    });

    it('when more servers are due at once than the global limit lets through in a second, then each is posted once and a deleted channel stops no other', async () => {
      await withHarness(
        kind,
        { startAt: at('2026-11-22', '08:00', MADRID), fake: { rateLimits: { globalPerSecond: 50 } } },
        async (h) => {
          const all = Array.from({ length: 60 }, (_, i) => {
            const guild = h.fake.createGuild({ name: `Server ${i}` });
            return { guild, channel: h.fake.createTextChannel({ guildId: guild.id, name: 'daily' }) };
          });
          await waitUntil(() => all.every((s) => h.bot.client.guilds.cache.has(s.guild.id)));
          // As /trivia-admin daily leaves them (the command is covered above): on, a channel, 09:00 in Madrid.
          await h.database.sql.query(
            `INSERT INTO "Server" (id, "dailyChannelId", "dailyEnabled", "dailyTime", "timeZone", "updatedAt")
             SELECT s.id, s.channel, true, '09:00', '${MADRID}', now()
             FROM unnest($1::text[], $2::text[]) AS s(id, channel)`,
            [all.map((s) => s.guild.id), all.map((s) => s.channel.id)],
          );
          const gone = all[17]!;
          h.fake.deleteChannel(gone.channel.id);

          h.time.advanceTo(at('2026-11-22', '09:00', MADRID));
          await h.tickDaily();

          // 59 posts and one refusal, several servers at a time, paced over two of the fake's global windows.
          for (const server of all) {
            expect(dailyPosts(h, server.channel.id)).toHaveLength(server === gone ? 0 : 1);
          }
          const challenges = await h.database.prisma.dailyChallenge.findMany();
          expect(challenges).toHaveLength(60);
          expect(challenges.filter((c) => c.status === 'sent' && c.attempts === 1)).toHaveLength(59);
          expect(challenges.find((c) => c.serverId === gone.guild.id)).toMatchObject({
            status: 'failed',
            lastError: 'channel-missing',
          });
          // The refusal is the only error: the bot's pacing kept every one of the fake's windows under 50.
          expect(h.fake.errors.map((e) => e.status)).toEqual([404]);

          h.time.advance(60_000);
          await h.tickDaily();
          for (const server of all) {
            expect(dailyPosts(h, server.channel.id)).toHaveLength(server === gone ? 0 : 1);
          }
        },
      );
    });

    it('when a player plays on the days around the end of DST in New York, then the streak counts each local day', async () => {
      await withHarness(kind, { startAt: at('2026-10-31', '08:00', NEW_YORK) }, async (h) => {
        const [server] = await servers(h, 1, NEW_YORK);
        const player = h.fake.createMember({ guildId: server!.guild.id, username: 'nora' });
        const days = ['2026-10-31', '2026-11-01', '2026-11-02'];
        for (const [index, day] of days.entries()) {
          h.time.advanceTo(at(day, '09:00', NEW_YORK));
          await h.tickDaily();
          const posts = dailyPosts(h, server!.channel.id);
          expect(posts).toHaveLength(index + 1);
          const result = await playDaily(h, player, posts[index]!);
          expect(embedText(result)).toContain(`🔥 Streak: ${index + 1} (best: ${index + 1})`);
        }
        const streak = await h.database.prisma.dailyStreak.findFirstOrThrow({
          where: { playerId: player.id },
        });
        expect(streak).toMatchObject({ current: 3, best: 3, lastLocalDate: '2026-11-02' });
      });
    });

    it('when the bot runs as two shards on one database, then each guild is posted once, by the shard that owns it', async () => {
      await withHarness(
        kind,
        { startAt: at('2026-11-22', '08:00', MADRID), shards: [0], shardCount: 2 },
        async (h) => {
          const shard1 = await h.startBot({ shards: [1], shardCount: 2 });
          const onShard0 = createServer(h, h.fake.guildIdForShard(0, 2));
          const onShard1 = createServer(h, h.fake.guildIdForShard(1, 2));
          await waitUntil(
            () =>
              h.bot.client.guilds.cache.has(onShard0.guild.id) &&
              shard1.client.guilds.cache.has(onShard1.guild.id),
          );
          expect(h.bot.client.guilds.cache.has(onShard1.guild.id)).toBe(false);
          // Each shard receives its own guilds' interactions.
          expect(await configureDaily(h, onShard0, { time: '09:00', timezone: MADRID })).toContain('09:00');
          expect(await configureDaily(h, onShard1, { time: '09:00', timezone: MADRID })).toContain('09:00');

          h.time.advanceTo(at('2026-11-22', '09:00', MADRID));
          const now = h.time.now();
          const [reports0, reports1] = await Promise.all([
            h.bot.daily.runDueServers(now),
            shard1.daily.runDueServers(now),
          ]);
          expect(reports0.map((r) => r.serverId)).toEqual([onShard0.guild.id]);
          expect(reports1.map((r) => r.serverId)).toEqual([onShard1.guild.id]);
          await Promise.all([h.tickDaily(), h.tickDaily(shard1)]);
          expect(dailyPosts(h, onShard0.channel.id)).toHaveLength(1);
          expect(dailyPosts(h, onShard1.channel.id)).toHaveLength(1);
        },
      );
    });
  });
}
