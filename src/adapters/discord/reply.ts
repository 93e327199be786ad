import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';

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
