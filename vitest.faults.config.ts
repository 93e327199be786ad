import { defineConfig } from 'vitest/config';

// `npm run test:faults`: tests that start and kill the real bot as child processes (slower; also run by .ci/run).
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    restoreMocks: true,
  },
});
