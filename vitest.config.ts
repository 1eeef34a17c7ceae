import { defineConfig } from 'vitest/config';

// Three tiers: unit (pure, the bulk), integration (real databases, HTTP in process), e2e
// (Playwright in Chromium). `npm test` runs them all. Each tier's global setup says what it runs
// on (databases, browser, tools) and stops at once when something is missing; the integration
// tier's starts a PostgreSQL server when none answers (scripts/test-env).
const globalSetup = ['scripts/test-env/vitest-setup.mjs'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup,
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'],
          environment: 'node',
          // A few unit tests start child processes (PDF rendering under other time zones, poppler).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          globalSetup,
          include: ['apps/*/test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup,
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
