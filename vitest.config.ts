import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a limit for tests that do small, in-process work; tests that start processes or do heavy work
    // set their own from what they do (PER_RUN_MS per CLI process in test/cli/run-cli.ts, the Cypher
    // lint per query), so a busy machine slows them without failing them
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
