import type { FakeDiscord } from '../../src/adapters/sandbox/fake-discord/index.ts';

/**
 * `/trivia start` in every channel, in batches: a burst of hundreds of commands at once on a loaded 2-core machine
 * makes some miss Discord's 3 s window before the bot even defers, which would measure the setup, not the bot.
 */
export async function startGames(
  fake: FakeDiscord,
  channels: readonly { guild: { id: string }; channel: { id: string }; starter: { id: string } }[],
  batch = 50,
): Promise<void> {
  for (let i = 0; i < channels.length; i += batch) {
    const handles = channels.slice(i, i + batch).map((c) =>
      fake.sendSlashCommand({
        guildId: c.guild.id,
        channelId: c.channel.id,
        userId: c.starter.id,
        name: 'trivia',
        subcommand: 'start',
        options: { questions: 5, seconds: 120 },
      }),
    );
    const replies = await Promise.all(
      handles.map((h) =>
        h.response(60_000).catch((error: unknown) => {
          const recent = fake.errors.slice(-3).map((e) => `${e.status} ${e.method} ${e.path}`);
          throw new Error(
            `game start ${i + handles.indexOf(h)} of ${channels.length}: interaction ${h.status}, ` +
              `callback ${h.callback?.type ?? 'none'}; fake errors ${fake.errors.length} (last: ${recent.join('; ')}): ${String(error)}`,
          );
        }),
      ),
    );
    const failed = replies.filter((r) => !r.content.startsWith('Game started'));
    if (failed.length > 0) throw new Error(`${failed.length} games did not start: ${failed[0]?.content}`);
  }
}
