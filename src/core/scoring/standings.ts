/** A player's totals in some scope (a game, a leaderboard period). */
export interface PlayerTotals {
  playerId: string;
  points: number;
  /** Questions answered (right or wrong). */
  answered: number;
  correct: number;
  /**
   * Epoch ms when the player reached their current points: the time of their last point-changing answer, or of
   * their first answer when they never scored. Earlier wins ties.
   */
  reachedAt: number;
}

export interface Standing extends PlayerTotals {
  /** 1-based position; the order is total, so no two players share a rank. */
  rank: number;
}

/**
 * Standings order: points desc, accuracy desc, earliest `reachedAt`, then player id (code-unit order, never
 * locale-dependent). Accuracy is compared by cross-multiplication so 2/3 and 4/6 tie exactly; no answers counts
 * as 0 accuracy.
 */
export function compareStandings(a: PlayerTotals, b: PlayerTotals): number {
  if (a.points !== b.points) return b.points - a.points;
  const accA = a.answered === 0 ? 0 : a.correct * Math.max(1, b.answered);
  const accB = b.answered === 0 ? 0 : b.correct * Math.max(1, a.answered);
  if (accA !== accB) return accB - accA;
  if (a.reachedAt !== b.reachedAt) return a.reachedAt - b.reachedAt;
  if (a.playerId === b.playerId) return 0;
  return a.playerId < b.playerId ? -1 : 1;
}

export function rankStandings(totals: readonly PlayerTotals[]): Standing[] {
  return totals
    .slice()
    .sort(compareStandings)
    .map((t, i) => ({ ...t, rank: i + 1 }));
}
