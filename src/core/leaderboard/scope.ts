/** The scope of the cross-server leaderboard (server scopes are Discord ids, which are numeric). */
export const GLOBAL_SCOPE = 'global';

/** The global leaderboard has one season: server resets never touch it. */
export const GLOBAL_SEASON = 1;
