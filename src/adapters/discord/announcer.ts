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
 */
export class DiscordGameAnnouncer implements GameAnnouncer {
  constructor(
    private readonly rest: REST,
    private readonly logger: AppLogger,
  ) {}

  gameStarted(channelId: string, view: GameStartedView): Promise<string | undefined> {
    return this.post(channelId, renderGameStarted(view), view.gameId);
  }

  questionOpened(channelId: string, view: QuestionView): Promise<string | undefined> {
    return this.post(channelId, renderQuestion(view), view.gameId);
  }

  async roundClosed(channelId: string, view: RevealView): Promise<void> {
    if (view.questionMessageId)
      await this.edit(channelId, view.questionMessageId, renderClosedQuestion(view), view.gameId);
    await this.post(channelId, renderReveal(view), view.gameId);
  }

  async gameEnded(channelId: string, view: GameEndedView): Promise<void> {
    await this.post(channelId, renderGameEnded(view), view.gameId);
  }

  private async post(
    channelId: string,
    payload: MessagePayload,
    gameId: string,
  ): Promise<string | undefined> {
    try {
      const message = (await this.rest.post(Routes.channelMessages(channelId), {
        body: payload,
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
