/**
 * Where the browser tests find things. Every path is absolute, so the tests
 * do not depend on the working directory vitest was started from.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const PAGES_DIR = resolve(ROOT, 'test/fixtures/pages');
export const SCREENSHOTS_DIR = resolve(ROOT, 'docs/screenshots');

/** WXT's output folder: `.output` unless `BACKSTORY_OUT_DIR` (read by wxt.config.ts too) says otherwise. */
export const OUTPUT_DIR = resolve(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output');

/**
 * The built extensions. `BACKSTORY_E2E_CHROME_DIR` / `BACKSTORY_E2E_FIREFOX_DIR`
 * point the suite at another build (used to check the harness itself against a
 * stand-in extension); by default they are WXT's output folders.
 */
export const CHROME_EXT_DIR = process.env.BACKSTORY_E2E_CHROME_DIR
  ? resolve(ROOT, process.env.BACKSTORY_E2E_CHROME_DIR)
  : resolve(OUTPUT_DIR, 'chrome-mv3');
export const FIREFOX_EXT_DIR = process.env.BACKSTORY_E2E_FIREFOX_DIR
  ? resolve(ROOT, process.env.BACKSTORY_E2E_FIREFOX_DIR)
  : resolve(OUTPUT_DIR, 'firefox-mv3');

/** Both browsers' viewport, in CSS px. */
export const VIEWPORT = { width: 1280, height: 800 };

export const CHROMIUM_BIN = process.env.BACKSTORY_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_BIN = process.env.BACKSTORY_E2E_FIREFOX ?? '/usr/bin/firefox-esr';

/** The add-on id that `wxt.config.ts` gives the Firefox build. */
export const FIREFOX_ADDON_ID = 'backstory@backstory.invalid';
/**
 * Internal UUID pinned through the `extensions.webextensions.uuids` pref, so the
 * extension's pages live at a known `moz-extension://<uuid>/` origin.
 */
export const FIREFOX_EXT_UUID = '6f1e3b52-8a4c-4d2e-9b7a-0c5d1e2f3a4b';

/** Throws a message that says what to run when a build is missing. */
export function assertBuilt(): void {
  const missing: string[] = [];
  if (!existsSync(resolve(CHROME_EXT_DIR, 'manifest.json'))) {
    missing.push(`${CHROME_EXT_DIR}/manifest.json (run \`npx wxt build\`)`);
  }
  if (!existsSync(resolve(FIREFOX_EXT_DIR, 'manifest.json'))) {
    missing.push(`${FIREFOX_EXT_DIR}/manifest.json (run \`npx wxt build -b firefox\`)`);
  }
  if (missing.length) {
    throw new Error(
      'Backstory browser tests need the built extension, which is missing:\n  ' +
        missing.join('\n  ') +
        '\nBuild both first: `npx wxt build && npx wxt build -b firefox`, then run ' +
        '`npx vitest run --config vitest.e2e.config.ts`.',
    );
  }
  for (const bin of [CHROMIUM_BIN, FIREFOX_BIN]) {
    if (!existsSync(bin)) {
      throw new Error(`Browser binary ${bin} is missing (apt-get install chromium firefox-esr).`);
    }
  }
}
