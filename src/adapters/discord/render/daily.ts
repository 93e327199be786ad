// Pure rendering of the daily challenge: the channel post, the private question and result, the /daily status.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import type { DailyPlayResult, DailyQuestionView, DailyStatus } from '../../../app/daily-service.ts';
import type { DailyPostView } from '../../../core/daily/ports.ts';
import { formatDuration, t } from '../../../core/i18n/translate.ts';
import type { Lang } from '../../../core/questions/question.ts';
import { dailyAnswerId, dailyPlayId, dailyShareId } from './custom-ids.ts';
import { LETTERS, type MessagePayload } from './game.ts';
import { clip, LIMITS } from './limits.ts';

const COLORS = { post: 0xeb459e, question: 0x5865f2, result: 0x57f287, status: 0xfee75c } as const;

const mention = (userId: string) => `<@${userId}>`;
const relativeTime = (epochMs: number) => `<t:${Math.floor(epochMs / 1000)}:R>`;
// Mentions render as names without pinging anyone.
const noPings = { parse: [] as [] };

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

function row(...buttons: APIButtonComponentWithCustomId[]): Row {
  return { type: ComponentType.ActionRow, components: buttons };
}

function playButton(lang: Lang, challengeId: string): Row {
  return row({
    type: ComponentType.Button,
    style: ButtonStyle.Success,
    custom_id: dailyPlayId(challengeId),
    label: clip(t(lang, 'daily.playButton'), LIMITS.buttonLabel),
  });
}

/** The day's post: the new challenge with its Play button (the marker), and yesterday's answers and best. */
export function renderDailyPost(view: DailyPostView): MessagePayload {
  const { lang } = view;
  const description = [
    t(lang, 'daily.announce', {
      number: view.number,
      count: view.questionCount,
      seconds: view.secondsPerQuestion,
    }),
    t(lang, 'daily.resetsAt', { time: relativeTime(view.resetsAt) }),
  ].join('\n');
  const fields: APIEmbedField[] = [];
  const previous = view.previous;
  if (previous) {
    fields.push({
      name: clip(t(lang, 'daily.revealTitle', { number: previous.number }), LIMITS.fieldName),
      value: clip(
        previous.questions
          .map((question, index) =>
            t(lang, 'daily.revealLine', {
              index: index + 1,
              prompt: clip(question.prompt, 180),
              answer: question.answer,
            }),
          )
          .join('\n') || '-',
        LIMITS.fieldValue,
      ),
    });
    if (previous.topPlayers.length === 0) {
      fields.push({ name: t(lang, 'daily.topPlayersTitle'), value: t(lang, 'daily.nobodyPlayed') });
    } else {
      fields.push({
        name: t(lang, 'daily.topPlayersTitle'),
        value: clip(
          previous.topPlayers
            .map((player, index) =>
              t(lang, 'daily.topPlayerLine', {
                rank: index + 1,
                player: mention(player.playerId),
                correct: player.correct,
                total: previous.questions.length,
                points: player.points,
              }),
            )
            .join('\n'),
          LIMITS.fieldValue,
        ),
      });
    }
    if (previous.topStreaks.length > 0) {
      fields.push({
        name: t(lang, 'daily.topStreaksTitle'),
        value: clip(
          previous.topStreaks
            .map((streak, index) =>
              t(lang, 'daily.topStreakLine', {
                rank: index + 1,
                player: mention(streak.playerId),
                current: streak.current,
              }),
            )
            .join('\n'),
          LIMITS.fieldValue,
        ),
      });
    }
  }
  return {
    embeds: [
      {
        color: COLORS.post,
        title: clip(t(lang, 'daily.postTitle', { number: view.number }), LIMITS.embedTitle),
        description: clip(description, LIMITS.embedDescription),
        ...(fields.length > 0 ? { fields } : {}),
      },
    ],
    components: [playButton(lang, view.challengeId)],
    allowed_mentions: noPings,
  };
}

/**
 * One private question, A-D, with its countdown. `feedback` is the verdict on the previous answer. Each answer
 * button carries the question's index: a click on an older question is refused (no going back).
 */
export function renderDailyQuestion(view: DailyQuestionView, feedback?: string): MessagePayload {
  const { lang } = view;
  const embed: APIEmbed = {
    color: COLORS.question,
    title: clip(
      t(lang, 'daily.questionHeader', { number: view.number, index: view.index + 1, total: view.total }),
      LIMITS.embedTitle,
    ),
    description: clip(
      `${view.question.prompt}\n\n${t(lang, 'daily.closesAt', { time: relativeTime(view.deadline) })}`,
      LIMITS.embedDescription,
    ),
  };
  const buttons = view.question.choices.map((choice, index): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    custom_id: dailyAnswerId(view.challengeId, view.index, index),
    label: clip(`${LETTERS[index]}. ${choice}`, LIMITS.buttonLabel),
  }));
  return {
    ...(feedback ? { content: clip(feedback, LIMITS.content) } : {}),
    embeds: [embed],
    components: [row(...buttons)],
    allowed_mentions: noPings,
  };
}

