import type { Scenario } from '../lib/result.ts';

export const dailyFanout: Scenario = {
  name: 'daily-fanout',
  title: 'daily-fanout',
  run: () => Promise.resolve({ status: 'not-available', figures: [], notes: ['not written yet'] }),
};
