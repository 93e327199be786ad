import type { ButtonInteraction } from 'discord.js';
import type { AnswerOutcome } from '../../../app/game-service.ts';
import { t } from '../../../core/i18n/translate.ts';
import type { Lang } from '../../../core/questions/question.ts';
import { replyLang, storedPlayerName, type BotContext } from '../context.ts';
import type { ButtonAction } from '../render/custom-ids.ts';
import { DEFER_AFTER_MS, replyEphemeralWithin } from '../reply.ts';

function answerText(lang: Lang, outcome: AnswerOutcome): string {
  switch (outcome.kind) {
    case 'locked':
      return t(lang, 'answer.lockedIn', { choice: outcome.choice });
    case 'already-answered':
      return outcome.choice
        ? t(lang, 'answer.alreadyLocked', { choice: outcome.choice })
        : t(lang, 'answer.alreadyLocked', { choice: '✔' });
    case 'too-late':
      return t(lang, 'answer.tooLate');
    case 'no-game':
      return t(lang, 'error.unknownInteraction');
    case 'wrong-channel':
      return t(lang, 'answer.wrongChannel');
    case 'invalid-choice':
      return t(lang, 'answer.invalidChoice');
    case 'not-saved':
      return t(lang, 'answer.notSaved');
  }
}

export async function handleGameButton(
  context: BotContext,
  interaction: ButtonInteraction,
  action: ButtonAction,
): Promise<void> {
  const langPromise = replyLang(context, interaction);
  if (action.kind === 'answer') {
    // Behind a burst bigger than one write, waiting for the database first could miss Discord's 3-second window.
    const deferAfterMs = context.games.isBackedUp(action.gameId) ? 0 : DEFER_AFTER_MS;
    const outcome = context.games.answer({
      gameId: action.gameId,
      roundIndex: action.roundIndex,
      choiceIndex: action.choiceIndex,
      channelId: interaction.channelId,
      playerId: interaction.user.id,
      playerName: storedPlayerName(interaction.user),
    });
    const text = Promise.all([langPromise, outcome]).then(([lang, result]) => answerText(lang, result));
    await replyEphemeralWithin(interaction, text, deferAfterMs);
    return;
  }
  const joined = context.games.join(action.gameId, interaction.channelId, interaction.user.id);
  const text = Promise.all([langPromise, joined]).then(([lang, result]) =>
    result.kind === 'joined'
      ? t(lang, 'game.joined')
      : result.kind === 'already-joined'
        ? t(lang, 'game.alreadyJoined')
        : t(lang, 'error.unknownInteraction'),
  );
  await replyEphemeralWithin(interaction, text);
}
