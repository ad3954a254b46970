import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Unit tests: pure modules in node, DOM modules under happy-dom (chosen per
 * file with a `@vitest-environment happy-dom` comment), extension APIs through
 * WXT's fakeBrowser. Browser tests have their own config (vitest.e2e.config.ts).
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
  },
});
