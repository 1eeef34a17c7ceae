import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers: unit (pure, the bulk), integration (real databases, HTTP in process), e2e
// (Playwright in Chromium). `npm test` runs them all. Each tier's global setup says what it runs
// on (databases, browser, tools) and stops at once when something is missing; the integration
// tier's starts a PostgreSQL server when none answers (scripts/test-env) and makes the migrated
// templates every test database is copied from. Why the settings below: docs/testing.md.
const globalSetup = ['scripts/test-env/vitest-setup.mjs'];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single one on CI's two, which then
    // sits idle while a test waits for PostgreSQL, a PDF tool or a child process. Never fewer than two.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup,
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'],
          environment: 'node',
          // A few unit tests start child processes (PDF rendering under other time zones, poppler).
          testTimeout: 30_000,
          // The files share their worker's modules instead of loading them again each (about half
          // the tier's CPU time went to imports): unit tests keep no state between files, and
          // what a test stubs is put back before the next one.
          isolate: false,
          unstubGlobals: true,
          unstubEnvs: true,
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
          // Each file in a process of its own (servers, database drivers, type parsers).
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          globalSetup,
          include: ['e2e/**/*.e2e.ts'],
          // axe-core on every page a journey opens: reports how many, and fails a file that checked none.
          setupFiles: ['e2e/support/every-page.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
