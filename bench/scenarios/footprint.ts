import type { Scenario } from '../lib/result.ts';

export const footprint: Scenario = {
  name: 'footprint',
  title: 'footprint',
  run: () => Promise.resolve({ status: 'not-available', figures: [], notes: ['not written yet'] }),
};
