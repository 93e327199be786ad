import { createHash } from 'node:crypto';
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { RESTPostAPIChannelMessageResult } from 'discord-api-types/v10';
import type {
  GameAnnouncer,
  GameEndedView,
  GameStartedView,
  QuestionView,
  RevealView,
} from '../../app/game-announcer.ts';
import type { AppLogger } from '../../app/logger-port.ts';
import {
  renderClosedQuestion,
  renderGameEnded,
  renderGameStarted,
  renderQuestion,
  renderReveal,
  type MessagePayload,
} from './render/game.ts';

/**
 * Posts a game's messages through discord.js's REST client (its queue handles rate limits and retries).
 * A post that fails is logged with the channel and the game, and the game goes on: players can still answer.
 * Every post carries a nonce that Discord enforces: when a 5xx or a timeout hid a post that did go through,
 * discord.js's retry gets the first message back instead of posting a duplicate.
 */
export class DiscordGameAnnouncer implements GameAnnouncer {
  constructor(
    private readonly rest: REST,
    private readonly logger: AppLogger,
  ) {}

  gameStarted(channelId: string, view: GameStartedView): Promise<string | undefined> {
    return this.post(channelId, renderGameStarted(view), view.gameId, 'start');
  }

  questionOpened(channelId: string, view: QuestionView): Promise<string | undefined> {
    return this.post(channelId, renderQuestion(view), view.gameId, `q${view.roundIndex}`);
  }

  async roundClosed(channelId: string, view: RevealView): Promise<void> {
    if (view.questionMessageId)
      await this.edit(channelId, view.questionMessageId, renderClosedQuestion(view), view.gameId);
    await this.post(channelId, renderReveal(view), view.gameId, `r${view.reveal.roundIndex}`);
  }

  async gameEnded(channelId: string, view: GameEndedView): Promise<void> {
    await this.post(channelId, renderGameEnded(view), view.gameId, 'end');
  }

  private async post(
    channelId: string,
    payload: MessagePayload,
    gameId: string,
    step: string,
  ): Promise<string | undefined> {
    try {
      const message = (await this.rest.post(Routes.channelMessages(channelId), {
        body: { ...payload, nonce: postNonce(gameId, step), enforce_nonce: true },
      })) as RESTPostAPIChannelMessageResult;
      return message.id;
    } catch (error) {
      this.logFailure(error, channelId, gameId, 'post');
      return undefined;
    }
  }

  private async edit(
    channelId: string,
    messageId: string,
    payload: MessagePayload,
    gameId: string,
  ): Promise<void> {
    try {
      await this.rest.patch(Routes.channelMessage(channelId, messageId), { body: payload });
    } catch (error) {
      this.logFailure(error, channelId, gameId, 'edit');
    }
  }

  private logFailure(error: unknown, channelId: string, gameId: string, action: string): void {
    const code = error instanceof DiscordAPIError ? error.code : undefined;
    this.logger.error({ err: error, code, channelId, gameId }, `could not ${action} a game message`);
  }
}

/** Discord nonces are at most 25 characters: a digest of the game and the step it announces. */
export function postNonce(gameId: string, step: string): string {
  return createHash('sha256').update(`${gameId}:${step}`).digest('base64url').slice(0, 25);
}
