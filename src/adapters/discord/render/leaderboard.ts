// Pure rendering of /leaderboard, /stats and /trivia forget-me, and the custom ids of their buttons.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { LeaderboardPage, PlayerStatsView } from '../../../app/leaderboard-service.ts';
import { formatNumber, t } from '../../../core/i18n/translate.ts';
import type { ForgottenCounts, LeaderboardRow } from '../../../core/leaderboard/ports.ts';
import { PERIOD_KINDS, type PeriodKind } from '../../../core/leaderboard/periods.ts';
import type { Lang } from '../../../core/questions/question.ts';
import { clip, LIMITS } from './limits.ts';

/** What the handlers pass to discord.js: mentions render as names but never ping. */
export interface RenderedReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

const noPings = { parse: [] as [] };
const COLOR = 0x5865f2;

export type BoardKind = 'server' | 'global';

/** A page of a board as asked by one user; the buttons carry all of it, so paging needs no stored state. */
export interface BoardRequest {
  board: BoardKind;
  period: PeriodKind;
  page: number;
  askerId: string;
}

const PERIOD_LABELS = {
  day: 'leaderboard.period.day',
  week: 'leaderboard.period.week',
  month: 'leaderboard.period.month',
  all: 'leaderboard.period.all',
} as const satisfies Record<PeriodKind, string>;

const BOARD_ID = /^lb:([sg]):(day|week|month|all):(\d{1,6}):(\d{1,20})$/;

export function boardButtonId(request: BoardRequest): string {
  return `lb:${request.board === 'global' ? 'g' : 's'}:${request.period}:${request.page}:${request.askerId}`;
}

/** Undefined for anything that is not one of our board ids (the router then tries other handlers). */
export function parseBoardButtonId(customId: string): BoardRequest | undefined {
  const match = BOARD_ID.exec(customId);
  if (!match) return undefined;
  const period = match[2] as PeriodKind;
  if (!PERIOD_KINDS.includes(period)) return undefined;
  return {
    board: match[1] === 'g' ? 'global' : 'server',
    period,
    page: Number(match[3]),
    askerId: match[4]!,
  };
}

