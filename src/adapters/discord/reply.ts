import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
} from 'discord.js';

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/** Discord drops an interaction not answered within 3 s; past this much work we defer and edit later. */
export const DEFER_AFTER_MS = 1500;

/** The work's result if it came within `deferAfterMs`, otherwise 'slow' (the work goes on; await it later). */
async function within<T>(work: Promise<T>, deferAfterMs: number): Promise<{ value: T } | 'slow'> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), deferAfterMs);
  });
  return Promise.race([work.then((value) => ({ value })), slow]).finally(() => clearTimeout(timer));
}

/**
 * Answers ephemerally with the text `work` produces. Fast work is one reply; slow work (a slow database) is
 * deferred first, so the 3-second first-response deadline is never missed.
 */
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

/** A reply in discord.js's shape (a message payload that works for reply, update and editReply alike). */
export type ReplyPayload = Pick<
  InteractionReplyOptions,
  'content' | 'embeds' | 'components' | 'allowedMentions'
>;

/** Replies with what `work` produces, deferring first when it takes long (see replyEphemeralWithin). */
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
