import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { APIMessage, RESTPostAPIChannelMessageResult } from 'discord-api-types/v10';
import type { AppLogger } from '../../app/logger-port.ts';
import type {
  DailyPostView,
  DailyPublisher,
  FindPostResult,
  PostFailure,
  PostResult,
} from '../../core/daily/ports.ts';
import { dailyPlayId } from './render/custom-ids.ts';
import { renderDailyPost } from './render/daily.ts';

export interface DailyPublisherOptions {
  /**
   * Upper bound on one call, rate-limit waits and retries included. It must stay well under the claim lease
   * (5 min, DEFAULT_POSTING_POLICY): a send that outlives its lease can be duplicated (docs/daily.md).
   */
  timeLimitMs?: number;
  /** How many recent messages the look-up scans for an earlier post. */
  lookupLimit?: number;
}

export const DAILY_SEND_TIME_LIMIT_MS = 30_000;

/** Discord error codes that will not go away by retrying in the same channel. */
const CHANNEL_MISSING = new Set([10003]);
const FORBIDDEN = new Set([50001, 50013]);

/** Unknown Channel → the channel is gone; Missing Access / Permissions → forbidden; anything else may pass later. */
export function classifyDiscordError(error: unknown): PostFailure {
  if (error instanceof DiscordAPIError && typeof error.code === 'number') {
    if (CHANNEL_MISSING.has(error.code)) return 'channel-missing';
    if (FORBIDDEN.has(error.code)) return 'forbidden';
  }
  return 'transient';
}

/**
 * The daily challenge's posts, through discord.js's REST client (its queues and the bot's global pacer handle rate
 * limits: bot.ts). Every call, waits for the limits included, is bounded by an AbortSignal so it cannot outlive the
 * lease that allowed it.
 */
export class DiscordDailyPublisher implements DailyPublisher {
  private readonly timeLimitMs: number;
  private readonly lookupLimit: number;

  constructor(
    private readonly rest: REST,
    private readonly logger: AppLogger,
    options: DailyPublisherOptions = {},
  ) {
    this.timeLimitMs = options.timeLimitMs ?? DAILY_SEND_TIME_LIMIT_MS;
    this.lookupLimit = options.lookupLimit ?? 50;
  }

  async postChallenge(channelId: string, view: DailyPostView): Promise<PostResult> {
    try {
      const message = (await this.rest.post(Routes.channelMessages(channelId), {
        body: renderDailyPost(view),
        signal: AbortSignal.timeout(this.timeLimitMs),
      })) as RESTPostAPIChannelMessageResult;
      return { ok: true, messageId: message.id };
    } catch (error) {
      const failure = classifyDiscordError(error);
      this.logger.warn(
        { err: error, code: codeOf(error), channelId, challengeId: view.challengeId, failure },
        'daily post refused',
      );
      return { ok: false, error: failure };
    }
  }

  async findChallengePost(channelId: string, challengeId: string): Promise<FindPostResult> {
    let messages: APIMessage[];
    try {
      messages = (await this.rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: String(this.lookupLimit) }),
        signal: AbortSignal.timeout(this.timeLimitMs),
      })) as APIMessage[];
    } catch (error) {
      const failure = classifyDiscordError(error);
      this.logger.warn(
        { err: error, code: codeOf(error), channelId, challengeId, failure },
        'daily post look-up failed',
      );
      return { kind: 'unknown', error: failure };
    }
    // Only an application can put components on a message, so the play button's id marks our post.
    const marker = dailyPlayId(challengeId);
    const found = messages.find((message) => customIds(message).includes(marker));
    return found ? { kind: 'found', messageId: found.id } : { kind: 'not-found' };
  }

  async retractPost(channelId: string, messageId: string): Promise<void> {
    await this.rest.delete(Routes.channelMessage(channelId, messageId), {
      signal: AbortSignal.timeout(this.timeLimitMs),
    });
  }
}

function customIds(message: APIMessage): string[] {
  return (message.components ?? []).flatMap((row) =>
    'components' in row
      ? row.components.flatMap((component) => ('custom_id' in component ? [component.custom_id] : []))
      : [],
  );
}

function codeOf(error: unknown): number | string | undefined {
  return error instanceof DiscordAPIError ? error.code : undefined;
}
