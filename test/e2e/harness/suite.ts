/**
 * Node-side helpers for the browser tests: one launcher per browser name, the
 * per-suite setup (server, browser, error collection, page cleanup) and polling.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { ChromiumExtensionBrowser } from './chromium';
import { FirefoxExtensionBrowser } from './firefox';
import { isFromExtension } from './common';
import type { BrowserName, Diagnostic, ExtensionBrowser, LaunchOptions, PageDriver } from './driver';
import { startBlackholeProxy, type BlackholeProxy } from './offline';
import { HIGHLIGHT_TYPES, readHighlights, type HighlightSnapshot } from './page-fns';
import { assertBuilt, PAGES_DIR } from './paths';
import { startStaticServer, type StaticServer } from './server';

/** Both, unless `BACKSTORY_E2E_BROWSERS` names some (`chromium`, `firefox`, comma-separated). */
export const BROWSERS: BrowserName[] = (process.env.BACKSTORY_E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is BrowserName => b === 'chromium' || b === 'firefox');

export const ARTICLE_PATH = '/moscowtimes-biden-putin.html';

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium'
    ? ChromiumExtensionBrowser.launch(undefined, options)
    : FirefoxExtensionBrowser.launch(undefined, options);
}

/** Polls `probe` until `done(value)` holds; returns the last value, throws with it on timeout. */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeout = 10_000, interval = 50, what = 'condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, interval));
    last = await probe();
  }
  return last;
}

export function rangeCount(s: HighlightSnapshot): number {
  return s.ranges.length;
}

/** Whether no Backstory highlight has a range (absent or empty). */
export function noHighlights(s: HighlightSnapshot): boolean {
  return HIGHLIGHT_TYPES.every((t) => !s.sizes[t]);
}

/** A comparable summary: per type, the sorted range texts. */
export function highlightTexts(s: HighlightSnapshot): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of HIGHLIGHT_TYPES) out[t] = s.ranges.filter((r) => r.type === t).map((r) => r.text).sort();
  return out;
}

/**
 * Waits until the page has Backstory highlights and their count has held still
 * for 300 ms (the extension may paint in more than one pass); returns them.
 */
export async function waitForHighlights(page: PageDriver, timeout = 10_000): Promise<HighlightSnapshot> {
  const deadline = Date.now() + timeout;
  let last = await page.evaluate(readHighlights);
  let stableSince = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await page.evaluate(readHighlights);
    if (rangeCount(now) !== rangeCount(last)) stableSince = Date.now();
    last = now;
    if (rangeCount(last) > 0 && Date.now() - stableSince >= 300) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `no stable Backstory highlights on ${page.url} after ${timeout} ms (sizes: ${JSON.stringify(last.sizes)})`,
      );
    }
  }
}

export interface Suite {
  browser: ExtensionBrowser;
  server: StaticServer;
  /** Opens the Moscow Times fixture on `host` in a new tab (closed after the test). */
  openArticle(host?: '127.0.0.1' | 'localhost'): Promise<PageDriver>;
  /** Opens an extension page in a new tab (closed after the test). */
  openExtensionPage(path: string): Promise<PageDriver>;
  /** Opens a page of the fixture server on `host` in a new tab (closed after the test). */
  openPage(path: string, host?: '127.0.0.1' | 'localhost'): Promise<PageDriver>;
  /** The refusing proxy, when the suite runs `offline`. */
  proxy?: BlackholeProxy;
}

export interface SuiteOptions {
  /** Folder the fixture server serves; test/fixtures/pages by default. */
  root?: string;
  /** Extra response headers for some paths (a strict Content-Security-Policy, say). */
  headers?: (pathname: string) => Record<string, string> | undefined;
  /** Sends every non-loopback request to a proxy that refuses it at once (harness/offline.ts). */
  offline?: boolean;
  /** Leaves out the warning that lists page errors not attributed to the extension (real pages log many). */
  quietPageErrors?: boolean;
}

let serial = 0;

/**
 * Registers the hooks of one browser's suite: fixture server and browser for the
 * whole `describe`, and after each test, closes the test's tabs and fails the test
 * if the extension logged an error or threw while it ran.
 */
export function useBrowser(name: BrowserName, options: SuiteOptions = {}): Suite {
  const opened: PageDriver[] = [];
  let mark = 0;
  const suite = {
    async openArticle(host: '127.0.0.1' | 'localhost' = '127.0.0.1') {
      // A distinct query per tab, so a tab's URL names it alone.
      const page = await suite.browser.openPage(suite.server.url(`${ARTICLE_PATH}?e2e=${++serial}`, host));
      opened.push(page);
      return page;
    },
    async openExtensionPage(path: string) {
      const page = await suite.browser.openExtensionPage(path);
      opened.push(page);
      return page;
    },
    async openPage(path: string, host: '127.0.0.1' | 'localhost' = '127.0.0.1') {
      const page = await suite.browser.openPage(suite.server.url(path, host));
      opened.push(page);
      return page;
    },
  } as Suite;

  beforeAll(async () => {
    assertBuilt();
    suite.server = await startStaticServer(options.root ?? PAGES_DIR, { headers: options.headers });
    if (options.offline) suite.proxy = await startBlackholeProxy();
    suite.browser = await launch(name, suite.proxy?.launchOptions());
  }, 60_000);

  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    await suite.proxy?.close();
  }, 30_000);

  beforeEach(async () => {
    mark = (await suite.browser.diagnostics()).length;
  });

  afterEach(async () => {
    const fresh: Diagnostic[] = (await suite.browser.diagnostics()).slice(mark);
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
    const id = suite.browser.extensionBase.split('/')[2] ?? '';
    const fromExtension = fresh.filter((d) => isFromExtension(d, suite.browser.extensionBase, id));
    const other = fresh.filter((d) => !fromExtension.includes(d));
    if (other.length && !options.quietPageErrors) console.warn(`[${name}] console errors not attributed to the extension:`, other);
    expect(fromExtension, 'errors logged or thrown by the extension during the test').toEqual([]);
  }, 30_000);

  return suite;
}
