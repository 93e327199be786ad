import type { Scenario } from '../lib/result.ts';

export const answerPath: Scenario = {
  name: 'answer-path',
  title: 'answer-path',
  run: () => Promise.resolve({ status: 'not-available', figures: [], notes: ['not written yet'] }),
};
