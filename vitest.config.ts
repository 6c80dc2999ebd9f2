import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // two cores on CI: keep forks at two so the browser tests are not starved
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