/** Names typed by users are shown as text: no markdown, no mentions, no links. */
export function plainName(name: string): string {
  return name.replace(/[\\*_~`|>#[\]()<@]/g, (char) => `\\${char}`);
}

function playerLabel(board: BoardKind, row: LeaderboardRow): string {
  // A mention renders as the member's name in this server; on the global board members of other servers would
  // render as "unknown", so the stored (Discord-wide) name is shown instead.
  return board === 'server' ? `<@${row.playerId}>` : clip(plainName(row.displayName), 64);
}

export function renderLeaderboard(lang: Lang, request: BoardRequest, page: LeaderboardPage): RenderedReply {
  const lines = page.rows.map((row) => {
    const line = t(lang, 'leaderboard.line', {
      rank: row.rank,
      player: playerLabel(request.board, row),
      points: row.points,
    });
    return row.playerId === request.askerId ? `**${line}**` : line;
  });
  const own = page.caller
    ? t(lang, 'leaderboard.yourRank', { rank: page.caller.rank, points: page.caller.points })
    : t(lang, 'leaderboard.youUnranked');
  const body = lines.length > 0 ? lines.join('\n') : t(lang, 'leaderboard.empty');
  const period = t(lang, PERIOD_LABELS[request.period]);
  const at = (pageNumber: number) => ({ ...request, page: pageNumber });
  return {
    embeds: [
      {
        color: COLOR,
        title: clip(
          t(lang, request.board === 'global' ? 'leaderboard.titleGlobal' : 'leaderboard.title', { period }),
          LIMITS.embedTitle,
        ),
        description: clip(`${body}\n\n${own}`, LIMITS.embedDescription),
        footer: {
          text: t(lang, 'leaderboard.footer', {
            page: page.page,
            pages: page.pageCount,
            count: page.ranked,
          }),
        },
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: boardButtonId(at(page.page - 1)),
            label: t(lang, 'leaderboard.previous'),
            disabled: page.page <= 1,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: boardButtonId(at(page.page + 1)),
            label: t(lang, 'leaderboard.next'),
            disabled: page.page >= page.pageCount,
          },
        ],
      },
    ],
    allowedMentions: noPings,
  };
}

export interface StatsSubject {
  /** How to name the player in the reply: a mention (their name in this server). */
  playerId: string;
  /** Their name in this server, for the embed title (titles do not render mentions). */
  name: string;
  /** Everyone's stats rather than this server's (another player then sees no pack or streak: see playerStats). */
  global?: boolean;
}

function percent(accuracyBp: number): number {
  return Math.round(accuracyBp) / 100;
}

export function renderStats(
  lang: Lang,
  subject: StatsSubject,
  view: PlayerStatsView,
  packTitle: (packId: string) => string,
): RenderedReply {
  if (view.kind === 'no-data') {
    return {
      content: t(lang, 'stats.none', { player: `<@${subject.playerId}>` }),
      embeds: [],
      components: [],
      allowedMentions: noPings,
    };
  }
  const stats = view.stats;
  const none = t(lang, 'stats.noValue');
  const fields = [
    { name: t(lang, 'stats.points'), value: formatNumber(lang, stats.points) },
    { name: t(lang, 'stats.games'), value: formatNumber(lang, stats.gamesPlayed) },
    { name: t(lang, 'stats.answered'), value: formatNumber(lang, stats.answered) },
    {
      name: t(lang, 'stats.accuracy'),
      value: t(lang, 'stats.accuracyValue', { percent: percent(stats.accuracyBp) }),
    },
    {
      name: t(lang, 'stats.fastest'),
      value:
        stats.fastestCorrectMs === undefined
          ? none
          : t(lang, 'stats.seconds', { seconds: Math.round(stats.fastestCorrectMs / 10) / 100 }),
    },
    { name: t(lang, 'stats.bestStreak'), value: formatNumber(lang, stats.bestRun) },
  ];
  if (view.kind === 'full') {
    const streak = view.stats.dailyStreak;
    fields.push({
      name: t(lang, 'stats.dailyStreak'),
      value: streak
        ? t(lang, 'stats.dailyStreakValue', { current: streak.current, best: streak.best })
        : none,
    });
    const pack = view.stats.favouritePackId;
    fields.push({
      name: t(lang, 'stats.favouritePack'),
      value: pack ? clip(plainName(packTitle(pack)), LIMITS.fieldValue) : none,
    });
  }
  return {
    embeds: [
      {
        color: COLOR,
        title: clip(t(lang, 'stats.title', { player: subject.name }), LIMITS.embedTitle),
        fields: fields.map((field) => ({ ...field, inline: true })),
        footer: { text: t(lang, subject.global ? 'stats.scopeGlobal' : 'stats.scopeServer') },
      },
    ],
    components: [],
    allowedMentions: noPings,
  };
}

const FORGET_ID = /^forget:(yes|no):(\d{1,20})$/;

export function parseForgetButtonId(customId: string): { confirmed: boolean; askerId: string } | undefined {
  const match = FORGET_ID.exec(customId);
  return match ? { confirmed: match[1] === 'yes', askerId: match[2]! } : undefined;
}

export function renderForgetConfirm(lang: Lang, askerId: string): RenderedReply {
  return {
    content: t(lang, 'forget.confirm'),
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            custom_id: `forget:yes:${askerId}`,
            label: t(lang, 'forget.confirmButton'),
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: `forget:no:${askerId}`,
            label: t(lang, 'forget.cancelButton'),
          },
        ],
      },
    ],
    allowedMentions: noPings,
  };
}

export function renderForgotten(lang: Lang, counts: ForgottenCounts): RenderedReply {
  const total =
    counts.players +
    counts.answers +
    counts.scoreTotals +
    counts.playerStats +
    counts.dailyEntries +
    counts.dailyAnswers +
    counts.dailyStreaks;
  return {
    content: total === 0 ? t(lang, 'forget.nothing') : t(lang, 'forget.done', { ...counts }),
    embeds: [],
    components: [],
    allowedMentions: noPings,
  };
}
