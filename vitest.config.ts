import { defineConfig } from 'vitest/config';

// Three kinds of tests (see README "How tests are organised"):
// - unit: plain functions and handlers with in-memory fakes; no network, no child processes.
// - infra: CDK synth assertions and bundle budgets; no network.
// - integration: handlers and workflows against the local stand-ins started once by startLocalStack().
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
    ],
  },
});
