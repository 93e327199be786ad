import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseButtonId } from '../../src/adapters/discord/render/custom-ids.ts';
import type { FakeUser } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { formatNumber, t } from '../../src/core/i18n/translate.ts';
import { databaseKinds } from '../support/databases.ts';
import { embedText, FIXTURE_PACKS, startHarness, type Harness } from '../support/bot-harness.ts';

const PACK = JSON.parse(readFileSync(path.join(FIXTURE_PACKS, 'test-film.json'), 'utf8')) as {
  meta: { title: string };
  questions: { prompt: string; answer: string }[];
};

const SEEDED = 100_000;
const SEED_CHUNK = 5_000;
/** Seeded player g has 200 + 3g points, so 150,201 points is behind exactly 50,000 of them. */
const DAVE_POINTS = 200 + 3 * 50_000 + 1;

function buttons(message: APIMessage): { customId: string; label: string; disabled: boolean }[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((c) =>
          'custom_id' in c && 'label' in c
            ? [{ customId: c.custom_id, label: c.label ?? '', disabled: c.disabled ?? false }]
            : [],
        )
      : [],
  );
}

/** [rank, player id, points] of every "1. <@id>: 123 pts" line. */
function boardLines(text: string): [number, string, number][] {
  return [...text.matchAll(/^\**(\d+)\. <@(\w+)>: ([\d.,]+) pts/gm)].map((m) => [
    Number(m[1]),
    m[2]!,
    Number(m[3]!.replace(/[.,]/g, '')),
  ]);
}

