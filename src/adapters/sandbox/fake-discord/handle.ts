import {
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIMessage,
} from 'discord-api-types/v10';
import { waitUntil } from './events.ts';
import type {
  InteractionCallbackRecord,
  InteractionRecord,
  InteractionStatus,
  MessageRecord,
  World,
} from './world.ts';

const DEFAULT_WAIT_MS = 5_000;

const isLoading = (message: APIMessage): boolean => ((message.flags ?? 0) & MessageFlags.Loading) !== 0;

/**
 * What a test holds after a simulated user action: the bot's acknowledgement and everything it then showed for this
 * interaction (ephemeral messages included: they are visible to the acting user).
 */
export class InteractionHandle {
  constructor(
    private readonly world: World,
    readonly record: InteractionRecord,
    /** How many gateway sessions it was dispatched to (0: no shard listening, it will expire). */
    readonly deliveredTo: number,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  get status(): InteractionStatus {
    return this.world.interactionStatus(this.record);
  }

  get callback(): InteractionCallbackRecord | null {
    return this.record.callback;
  }

  /** The bot's acknowledgement; rejects if none came in time (the user would see "This interaction failed"). */
  acknowledged(
    timeoutMs = this.world.options.interactionResponseTimeoutMs + 1_000,
  ): Promise<InteractionCallbackRecord> {
    return this.waitFor(
      () => this.record.callback ?? undefined,
      timeoutMs,
      `interaction ${this.id} to be acknowledged`,
    );
  }

  /** The response message (`@original`), once there is one. */
  original(): MessageRecord | undefined {
    const id = this.record.originalMessageId;
    return id ? this.world.messages.get(id) : undefined;
  }

  followUps(): MessageRecord[] {
    return this.record.followUpIds.flatMap((id) => {
      const record = this.world.messages.get(id);
      return record ? [record] : [];
    });
  }

  /** Everything this interaction shows now: the response message, then follow-ups. */
  messages(): MessageRecord[] {
    const original = this.original();
    const followUps = this.followUps();
    return original && original.interactionId === this.id ? [original, ...followUps] : followUps;
  }

  /**
   * Resolves with the message the user sees as the answer: the reply (after the deferral was filled in), or the
   * clicked message once updated (type 7, or type 6 followed by an edit).
   */
  response(timeoutMs = DEFAULT_WAIT_MS): Promise<APIMessage> {
    return this.waitFor(
      () => {
        const callback = this.record.callback;
        if (!callback) return undefined;
        const original = this.original();
        switch (callback.type) {
          case InteractionResponseType.ChannelMessageWithSource:
          case InteractionResponseType.UpdateMessage:
            return original?.message;
          case InteractionResponseType.DeferredChannelMessageWithSource:
            return original && !isLoading(original.message) ? original.message : undefined;
          case InteractionResponseType.DeferredMessageUpdate:
            return original && original.message !== this.record.sourceAtAck ? original.message : undefined;
          default:
            throw new Error(
              `Interaction ${this.id} was answered with type ${callback.type}, which shows no message`,
            );
        }
      },
      timeoutMs,
      `a response to interaction ${this.id}`,
    );
  }

  /** Resolves with the n-th follow-up (0-based) once posted. */
  followUp(index = 0, timeoutMs = DEFAULT_WAIT_MS): Promise<APIMessage> {
    return this.waitFor(
      () => this.followUps()[index]?.message,
      timeoutMs,
      `follow-up #${index} of interaction ${this.id}`,
    );
  }

  /** The autocomplete choices the bot answered with. */
  async choices(timeoutMs = DEFAULT_WAIT_MS): Promise<APIApplicationCommandOptionChoice[]> {
    const callback = await this.acknowledged(timeoutMs);
    if (callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      throw new Error(
        `Interaction ${this.id} was answered with type ${callback.type}, not autocomplete choices`,
      );
    }
    return (callback.data?.choices as APIApplicationCommandOptionChoice[] | undefined) ?? [];
  }

  /** Re-checks `check` whenever anything about messages or callbacks changes. */
  waitFor<T>(check: () => T | undefined, timeoutMs = DEFAULT_WAIT_MS, describe = 'a condition'): Promise<T> {
    const events = this.world.events;
    return waitUntil(
      (onChange) => {
        const offs = [
          events.on('interactionCallback', onChange),
          events.on('messageCreate', onChange),
          events.on('messageUpdate', onChange),
          events.on('messageDelete', onChange),
        ];
        return () => offs.forEach((off) => off());
      },
      check,
      timeoutMs,
      describe,
    );
  }
}
