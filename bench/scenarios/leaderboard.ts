import type { Scenario } from '../lib/result.ts';

export const leaderboard: Scenario = {
  name: 'leaderboard',
  title: 'leaderboard',
  run: () => Promise.resolve({ status: 'not-available', figures: [], notes: ['not written yet'] }),
};
