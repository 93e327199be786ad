import type { RESTError, RESTErrorData, RESTErrorFieldInformation } from 'discord-api-types/v10';

/** JSON error codes the fake answers with (the subset of Discord's that the bot can run into). */
export const ErrorCode = {
  General: 0,
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  CannotEditOtherUsersMessage: 50005,
  CannotSendEmptyMessage: 50006,
  InvalidWebhookToken: 50027,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  InteractionAlreadyAcknowledged: 40060,
} as const;

/** An HTTP answer the REST server turns into a Discord error response. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: RESTError,
  ) {
    super(`${status} ${body.message} (${body.code})`);
  }
}

export const notFound = (code: number, message: string): DiscordHttpError =>
  new DiscordHttpError(404, { code, message });

export const unknownChannel = (): DiscordHttpError => notFound(ErrorCode.UnknownChannel, 'Unknown Channel');
export const unknownMessage = (): DiscordHttpError => notFound(ErrorCode.UnknownMessage, 'Unknown Message');
export const unknownWebhook = (): DiscordHttpError => notFound(ErrorCode.UnknownWebhook, 'Unknown Webhook');
export const unknownInteraction = (): DiscordHttpError =>
  notFound(ErrorCode.UnknownInteraction, 'Unknown interaction');
export const alreadyAcknowledged = (): DiscordHttpError =>
  new DiscordHttpError(400, {
    code: ErrorCode.InteractionAlreadyAcknowledged,
    message: 'Interaction has already been acknowledged.',
  });
export const missingPermissions = (): DiscordHttpError =>
  new DiscordHttpError(403, { code: ErrorCode.MissingPermissions, message: 'Missing Permissions' });
export const emptyMessage = (): DiscordHttpError =>
  new DiscordHttpError(400, {
    code: ErrorCode.CannotSendEmptyMessage,
    message: 'Cannot send an empty message',
  });

export type ErrorPath = readonly (string | number)[];

export interface FieldError extends RESTErrorFieldInformation {
  path: ErrorPath;
}

/** Collects field errors and nests them the way Discord's "Invalid Form Body" answer does. */
export class FormErrors {
  readonly list: FieldError[] = [];

  add(path: ErrorPath, code: string, message: string): void {
    this.list.push({ path, code, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  toError(): DiscordHttpError {
    const root: Record<string, RESTErrorData> = {};
    for (const { path, code, message } of this.list) {
      let node = root;
      for (const key of path) {
        const k = String(key);
        const next = node[k];
        if (next === undefined || typeof next !== 'object') {
          const created: Record<string, RESTErrorData> = {};
          node[k] = created;
          node = created;
        } else {
          node = next as Record<string, RESTErrorData>;
        }
      }
      const existing = node._errors;
      const entry: RESTErrorFieldInformation = { code, message };
      if (Array.isArray(existing)) existing.push(entry);
      else node._errors = [entry] as unknown as RESTErrorData;
    }
    return new DiscordHttpError(400, {
      code: ErrorCode.InvalidFormBody,
      message: 'Invalid Form Body',
      errors: root,
    });
  }
}
