import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { DailyAnswerOutcome, DailyService, StartPlayOutcome } from '../../../app/daily-service.ts';
import { t } from '../../../core/i18n/translate.ts';
import type { Lang } from '../../../core/questions/question.ts';
import { displayName, replyLang, type BotContext } from '../context.ts';
import { parseDailyButtonId } from '../render/custom-ids.ts';
import {
  answerFeedback,
  renderAlreadyPlayed,
  renderDailyQuestion,
  renderDailyResult,
  renderDailyStatus,
  renderDailyText,
  renderSharedResult,
} from '../render/daily.ts';
import type { MessagePayload } from '../render/game.ts';
import { replyPayloadWithin, respondToButtonWithin, type ButtonResponse } from '../reply.ts';

/** What the Discord side of the daily challenge uses from the use cases. */
export type DailyPlay = Pick<DailyService, 'startPlay' | 'answer' | 'status' | 'shareLine'>;

const relativeTime = (epochMs: number) => `<t:${Math.floor(epochMs / 1000)}:R>`;

export function renderStart(lang: Lang, outcome: StartPlayOutcome, now: number): MessagePayload {
  switch (outcome.kind) {
    case 'question':
      return renderDailyQuestion({ ...outcome.view, lang });
    case 'already-played':
      return renderAlreadyPlayed(lang, outcome.result, now);
    case 'not-configured':
      return renderDailyText(t(lang, 'daily.notConfigured'));
    case 'not-yet':
      return renderDailyText(t(lang, 'daily.notYet', { time: relativeTime(outcome.postsAt) }));
    case 'expired':
      return renderDailyText(t(lang, 'daily.expired'));
    case 'no-challenge':
      return renderDailyText(t(lang, 'daily.noChallenge'));
    case 'unavailable':
      return renderDailyText(t(lang, 'daily.unavailable'));
  }
}

/**
 * The answer edits the private question message into the next question or the result. Refusals are new
 * ephemeral messages: a double click must not overwrite the question that replaced the one clicked.
 */
export function answerResponse(lang: Lang, outcome: DailyAnswerOutcome, now: number): ButtonResponse {
  const reply = (text: string): ButtonResponse => ({ mode: 'reply', payload: renderDailyText(text) });
  switch (outcome.kind) {
    case 'answered': {
      const feedback = answerFeedback(lang, outcome);
      if (outcome.next)
        return { mode: 'update', payload: renderDailyQuestion({ ...outcome.next, lang }, feedback) };
      if (outcome.result)
        return { mode: 'update', payload: renderDailyResult(lang, outcome.result, now, { feedback }) };
      return reply(t(lang, 'error.tryAgainLater'));
    }
    case 'already-answered':
      return reply(t(lang, 'daily.alreadyAnswered'));
    case 'already-played':
      return { mode: 'reply', payload: renderAlreadyPlayed(lang, outcome.result, now) };
    case 'not-started':
      return reply(t(lang, 'daily.notStarted'));
    case 'no-challenge':
      return reply(t(lang, 'daily.noChallenge'));
    case 'unavailable':
      return reply(t(lang, 'daily.unavailable'));
    case 'invalid-choice':
      return reply(t(lang, 'daily.invalidChoice'));
    case 'not-saved':
      return reply(t(lang, 'daily.notSaved'));
  }
}

/** /daily and the daily challenge's buttons: Play (on the post and on /daily), A-D answers, Post my result. */
export function dailyHandlers(context: BotContext, daily: DailyPlay) {
  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!interaction.inGuild()) return;
    const lang = await replyLang(context, interaction);
    const work = daily
      .status(interaction.guildId, interaction.user.id)
      .then((status) => renderDailyStatus(lang, status, context.clock.now()));
    await replyPayloadWithin(interaction, work);
  }

  async function button(interaction: ButtonInteraction): Promise<boolean> {
    const action = parseDailyButtonId(interaction.customId);
    if (!action) return false;
    const lang = await replyLang(context, interaction);
    if (!interaction.inGuild()) {
      await replyPayloadWithin(interaction, Promise.resolve(renderDailyText(t(lang, 'error.guildOnly'))));
      return true;
    }
    const serverId = interaction.guildId;
    const playerId = interaction.user.id;
    switch (action.kind) {
      case 'daily-play': {
        const work = daily
          .startPlay({
            serverId,
            playerId,
            playerName: displayName(interaction),
            challengeId: action.challengeId,
          })
          .then((outcome) => renderStart(lang, outcome, context.clock.now()));
        await replyPayloadWithin(interaction, work);
        return true;
      }
      case 'daily-answer': {
        const work = daily
          .answer({
            challengeId: action.challengeId,
            playerId,
            questionIndex: action.questionIndex,
            choiceIndex: action.choiceIndex,
          })
          .then((outcome) => answerResponse(lang, outcome, context.clock.now()));
        await respondToButtonWithin(interaction, work);
        return true;
      }
      case 'daily-share': {
        const work = daily.shareLine(action.challengeId, playerId).then((line): ButtonResponse =>
          line === undefined
            ? { mode: 'reply', payload: renderDailyText(t(lang, 'daily.notFinished')) }
            : {
                // The button goes away with the click, so one result message posts once.
                mode: 'update',
                payload: withoutComponents(interaction),
                publicFollowUp: renderSharedResult(lang, playerId, line),
              },
        );
        await respondToButtonWithin(interaction, work);
        return true;
      }
    }
  }

  return { command, button };
}

/** The clicked message as it is, minus its buttons. */
function withoutComponents(interaction: ButtonInteraction): MessagePayload {
  const message = interaction.message;
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds.map((embed) => embed.toJSON()),
    components: [],
    allowed_mentions: { parse: [] },
  };
}
