import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PermissionFlagsBits, type APIMessage } from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { FakeChannel, FakeGuild, FakeUser } from '../../../src/adapters/sandbox/fake-discord/index.ts';
import { zonedTimeToEpoch } from '../../../src/core/time/zoned.ts';
import { FIXTURE_PACKS, type Harness } from '../../support/bot-harness.ts';

export const ADMIN_PERMISSIONS = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages;

/** The instant a zone's wall clock reads `date time`. */
export const at = (date: string, time: string, zone: string) => zonedTimeToEpoch(date, time, zone);

const FIXTURE = JSON.parse(readFileSync(path.join(FIXTURE_PACKS, 'test-film.json'), 'utf8')) as {
  questions: { prompt: string; answer: string }[];
};

export interface Button {
  customId: string;
  label: string;
  disabled: boolean;
}

export function buttons(message: APIMessage): Button[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((component) =>
          'custom_id' in component && 'label' in component
            ? [
                {
                  customId: component.custom_id,
                  label: component.label ?? '',
                  disabled: component.disabled ?? false,
                },
              ]
            : [],
        )
      : [],
  );
}

/** The daily posts in a channel (messages with a Play button). */
export function dailyPosts(h: Harness, channelId: string): APIMessage[] {
  return h.fake
    .channelMessages(channelId)
    .filter((message) => buttons(message).some((button) => button.customId.startsWith('dp:')));
}

export interface Server {
  guild: FakeGuild;
  channel: FakeChannel;
  admin: FakeUser;
}

/** A guild with a #daily channel and an admin (bots get it over the gateway: wait for their cache). */
export function createServer(h: Harness, guildId?: string): Server {
  const guild = h.fake.createGuild({ name: 'Server', ...(guildId ? { id: guildId } : {}) });
  const channel = h.fake.createTextChannel({ guildId: guild.id, name: 'daily' });
  const admin = h.fake.createMember({ guildId: guild.id, username: 'admin', permissions: ADMIN_PERMISSIONS });
  return { guild, channel, admin };
}

export function adminCommand(
  h: Harness,
  server: Server,
  subcommand: string,
  options: Record<string, string | number | boolean> = {},
) {
  return h.fake.sendSlashCommand({
    guildId: server.guild.id,
    channelId: server.channel.id,
    userId: server.admin.id,
    name: 'trivia-admin',
    subcommand,
    options,
  });
}

/** /trivia-admin daily through Discord; returns the reply text. */
export async function configureDaily(
  h: Harness,
  server: Server,
  options: { time?: string; timezone?: string; channel?: string; enabled?: boolean },
): Promise<string> {
  const reply = await adminCommand(h, server, 'daily', {
    channel: options.channel ?? server.channel.id,
    ...(options.time ? { time: options.time } : {}),
    ...(options.timezone ? { timezone: options.timezone } : {}),
    ...(options.enabled !== undefined ? { enabled: options.enabled } : {}),
  }).response();
  return reply.content;
}

/** The button of the right (or a wrong) answer on a daily question message. */
export function choiceButton(message: APIMessage, right: boolean): Button {
  const description = message.embeds[0]?.description ?? '';
  const question = FIXTURE.questions.find((q) => description.startsWith(q.prompt));
  if (!question) throw new Error(`unknown question: ${description}`);
  const answers = buttons(message).filter((button) => button.customId.startsWith('da:'));
  const found = answers.find((button) => (button.label.endsWith(`. ${question.answer}`) ? right : !right));
  if (!found) throw new Error('no such choice');
  return found;
}

/**
 * Clicks Play on `post` and answers every question (`right[i]` says how), checking the answers are stored as
 * they go. Returns the final (result) message.
 */
export async function playDaily(
  h: Harness,
  player: FakeUser,
  post: APIMessage,
  right: boolean[] = [true, true, true, true, true],
): Promise<APIMessage> {
  const play = buttons(post).find((button) => button.customId.startsWith('dp:'))!;
  const challengeId = play.customId.slice(3);
  let message = await h.fake
    .clickButton({ messageId: post.id, customId: play.customId, userId: player.id })
    .response();
  for (let index = 0; index < right.length; index++) {
    expect(message.embeds[0]?.title).toContain(`question ${index + 1} of ${right.length}`);
    h.time.advance(2000);
    const choice = choiceButton(message, right[index]!);
    message = await h.fake
      .clickButton({ messageId: message.id, customId: choice.customId, userId: player.id })
      .response();
    const stored = await h.database.prisma.dailyAnswer.count({ where: { challengeId, playerId: player.id } });
    expect(stored).toBe(index + 1);
  }
  expect(message.embeds[0]?.title).toContain('done!');
  return message;
}

/** Polls until `condition` holds (usable in hooks, where expect.poll is not). */
export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
