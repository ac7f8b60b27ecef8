import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test tiers (docs/decisions/011-real-server-in-tests.md): unit next to the code; integration against real HTTP servers on
// loopback; E2E driving Debian's Chromium (and Electron where its binary exists).
// Integration and E2E print, once per run, which central server they use (Apache CouchDB, or
// pouchdb-server as a fallback: test/support/couchdb-release.ts).
const CENTRAL_SETUP = './test/support/central-global-setup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          // Several component and use-case tests take 3–5 s on a machine busy with other work
          // (typing whole forms key by key, PBKDF2 sign-ins); the default 5 s made them flaky.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: [CENTRAL_SETUP],
          // The files mostly wait on their servers (CouchDB runs in processes of its own): two at a
          // time even on 2 cores, where vitest's default (cores - 1) would run them one by one.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: [CENTRAL_SETUP],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
