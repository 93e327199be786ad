import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { MessagePayload } from './render/game.ts';

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/** Discord drops an interaction not answered within 3 s; past this much work we defer and edit later. */
export const DEFER_AFTER_MS = 1500;

/**
 * The work's result if it came within `deferAfterMs`, otherwise 'slow' (the work goes on; await it later).
 * 0 means "acknowledge at once". Either way a failure of `work` is observed here and rethrown where it is awaited.
 */
async function within<T>(work: Promise<T>, deferAfterMs: number): Promise<{ value: T } | 'slow'> {
  work.catch(() => undefined);
  if (deferAfterMs <= 0) return 'slow';
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deferAfterMs);
  });
  return Promise.race([work.then((value) => ({ value })), slow]).finally(() => clearTimeout(timer));
}

/** A reply in discord.js's shape (a message payload that works for reply, update and editReply alike). */
export type ReplyPayload = Pick<
  InteractionReplyOptions,
  'content' | 'embeds' | 'components' | 'allowedMentions'
>;

/** Replies with what `work` produces: one reply when fast, else deferred first, so 3 s are never missed. */
export async function replyWithin(
  interaction: Repliable,
  work: Promise<ReplyPayload>,
  options: { ephemeral: boolean },
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const first = await within(work, deferAfterMs);
  if (first !== 'slow') {
    await interaction.reply({ ...first.value, ...(flags ? { flags } : {}) });
    return;
  }
  await interaction.deferReply(flags ? { flags } : {});
  await interaction.editReply(await work);
}

/** Answers ephemerally with the text `work` produces (see replyWithin). */
export async function replyEphemeralWithin(
  interaction: Repliable,
  work: Promise<string>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  await replyWithin(
    interaction,
    work.then((content) => ({ content })),
    { ephemeral: true },
    deferAfterMs,
  );
}

/** Replaces the clicked message with what `work` produces, acknowledging first when it takes long. */
export async function updateWithin(
  interaction: ButtonInteraction,
  work: Promise<ReplyPayload>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  const first = await within(work, deferAfterMs);
  if (first !== 'slow') {
    await interaction.update(first.value);
    return;
  }
  await interaction.deferUpdate();
  await interaction.editReply(await work);
}

/** Replies, or follows up when the interaction was already acknowledged (used for errors). */
export async function replyEphemeral(interaction: Repliable, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ content });
  else if (interaction.replied) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}

/** A rendered message as discord.js takes it in an interaction response (no pings, as on every message). */
function interactionMessage(payload: MessagePayload) {
  return {
    content: payload.content ?? '',
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { parse: [] },
  };
}

/** How to answer a button once the work is done: edit the clicked message, or a new ephemeral message. */
export interface ButtonResponse {
  mode: 'update' | 'reply';
  payload: MessagePayload;
  /** Then posted publicly in the channel, as the bot (a follow-up without the ephemeral flag). */
  publicFollowUp?: MessagePayload;
}

/** Like replyEphemeralWithin, for a rendered message. */
export async function replyPayloadWithin(
  interaction: Repliable,
  work: Promise<MessagePayload>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  await replyWithin(interaction, work.then(interactionMessage), { ephemeral: true }, deferAfterMs);
}

/**
 * Answers a button with what `work` decides. Fast work is one response (an update or an ephemeral reply); slow
 * work acknowledges first, then edits the clicked message or follows up ephemerally.
 */
export async function respondToButtonWithin(
  interaction: ButtonInteraction,
  work: Promise<ButtonResponse>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  const first = await within(work, deferAfterMs);
  let response: ButtonResponse;
  if (first !== 'slow') {
    response = first.value;
    if (response.mode === 'update') await interaction.update(interactionMessage(response.payload));
    else await interaction.reply({ ...interactionMessage(response.payload), flags: MessageFlags.Ephemeral });
  } else {
    await interaction.deferUpdate();
    response = await work;
    if (response.mode === 'update') await interaction.editReply(interactionMessage(response.payload));
    else
      await interaction.followUp({ ...interactionMessage(response.payload), flags: MessageFlags.Ephemeral });
  }
  if (response.publicFollowUp) await interaction.followUp(interactionMessage(response.publicFollowUp));
}
