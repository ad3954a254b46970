import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built extension in Debian's Chromium and Firefox ESR.
 * Build first: `npx wxt build && npx wxt build -b firefox`, then
 * `npx vitest run --config vitest.e2e.config.ts`.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    // Each file launches real browsers: one file at a time, tests in order.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // A browser test that failed once is a finding, not noise to retry away.
    retry: 0,
  },
});
