// Pure rendering of a channel game into Discord message payloads.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
} from 'discord-api-types/v10';
import type {
  GameEndedView,
  GameStartedView,
  QuestionView,
  RevealView,
} from '../../../app/game-announcer.ts';
import { t } from '../../../core/i18n/translate.ts';
import type { Lang } from '../../../core/questions/question.ts';
import type { Standing } from '../../../core/scoring/standings.ts';
import { answerId, joinId } from './custom-ids.ts';
import { clip, LIMITS } from './limits.ts';

export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: { parse: [] };
}

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
const COLORS = { question: 0x5865f2, reveal: 0x57f287, end: 0xfee75c, stopped: 0xed4245 } as const;
const STANDINGS_SHOWN = 10;

const mention = (userId: string) => `<@${userId}>`;
const relativeTime = (epochMs: number) => `<t:${Math.ceil(epochMs / 1000)}:R>`;
// Mentions render as names without pinging anyone: allowed_mentions is empty on every message we send.
const noPings = { parse: [] as [] };

export function renderGameStarted(view: GameStartedView): MessagePayload {
  return {
    embeds: [
      {
        color: COLORS.question,
        description: clip(
          `${t(view.lang, 'game.started', {
            starter: mention(view.starterId),
            count: view.questionCount,
            pack: view.packTitle,
            seconds: view.seconds,
          })}\n${t(view.lang, 'game.joinPrompt')}`,
          LIMITS.embedDescription,
        ),
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: joinId(view.gameId),
            label: t(view.lang, 'game.joinButton'),
          },
        ],
      },
    ],
    allowed_mentions: noPings,
  };
}

function choiceButtons(
  view: Pick<QuestionView, 'gameId' | 'roundIndex' | 'question'>,
  reveal?: { correctIndex: number },
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const buttons: APIButtonComponentWithCustomId[] = view.question.choices.map((choice, index) => ({
    type: ComponentType.Button,
    custom_id: answerId(view.gameId, view.roundIndex, index),
    label: clip(`${LETTERS[index]}. ${choice}`, LIMITS.buttonLabel),
    style: reveal
      ? index === reveal.correctIndex
        ? ButtonStyle.Success
        : ButtonStyle.Secondary
      : ButtonStyle.Primary,
    disabled: reveal !== undefined,
  }));
  return { type: ComponentType.ActionRow, components: buttons };
}

function questionEmbed(view: QuestionView | (RevealView & { total: number; roundIndex: number })): APIEmbed {
  return {
    color: COLORS.question,
    title: clip(
      t(view.lang, 'game.questionHeader', { number: view.roundIndex + 1, total: view.total }),
      LIMITS.embedTitle,
    ),
    description: clip(view.question.prompt, LIMITS.embedDescription),
  };
}

export function renderQuestion(view: QuestionView): MessagePayload {
  const embed = questionEmbed(view);
  embed.description = clip(
    `${view.question.prompt}\n\n${t(view.lang, 'game.closesAt', { time: relativeTime(view.deadline) })}`,
    LIMITS.embedDescription,
  );
  return { embeds: [embed], components: [choiceButtons(view)], allowed_mentions: noPings };
}

/** The question message after its round closed: buttons disabled, the right one green. */
export function renderClosedQuestion(view: RevealView): MessagePayload {
  const roundIndex = view.reveal.roundIndex;
  return {
    embeds: [questionEmbed({ ...view, total: view.reveal.total, roundIndex })],
    components: [
      choiceButtons(
        { gameId: view.gameId, roundIndex, question: view.question },
        { correctIndex: view.reveal.correctIndex },
      ),
    ],
    allowed_mentions: noPings,
  };
}

function standingsLines(lang: Lang, standings: readonly Standing[]): string {
  return standings
    .slice(0, STANDINGS_SHOWN)
    .map((standing) =>
      t(lang, 'reveal.standingLine', {
        rank: standing.rank,
        player: mention(standing.playerId),
        points: standing.points,
      }),
    )
    .join('\n');
}

export function renderReveal(view: RevealView): MessagePayload {
  const { reveal, lang } = view;
  const counts = reveal.counts
    .map((count, index) => t(lang, 'reveal.optionCount', { option: LETTERS[index] ?? '?', count }))
    .join(' · ');
  const right =
    reveal.gained.length === 0
      ? t(lang, 'reveal.nobodyAnswered')
      : reveal.correctPlayers.length === 0
        ? t(lang, 'reveal.nobodyRight')
        : t(lang, 'reveal.rightPlayers', {
            players: reveal.correctPlayers
              .map((player) =>
                t(lang, 'reveal.gained', { player: mention(player.playerId), points: player.points }),
              )
              .join(', '),
          });
  const lines = [
    t(lang, 'reveal.answer', { answer: `${LETTERS[reveal.correctIndex]}. ${reveal.correctAnswer}` }),
    counts,
    right,
    reveal.closedBy === 'all-answered' ? t(lang, 'reveal.closedEarly') : '',
    // A spoiler: the sentence may give away later questions.
    `||${t(lang, 'reveal.source', { source: reveal.source })}||`,
    view.nextAt ? t(lang, 'reveal.nextQuestionIn', { time: relativeTime(view.nextAt) }) : '',
  ].filter((line) => line !== '');
  const standings = standingsLines(lang, reveal.standings);
  return {
    embeds: [
      {
        color: COLORS.reveal,
        title: clip(
          t(lang, 'game.questionHeader', { number: reveal.roundIndex + 1, total: reveal.total }),
          LIMITS.embedTitle,
        ),
        description: clip(lines.join('\n'), LIMITS.embedDescription),
        ...(standings
          ? {
              fields: [{ name: t(lang, 'reveal.standingsTitle'), value: clip(standings, LIMITS.fieldValue) }],
            }
          : {}),
      },
    ],
    components: [],
    allowed_mentions: noPings,
  };
}

export function renderGameEnded(view: GameEndedView): MessagePayload {
  const { lang } = view;
  const reason =
    view.reason.kind === 'completed'
      ? t(lang, 'end.completed')
      : view.reason.kind === 'stopped'
        ? t(lang, 'end.stoppedBy', { user: mention(view.reason.by) })
        : view.reason.kind === 'idle'
          ? t(lang, 'end.idle', { count: view.reason.rounds })
          : t(lang, 'end.interrupted');
  // Nobody "wins" with 0 points.
  const winner = view.standings[0] && view.standings[0].points > 0 ? view.standings[0] : undefined;
  const lines = view.standings.slice(0, STANDINGS_SHOWN).map((standing) =>
    t(lang, 'end.finalLine', {
      rank: standing.rank,
      player: mention(standing.playerId),
      points: standing.points,
      correct: standing.correct,
      answered: standing.answered,
    }),
  );
  const description = [
    reason,
    winner ? t(lang, 'end.winner', { player: mention(winner.playerId), points: winner.points }) : '',
    lines.length > 0 ? lines.join('\n') : view.reason.kind === 'interrupted' ? '' : t(lang, 'end.noScores'),
  ].filter((line) => line !== '');
  return {
    embeds: [
      {
        color: view.reason.kind === 'completed' ? COLORS.end : COLORS.stopped,
        title: t(lang, 'end.finalStandingsTitle'),
        description: clip(description.join('\n\n'), LIMITS.embedDescription),
      },
    ],
    components: [],
    allowed_mentions: noPings,
  };
}
