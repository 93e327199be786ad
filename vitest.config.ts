import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores: more workers than that only adds WASM start-up contention.
    maxWorkers: 2,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        // Child-process crash tests are `npm run test:faults` (also run by .ci/run).
        test: {
          name: 'core+integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/faults/**', 'node_modules/**'],
        },
      },
      {
        // End-to-end files run after the rest and one at a time: each holds a whole bot, a fake Discord and often
        // an in-process database, and their bursts of clicks must meet Discord's real 3-second deadline, which a
        // CPU shared with another heavy file would make a test of the machine rather than of the bot.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
