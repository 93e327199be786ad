import type { APIMessage } from 'discord-api-types/v10';
import { parseButtonId } from '../../src/adapters/discord/render/custom-ids.ts';
import type { InteractionHandle } from '../../src/adapters/sandbox/fake-discord/index.ts';
import { embedText, type Harness } from './bot-harness.ts';

export function buttons(message: APIMessage): { customId: string; label: string; disabled: boolean }[] {
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

/** Drives games in the harness's channel the way players do, and reads what the channel shows. */
export class GameDriver {
  constructor(
    private readonly h: Harness,
    readonly channelId = h.channel.id,
  ) {}

  start(userId: string, options: Record<string, string | number> = {}): InteractionHandle {
    return this.h.fake.sendSlashCommand({
      guildId: this.h.guild.id,
      channelId: this.channelId,
      userId,
      name: 'trivia',
      subcommand: 'start',
      options,
    });
  }

  stop(userId: string): InteractionHandle {
    return this.h.fake.sendSlashCommand({
      guildId: this.h.guild.id,
      channelId: this.channelId,
      userId,
      name: 'trivia',
      subcommand: 'stop',
    });
  }

  questions(): APIMessage[] {
    return this.h.fake
      .channelMessages(this.channelId)
      .filter((message) => buttons(message).some((b) => parseButtonId(b.customId)?.kind === 'answer'));
  }

  async waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async nextQuestion(afterCount: number): Promise<APIMessage> {
    await this.waitFor(() => this.questions().length > afterCount, `question ${afterCount + 1}`);
    return this.questions()[afterCount]!;
  }

  click(message: APIMessage, choice: number, userId: string): InteractionHandle {
    return this.h.fake.clickButton({
      messageId: message.id,
      customId: buttons(message)[choice]!.customId,
      userId,
    });
  }

  gameId(message: APIMessage): string {
    const action = parseButtonId(buttons(message)[0]!.customId);
    if (action?.kind !== 'answer') throw new Error('not a question message');
    return action.gameId;
  }

  texts(): string[] {
    return this.h.fake.channelMessages(this.channelId).map((m) => `${m.content}\n${embedText(m)}`);
  }

  count(fragment: string): number {
    return this.texts().filter((text) => text.includes(fragment)).length;
  }

  /** Public messages that appear more than once (same text and buttons): a retried post that was duplicated. */
  duplicates(): string[] {
    const seen = new Map<string, number>();
    for (const m of this.h.fake.channelMessages(this.channelId)) {
      const key = JSON.stringify([m.content, m.embeds, m.components]);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen.entries()].filter(([, n]) => n > 1).map(([key]) => key);
  }

  /** Answers stored for a game, by player. */
  async storedAnswers(gameId: string): Promise<Map<string, number>> {
    const rows = await this.h.bot.database.prisma.answer.findMany({
      where: { round: { gameId } },
      select: { playerId: true, round: { select: { index: true } } },
    });
    const byKey = new Map<string, number>();
    for (const row of rows)
      byKey.set(
        `${row.round.index}:${row.playerId}`,
        (byKey.get(`${row.round.index}:${row.playerId}`) ?? 0) + 1,
      );
    return byKey;
  }
}