for (const kind of databaseKinds()) {
  describe(`/leaderboard, /stats and /trivia forget-me through the real discord.js client [${kind}]`, () => {
    let h: Harness;
    let alice: FakeUser;
    let bob: FakeUser;
    let carol: FakeUser;
    let dave: FakeUser;
    let newcomer: FakeUser;

    beforeAll(async () => {
      h = await startHarness(kind);
      // Alice has a server nickname: it must never reach the global board.
      alice = h.fake.createUser({ username: 'alice', globalName: 'Alice Global' });
      h.fake.addMember({ guildId: h.guild.id, userId: alice.id, nick: 'AliceNick' });
      bob = h.fake.createMember({ guildId: h.guild.id, username: 'bob', locale: 'es-ES' });
      carol = h.fake.createMember({ guildId: h.guild.id, username: 'carol' });
      dave = h.fake.createMember({ guildId: h.guild.id, username: 'dave' });
      newcomer = h.fake.createMember({ guildId: h.guild.id, username: 'newcomer' });
    });

    afterAll(async () => {
      await h.close();
    });

    const command = (
      userId: string,
      name: string,
      options: Record<string, string | number> = {},
      subcommand?: string,
    ) =>
      h.fake.sendSlashCommand({
        guildId: h.guild.id,
        channelId: h.channel.id,
        userId,
        name,
        options,
        ...(subcommand ? { subcommand } : {}),
      });

    function questionMessages(): APIMessage[] {
      return h.fake
        .channelMessages(h.channel.id)
        .filter((m) => buttons(m).some((b) => parseButtonId(b.customId)?.kind === 'answer'));
    }

    async function question(index: number): Promise<APIMessage> {
      await expect.poll(() => questionMessages().length, { timeout: 10_000 }).toBeGreaterThan(index);
      return questionMessages()[index]!;
    }

    async function answer(message: APIMessage, userId: string, right: boolean): Promise<void> {
      const prompt = (message.embeds[0]?.description ?? '').split('\n')[0];
      const expected = PACK.questions.find((q) => q.prompt === prompt)!.answer;
      const button = buttons(message).find((b) => b.label.endsWith(`. ${expected}`) === right)!;
      const reply = await h.fake
        .clickButton({ messageId: message.id, customId: button.customId, userId })
        .response();
      expect(reply.content).toMatch(/^(Locked in|Respuesta fijada)/);
    }

    it('when a game was played, then /leaderboard ranks the players as the game did, and the global board shows Discord-wide names, never nicknames', async () => {
      await command(alice.id, 'trivia', { questions: 2, seconds: 10 }, 'start').response();
      await h.advance(1000);
      const q1 = await question(0);
      await answer(q1, alice.id, true);
      await answer(q1, bob.id, true);
      await answer(q1, carol.id, false);
      await h.advance(10_000);
      await h.advance(2000);
      const q2 = await question(1);
      await answer(q2, alice.id, true);
      await answer(q2, bob.id, false);
      await h.advance(10_000);
      await expect
        .poll(
          () => h.fake.channelMessages(h.channel.id).some((m) => embedText(m).includes('Final standings')),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
      const final = h.fake
        .channelMessages(h.channel.id)
        .find((m) => embedText(m).includes('Final standings'))!;
      const standings = boardLines(embedText(final)).filter(([, , points]) => points > 0);
      expect(standings.map(([, id]) => id)).toEqual([alice.id, bob.id]);

      const board = await command(alice.id, 'leaderboard').response();
      expect((board.flags ?? 0) & 64).toBe(0);
      const text = embedText(board);
      expect(text).toContain('Leaderboard: all time');
      expect(boardLines(text)).toEqual(standings);
      expect(text).toContain(t('en', 'leaderboard.yourRank', { rank: 1, points: standings[0]![2] }));
      expect(board.embeds[0]?.footer?.text).toBe('Page 1 of 1 · 2 ranked players');
      expect(buttons(board).every((b) => b.disabled)).toBe(true);

      // Same day in the server's time zone, in Spanish for Bob.
      const today = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: bob.id,
          name: 'leaderboard',
          options: { period: 'day' },
        })
        .response();
      expect(embedText(today)).toContain('Clasificación: hoy');
      expect(boardLines(embedText(today))).toEqual(standings);
      expect(embedText(today)).toContain(
        t('es', 'leaderboard.yourRank', { rank: 2, points: standings[1]![2] }),
      );

      const global = embedText(await command(carol.id, 'leaderboard', { scope: 'global' }).response());
      expect(global).toContain('Global leaderboard: all time');
      expect(global).toContain(`1. Alice Global: ${standings[0]![2]} pts`);
      expect(global).toContain(`2. bob: ${standings[1]![2]} pts`);
      expect(global).not.toContain('AliceNick');
      expect(global).not.toContain('<@');
      expect(global).toContain(t('en', 'leaderboard.youUnranked'));
      const stored = await h.bot.database.prisma.player.findUniqueOrThrow({ where: { id: alice.id } });
      expect(stored.displayName).toBe('Alice Global');
    });

    it("when a Spanish speaker asks for their own and another player's stats, then both are shown in Spanish", async () => {
      const own = await command(bob.id, 'stats').response();
      const text = embedText(own);
      const bobTotal = await h.bot.database.prisma.scoreTotal.findFirstOrThrow({
        where: { scope: h.guild.id, period: 'all', playerId: bob.id },
      });
      expect(text).toContain('Estadísticas de bob');
      expect(text).toContain(`Puntos\n${formatNumber('es', bobTotal.points)}`);
      expect(text).toContain('Partidas jugadas\n1');
      expect(text).toContain('Preguntas respondidas\n2');
      expect(text).toContain('Aciertos\n50 %');
      expect(text).toContain('Acierto más rápido\n');
      expect(text).toContain('Mejor racha de aciertos\n1');
      expect(text).toContain('Racha diaria\ntodavía ninguno');
      expect(text).toContain(`Paquete favorito\n${PACK.meta.title}`);

      const other = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: bob.id,
          name: 'stats',
          options: { player: alice.id },
        })
        .response();
      const aliceText = embedText(other);
      expect(aliceText).toContain('Estadísticas de AliceNick');
      expect(aliceText).toContain('Aciertos\n100 %');
      expect(aliceText).toContain('Mejor racha de aciertos\n2');
      expect(aliceText).toMatch(/Acierto más rápido\n\d+(,\d+)? s/);

      const nobody = await h.fake
        .sendSlashCommand({
          guildId: h.guild.id,
          channelId: h.channel.id,
          userId: bob.id,
          name: 'stats',
          options: { player: newcomer.id },
        })
        .response();
      expect(nobody.content).toBe(t('es', 'stats.none', { player: `<@${newcomer.id}>` }));
    });

    it("when a player asks for global stats, then their own are complete and another player's hide pack and streak", async () => {
      const globalStats = (userId: string, player?: string) =>
        h.fake
          .sendSlashCommand({
            guildId: h.guild.id,
            channelId: h.channel.id,
            userId,
            name: 'stats',
            options: { scope: 'global', ...(player ? { player } : {}) },
          })
          .response();
      const own = await globalStats(bob.id);
      const bobGlobal = await h.bot.database.prisma.scoreTotal.findFirstOrThrow({
        where: { scope: 'global', period: 'all', playerId: bob.id },
      });
      const ownText = embedText(own);
      expect(ownText).toContain(`Puntos\n${formatNumber('es', bobGlobal.points)}`);
      expect(ownText).toContain('Racha diaria');
      expect(ownText).toContain('Paquete favorito');
      expect(own.embeds[0]?.footer?.text).toBe(t('es', 'stats.scopeGlobal'));

      const other = await globalStats(bob.id, alice.id);
      const otherText = embedText(other);
      expect(otherText).toContain('Aciertos\n100 %');
      expect(otherText).not.toContain('Racha diaria');
      expect(otherText).not.toContain('Paquete favorito');
      expect(other.embeds[0]?.footer?.text).toBe(t('es', 'stats.scopeGlobal'));
    });

    it('when 100,000 players have scored, then a caller in the middle sees the top 10 and their own rank, and only they can page', async () => {
      const { prisma } = h.bot.database;
      const scopes = [h.guild.id, 'global'];
      // PGlite runs in this process and answers through microtasks only: without a macrotask between chunks the
      // bot's sockets go unread for the whole seeding, its REST timeouts fire first and it retries requests that
      // had in fact succeeded (seen as 40060 "already acknowledged").
      for (let from = 1; from <= SEEDED; from += SEED_CHUNK) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        const to = from + SEED_CHUNK - 1;
        await prisma.$executeRaw`
          INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt")
          SELECT 'seed' || g, 'Seed ' || g, now(), now() FROM generate_series(${from}::int, ${to}::int) AS g`;
        await prisma.$executeRaw`
          INSERT INTO "ScoreTotal" (scope, season, period, "playerId", points, correct, answered, "accuracyBp", "reachedAt")
          SELECT s.scope, 1, 'all', 'seed' || g, 200 + 3 * g, 1 + g % 20, 1 + g % 20, 10000,
                 timestamptz '2026-11-01' + (g % 7) * interval '1 minute'
          FROM generate_series(${from}::int, ${to}::int) AS g CROSS JOIN unnest(${scopes}::text[]) AS s(scope)`;
      }
      await prisma.$executeRaw`
        INSERT INTO "Player" (id, "displayName", "createdAt", "updatedAt") VALUES (${dave.id}, 'dave', now(), now())`;
      await prisma.$executeRaw`
        INSERT INTO "ScoreTotal" (scope, season, period, "playerId", points, correct, answered, "accuracyBp", "reachedAt")
        SELECT s.scope, 1, 'all', ${dave.id}, ${DAVE_POINTS}::int, 10, 10, 10000, timestamptz '2026-11-02'
        FROM unnest(${scopes}::text[]) AS s(scope)`;
      // Seeded behind recordAnswer's back: rebuild these boards' histogram as the migration's backfill does.
      await prisma.$executeRaw`
        DELETE FROM "ScoreHistogram" WHERE scope = ANY(${scopes}::text[]) AND season = 1 AND period = 'all'`;
      await prisma.$executeRaw`
        INSERT INTO "ScoreHistogram" (scope, season, period, size, start, players)
        SELECT t.scope, t.season, t.period, s.size, t.points - t.points % s.size, count(*)::int
        FROM "ScoreTotal" t CROSS JOIN (VALUES (1), (1024)) AS s(size)
        WHERE t.scope = ANY(${scopes}::text[]) AND t.season = 1 AND t.period = 'all' AND t.points > 0
        GROUP BY 1, 2, 3, 4, 5`;
      const ranked = SEEDED + 3;
      const pages = Math.ceil(ranked / 10);

      const started = performance.now();
      const board = await command(dave.id, 'leaderboard').response();
      const serverMs = performance.now() - started;
      let text = embedText(board);
      expect(boardLines(text)).toEqual(
        Array.from({ length: 10 }, (_, i) => [i + 1, `seed${SEEDED - i}`, 200 + 3 * (SEEDED - i)]),
      );
      expect(text).toContain(t('en', 'leaderboard.yourRank', { rank: 50_001, points: DAVE_POINTS }));
      expect(text).toContain('You are #50,001 with 150,201 pts.');
      expect(board.embeds[0]?.footer?.text).toBe(
        t('en', 'leaderboard.footer', { page: 1, pages, count: ranked }),
      );

      const [previous, next] = buttons(board);
      expect(previous!.disabled).toBe(true);
      const second = await h.fake
        .clickButton({ messageId: board.id, customId: next!.customId, userId: dave.id })
        .response();
      expect(second.id).toBe(board.id);
      text = embedText(second);
      expect(boardLines(text).map(([rank]) => rank)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
      expect(text).toContain('You are #50,001 with 150,201 pts.');
      expect(second.embeds[0]?.footer?.text).toMatch(/^Page 2 of /);

      // Someone else's click is refused privately and changes nothing.
      const refused = await h.fake
        .clickButton({ messageId: board.id, customId: buttons(second)[1]!.customId, userId: bob.id })
        .response();
      expect(refused.content).toBe(t('es', 'leaderboard.notYourButtons', { player: `<@${dave.id}>` }));
      expect((refused.flags ?? 0) & 64).toBe(64);
      expect(h.fake.message(board.id)?.embeds[0]?.footer?.text).toMatch(/^Page 2 of /);

      const back = await h.fake
        .clickButton({ messageId: board.id, customId: buttons(second)[0]!.customId, userId: dave.id })
        .response();
      expect(boardLines(embedText(back))[0]).toEqual([1, `seed${SEEDED}`, 200 + 3 * SEEDED]);

      const globalStarted = performance.now();
      const global = embedText(await command(dave.id, 'leaderboard', { scope: 'global' }).response());
      const globalMs = performance.now() - globalStarted;
      expect(global).toContain(`1. Seed ${SEEDED}: `);
      expect(global).toContain('You are #50,001 with 150,201 pts.');
      console.info(
        `[${kind}] /leaderboard with ${ranked} ranked players, caller at #50,001: server ${serverMs.toFixed(0)} ms, global ${globalMs.toFixed(0)} ms (command to reply, fake Discord included)`,
      );
    }, 180_000);

    it('when a player confirms forget-me, then everything about them is deleted and they are told what; nobody else can confirm', async () => {
      const { prisma } = h.bot.database;
      const where = { playerId: alice.id };
      const before = {
        answers: await prisma.answer.count({ where }),
        scoreTotals: await prisma.scoreTotal.count({ where }),
        playerStats: await prisma.playerStats.count({ where }),
      };
      expect(before.answers).toBe(2);
      expect(before.scoreTotals).toBeGreaterThan(0);

      // Bob forges a click on his own confirmation with Alice's id in it (her prompt is ephemeral, he cannot see it).
      const bobs = await command(bob.id, 'trivia', {}, 'forget-me').response();
      expect(bobs.content).toBe(t('es', 'forget.confirm'));
      const forged = await h.fake
        .clickButton({
          messageId: bobs.id,
          customId: buttons(bobs)[0]!.customId.replace(bob.id, alice.id),
          userId: bob.id,
          forged: true,
        })
        .response();
      expect(forged.content).toBe(t('es', 'forget.notYourButton'));
      expect(await prisma.answer.count({ where })).toBe(2);
      const cancelled = await h.fake
        .clickButton({ messageId: bobs.id, customId: buttons(bobs)[1]!.customId, userId: bob.id })
        .response();
      expect(cancelled.content).toBe(t('es', 'forget.cancelled'));
      expect(await prisma.answer.count({ where: { playerId: bob.id } })).toBe(2);

      const prompt = await command(alice.id, 'trivia', {}, 'forget-me').response();
      expect(prompt.content).toBe(t('en', 'forget.confirm'));
      expect((prompt.flags ?? 0) & 64).toBe(64);
      const [yes] = buttons(prompt);
      const done = await h.fake
        .clickButton({ messageId: prompt.id, customId: yes!.customId, userId: alice.id })
        .response();
      expect(done.content).toBe(
        t('en', 'forget.done', {
          players: 1,
          ...before,
          dailyEntries: 0,
          dailyAnswers: 0,
          dailyStreaks: 0,
        }),
      );
      expect(buttons(done)).toEqual([]);
      const left = await Promise.all([
        prisma.player.count({ where: { id: alice.id } }),
        prisma.answer.count({ where }),
        prisma.scoreTotal.count({ where }),
        prisma.playerStats.count({ where }),
        prisma.dailyEntry.count({ where }),
        prisma.dailyAnswer.count({ where }),
        prisma.dailyStreak.count({ where }),
      ]);
      expect(left).toEqual([0, 0, 0, 0, 0, 0, 0]);

      const global = await command(carol.id, 'leaderboard', { scope: 'global' }).response();
      expect(global.embeds[0]?.footer?.text).toContain(`· ${formatNumber('en', SEEDED + 2)} ranked players`);
      const again = await command(alice.id, 'trivia', {}, 'forget-me').response();
      const nothing = await h.fake
        .clickButton({ messageId: again.id, customId: buttons(again)[0]!.customId, userId: alice.id })
        .response();
      expect(nothing.content).toBe(t('en', 'forget.nothing'));
    });

    it('when the fake Discord recorded errors, then none came from the bot breaking a rule', () => {
      expect(h.fake.errors.filter((error) => error.status >= 400)).toEqual([]);
      expect(h.logs.join('')).not.toMatch(/"level":50/);
    });
  });
}
