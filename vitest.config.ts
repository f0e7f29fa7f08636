import { defineConfig } from 'vitest/config';

// Four kinds of tests (see README "How tests are organised"):
// - unit: plain functions and handlers with in-memory fakes; no network, no child processes.
// - infra: CDK synth assertions and bundle budgets; no network.
// - integration: handlers and workflows against the local stand-ins started once by startLocalStack().
// - e2e: the applicant portal in a real browser against a local stack of its own.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // e2e: the portal in Debian's Chromium (playwright-core) against its own local stack, which serves
        // the portal built by the global setup; axe-core checks each page; screenshots in test-results/.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One file at a time: the files share one stack and its demo organisations, and parallel
          // browsers on a two-core machine pushed the form's summary past its wait (seen in a full run).
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
