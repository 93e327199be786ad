// Use cases behind /leaderboard, /stats and forget-me. A server's boards use its time zone and current season;
// the global board uses UTC and its single season, and shows nothing that tells which servers a player is in.
import type { MessageKey } from '../core/i18n/messages.ts';
import { periodKey, type PeriodKind } from '../core/leaderboard/periods.ts';
import type {
  ForgottenCounts,
  LeaderboardRow,
  LeaderboardStore,
  PlayerStatsRecord,
  PlayerStatsStore,
} from '../core/leaderboard/ports.ts';
import { GLOBAL_SCOPE, GLOBAL_SEASON } from '../core/leaderboard/scope.ts';
import type { SettingsStore } from '../core/storage.ts';

export const LEADERBOARD_PAGE_SIZE = 10;

/** A server's board, or the cross-server one. */
export type BoardScope = { serverId: string } | 'global';

export interface LeaderboardPageRequest {
  scope: BoardScope;
  period: PeriodKind;
  /** 1-based; clamped to the pages that exist. */
  page: number;
  callerId: string;
  now: number;
}

export interface LeaderboardPage {
  rows: LeaderboardRow[];
  /** The page shown, after clamping. */
  page: number;
  /** At least 1, even for an empty board. */
  pageCount: number;
  ranked: number;
  /** The caller's own row wherever it is; undefined when they have no points on this board. */
  caller: LeaderboardRow | undefined;
  periodLabel: MessageKey;
  /** The period key counted, e.g. 'week:2026-W47' (in the server's time zone). */
  periodKey: string;
  season: number;
}

export interface PlayerStatsRequest {
  scope: BoardScope;
  playerId: string;
  viewerId: string;
}

/** What another player may see of someone's global stats: nothing that could hint at their servers. */
export type PublicPlayerStats = Omit<PlayerStatsRecord, 'favouritePackId' | 'dailyStreak'>;

export type PlayerStatsView =
  | { kind: 'no-data' }
  /** A server's stats (to anyone: they were earned in that server's channels) or one's own global stats. */
  | { kind: 'full'; stats: PlayerStatsRecord }
  /** Someone else's global stats: no favourite pack (a pack may be enabled in one server only), no streaks. */
  | { kind: 'public'; stats: PublicPlayerStats };

export interface LeaderboardServiceDeps {
  leaderboard: LeaderboardStore;
  playerStats: PlayerStatsStore;
  settings: SettingsStore;
}

const PERIOD_LABELS: Readonly<Record<PeriodKind, MessageKey>> = {
  day: 'leaderboard.period.day',
  week: 'leaderboard.period.week',
  month: 'leaderboard.period.month',
  all: 'leaderboard.period.all',
};

export class LeaderboardService {
  constructor(private readonly deps: LeaderboardServiceDeps) {}

  async leaderboardPage(request: LeaderboardPageRequest): Promise<LeaderboardPage> {
    const board = await this.board(request.scope);
    const key = {
      scope: board.scope,
      season: board.season,
      period: periodKey(request.period, request.now, board.timeZone),
    };
    const [ranked, caller] = await Promise.all([
      this.deps.leaderboard.count(key.scope, key.season, key.period),
      this.deps.leaderboard.rankOf({ ...key, playerId: request.callerId }),
    ]);
    const pageCount = Math.max(1, Math.ceil(ranked / LEADERBOARD_PAGE_SIZE));
    const requested = Number.isFinite(request.page) ? Math.floor(request.page) : 1;
    const page = Math.min(pageCount, Math.max(1, requested));
    const rows = await this.deps.leaderboard.top({
      ...key,
      offset: (page - 1) * LEADERBOARD_PAGE_SIZE,
      limit: LEADERBOARD_PAGE_SIZE,
    });
    return {
      rows,
      page,
      pageCount,
      ranked,
      caller,
      periodLabel: PERIOD_LABELS[request.period],
      periodKey: key.period,
      season: key.season,
    };
  }

  async playerStats(request: PlayerStatsRequest): Promise<PlayerStatsView> {
    const scope = request.scope === 'global' ? GLOBAL_SCOPE : request.scope.serverId;
    const stats = await this.deps.playerStats.stats(scope, request.playerId);
    if (!stats) return { kind: 'no-data' };
    if (request.scope !== 'global' || request.viewerId === request.playerId) return { kind: 'full', stats };
    const { favouritePackId: _pack, dailyStreak: _streak, ...visible } = stats;
    return { kind: 'public', stats: visible };
  }

  /** Deletes everything kept about the player; safe to repeat. */
  async forgetMe(playerId: string): Promise<ForgottenCounts> {
    return this.deps.playerStats.forgetPlayer(playerId);
  }

  private async board(scope: BoardScope): Promise<{ scope: string; season: number; timeZone: string }> {
    if (scope === 'global') return { scope: GLOBAL_SCOPE, season: GLOBAL_SEASON, timeZone: 'UTC' };
    const settings = await this.deps.settings.get(scope.serverId);
    return { scope: scope.serverId, season: settings.season, timeZone: settings.timeZone };
  }
}
