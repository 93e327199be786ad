// Leaderboard and player statistics ports. A scope is a server id or GLOBAL_SCOPE (scope.ts); a period is a key
// from periods.ts ('all', 'day:2026-11-22', ...). Adapters implement these over the maintained totals.

export interface LeaderboardRow {
  /** 1-based position in the ordering; ties are broken, never shared. */
  rank: number;
  playerId: string;
  displayName: string;
  points: number;
  correct: number;
  answered: number;
  /** Accuracy in basis points: correct * 10000 / answered. */
  accuracyBp: number;
}

export interface LeaderboardKey {
  scope: string;
  season: number;
  period: string;
}

export interface LeaderboardPageQuery extends LeaderboardKey {
  offset: number;
  limit: number;
}

/**
 * Players with points > 0 only, ordered by points desc, accuracy desc, who reached their points first, player id.
 */
export interface LeaderboardStore {
  top(query: LeaderboardPageQuery): Promise<LeaderboardRow[]>;
  /** The player's row with their rank; undefined when they have no points on this leaderboard. */
  rankOf(query: LeaderboardKey & { playerId: string }): Promise<LeaderboardRow | undefined>;
  /** How many players are ranked. */
  count(scope: string, season: number, period: string): Promise<number>;
}

export interface PlayerStatsRecord {
  displayName: string;
  /** Distinct games answered in, all seasons. */
  gamesPlayed: number;
  /** Totals of the 'all' period: the current season for a server, everything for the global scope. */
  answered: number;
  correct: number;
  accuracyBp: number;
  points: number;
  fastestCorrectMs: number | undefined;
  bestRun: number;
  /** Daily challenge streak; only for a server scope (streaks are per server). */
  dailyStreak: { current: number; best: number } | undefined;
  /** The pack the player answered most questions from in this scope (ties: smallest id). */
  favouritePackId: string | undefined;
}

export interface ForgottenCounts {
  players: number;
  answers: number;
  scoreTotals: number;
  playerStats: number;
  dailyEntries: number;
  dailyAnswers: number;
  dailyStreaks: number;
}

export interface PlayerStatsStore {
  /** Undefined when the player has no data in this scope. */
  stats(scope: string, playerId: string): Promise<PlayerStatsRecord | undefined>;
  /** Deletes everything kept about the player, in one transaction; a second call deletes nothing. */
  forgetPlayer(playerId: string): Promise<ForgottenCounts>;
}
