import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { MessagePayload } from './render/game.ts';

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/** Discord drops an interaction not answered within 3 s; past this much work we defer and edit later. */
export const DEFER_AFTER_MS = 1500;

/**
 * Answers ephemerally with the text `work` produces. Fast work is one reply; slow work (a slow database) is
 * deferred first, so the 3-second first-response deadline is never missed.
 */
export async function replyEphemeralWithin(
  interaction: Repliable,
  work: Promise<string>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  if (deferAfterMs <= 0) {
    // Observed now, rethrown below: a failure while the deferral is in flight must not go unhandled.
    work.catch(() => undefined);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({ content: await work });
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deferAfterMs);
  });
  const first = await Promise.race([work, slow]).finally(() => clearTimeout(timer));
  if (first !== 'slow') {
    await interaction.reply({ content: first, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply({ content: await work });
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
  const first = await raceDeadline(work, deferAfterMs);
  if (first !== 'slow') {
    await interaction.reply({ ...interactionMessage(first), flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply(interactionMessage(await work));
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
  const first = await raceDeadline(work, deferAfterMs);
  let response: ButtonResponse;
  if (first !== 'slow') {
    response = first;
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

async function raceDeadline<T>(work: Promise<T>, deferAfterMs: number): Promise<T | 'slow'> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deferAfterMs);
  });
  return Promise.race([work, slow]).finally(() => clearTimeout(timer));
}