/** The verdict on one answer, shown above the next question or the result. */
export function answerFeedback(
  lang: Lang,
  outcome: { correct: boolean; timedOut: boolean; points: number; answer: string },
): string {
  if (outcome.correct) return t(lang, 'daily.correct', { points: outcome.points });
  const wrong = t(lang, 'daily.wrong', { answer: outcome.answer });
  return outcome.timedOut ? `${t(lang, 'daily.timeUp')} ${wrong}` : wrong;
}

/** The player's result: score, streak, the spoiler-free share line and a button to post it. */
export function renderDailyResult(
  lang: Lang,
  result: DailyPlayResult,
  now: number,
  options: { feedback?: string; shareButton?: boolean } = {},
): MessagePayload {
  const lines = [
    t(lang, 'daily.result', { correct: result.correct, total: result.total, points: result.points }),
    result.streak > 0
      ? t(lang, 'daily.streak', { current: result.streak, best: result.bestStreak })
      : t(lang, 'daily.streakLost'),
    '',
    t(lang, 'daily.shareHint'),
    `\`\`\`\n${result.shareLine}\n\`\`\``,
    t(lang, 'daily.nextIn', { time: formatDuration(lang, result.resetsAt - now) }),
  ];
  return {
    ...(options.feedback ? { content: clip(options.feedback, LIMITS.content) } : {}),
    embeds: [
      {
        color: COLORS.result,
        title: clip(t(lang, 'daily.finishedTitle', { number: result.number }), LIMITS.embedTitle),
        description: clip(lines.join('\n'), LIMITS.embedDescription),
      },
    ],
    components:
      options.shareButton === false
        ? []
        : [
            row({
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              custom_id: dailyShareId(result.challengeId),
              label: clip(t(lang, 'daily.shareButton'), LIMITS.buttonLabel),
            }),
          ],
    allowed_mentions: noPings,
  };
}

/** A second Play (or an old Play button) once finished: says so, then shows the result again. */
export function renderAlreadyPlayed(lang: Lang, result: DailyPlayResult, now: number): MessagePayload {
  return renderDailyResult(lang, result, now, {
    feedback: t(lang, 'daily.alreadyPlayed', { time: formatDuration(lang, result.resetsAt - now) }),
  });
}

/** What "Post my result" puts in the channel: the player (mentioned, not pinged) and the share line. */
export function renderSharedResult(lang: Lang, playerId: string, line: string): MessagePayload {
  return {
    content: clip(t(lang, 'daily.sharedLine', { player: mention(playerId), line }), LIMITS.content),
    embeds: [],
    components: [],
    allowed_mentions: noPings,
  };
}

/** /daily: played or not, the streak, when the next challenge comes; a Play button while it can be played. */
export function renderDailyStatus(lang: Lang, status: DailyStatus, now: number): MessagePayload {
  if (!status.configured && !status.today) {
    return { content: t(lang, 'daily.notConfigured'), embeds: [], components: [], allowed_mentions: noPings };
  }
  const lines: string[] = [];
  const today = status.today;
  if (!today) {
    if (status.nextPostAt !== undefined)
      lines.push(t(lang, 'daily.notYet', { time: relativeTime(status.nextPostAt) }));
  } else if (today.state === 'not-played') {
    lines.push(t(lang, 'daily.notPlayed', { number: today.number }));
  } else if (today.state === 'in-progress') {
    lines.push(t(lang, 'daily.inProgress'));
  } else if (today.state === 'finished') {
    lines.push(t(lang, 'daily.statusFinished', { number: today.number }));
    lines.push(
      t(lang, 'daily.result', {
        correct: today.result.correct,
        total: today.result.total,
        points: today.result.points,
      }),
    );
    lines.push(`\`${today.result.shareLine}\``);
  }
  if (today && today.state !== 'finished')
    lines.push(t(lang, 'daily.resetsAt', { time: relativeTime(status.resetsAt) }));
  if (status.nextPostAt !== undefined && today)
    lines.push(t(lang, 'daily.nextIn', { time: formatDuration(lang, status.nextPostAt - now) }));
  const fields: APIEmbedField[] = [
    {
      name: t(lang, 'daily.statusStreak'),
      value: t(lang, 'daily.streak', { current: status.streak, best: status.bestStreak }),
    },
  ];
  const components: Row[] = [];
  if (today && today.state !== 'finished') components.push(playButton(lang, today.challengeId));
  if (today && today.state === 'finished')
    components.push(
      row({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: dailyShareId(today.challengeId),
        label: clip(t(lang, 'daily.shareButton'), LIMITS.buttonLabel),
      }),
    );
  return {
    embeds: [
      {
        color: COLORS.status,
        title: t(lang, 'daily.statusTitle'),
        description: clip(lines.join('\n'), LIMITS.embedDescription),
        fields,
      },
    ],
    components,
    allowed_mentions: noPings,
  };
}

/** A plain ephemeral text (errors, refusals). */
export function renderDailyText(content: string): MessagePayload {
  return { content: clip(content, LIMITS.content), embeds: [], components: [], allowed_mentions: noPings };
}
