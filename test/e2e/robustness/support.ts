/**
 * What every robustness test shares: a suite (browser + fixture server, from
 * the harness) run offline behind the refusing proxy, with the browser's
 * network watched from the first test to the last. After each test it fails
 * the test if the extension started a request (the harness's `useBrowser`
 * already fails it if the extension logged an error or threw), and at the end
 * it prints what was seen, for the README's figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { BrowserName, PageDriver } from '../harness/driver';
import { watchNetwork, type NetworkWatch } from '../harness/network-watch';
import { readHighlights, type HighlightSnapshot } from '../harness/page-fns';
import { ROOT } from '../harness/paths';
import { rangeCount, useBrowser, type Suite, type SuiteOptions } from '../harness/suite';

/** The pages written to fight back (test/fixtures/hostile/). */
export const HOSTILE_DIR = resolve(ROOT, 'test/fixtures/hostile');

export interface RobustOptions extends SuiteOptions {
  /**
   * Fails a test on any error in its pages, not only those the harness can
   * tie to the extension, except those matching `pageErrorsAllowed`. For pages
   * written for these tests, which throw nothing of their own: an extension
   * error that carries no extension URL (Firefox reports some content-script
   * rejections that way) is still caught.
   */
  strictPageErrors?: boolean;
  /** Errors the test pages raise on purpose. */
  pageErrorsAllowed?: RegExp;
}

export interface RobustSuite extends Suite {
  /** The network watch, live from the first test on. */
  readonly network: NetworkWatch;
}

/**
 * A browser suite for robustness tests: offline, quiet about the page's own
 * errors (real pages log many), and failing any test in which the extension
 * made a network request.
 */
export function useRobustSuite(name: BrowserName, options: RobustOptions = {}): RobustSuite {
  const { strictPageErrors = false, pageErrorsAllowed, ...suiteOptions } = options;
  const s = useBrowser(name, { offline: true, quietPageErrors: true, ...suiteOptions }) as RobustSuite;
  let network: NetworkWatch | undefined;
  let tests = 0;
  let mark = 0;
  Object.defineProperty(s, 'network', { get: () => network });

  beforeAll(async () => {
    network = await watchNetwork(s.browser);
  }, 30_000);

  beforeEach(async () => {
    mark = (await s.browser.diagnostics()).length;
  });

  afterEach(async () => {
    tests += 1;
    if (strictPageErrors) {
      const fresh = (await s.browser.diagnostics()).slice(mark);
      const unexpected = fresh.filter((d) => !pageErrorsAllowed?.test(d.text));
      expect(unexpected, 'errors in the test\'s pages (they raise none of their own)').toEqual([]);
    }
    const leaks = (await network?.fromExtension()) ?? [];
    expect(leaks, 'network requests started by the extension during the test').toEqual([]);
  }, 30_000);

  afterAll(async () => {
    if (!network) return;
    const all = await network.all();
    const ours = await network.fromExtension();
    const diagnostics = await s.browser.diagnostics().catch(() => []);
    console.info(
      `[robustness ${name}] ${tests} tests: ${all.length} requests seen by the browser, ${ours.length} started by the extension; ` +
        `${s.proxy?.refused.length ?? 0} refused by the offline proxy; ${diagnostics.length} console errors / page errors in all (page and extension)`,
    );
    await network.stop();
  }, 30_000);

  return s;
}

/** A scratch folder for pages generated at test time (huge ones are never committed); removed after the file. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `backstory-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Waits until Backstory has finished with the page: its highlights have held
 * still for `quietMs` (it paints in slices, and re-reads changed blocks after
 * a debounce). Works on pages where nothing is found, too. Returns the last snapshot.
 */
export async function settledHighlights(
  page: PageDriver,
  { quietMs = 600, timeout = 20_000, min = 0 }: { quietMs?: number; timeout?: number; min?: number } = {},
): Promise<HighlightSnapshot> {
  const deadline = Date.now() + timeout;
  let last = await page.evaluate(readHighlights);
  let key = snapshotKey(last);
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 75));
    const now = await page.evaluate(readHighlights);
    const nowKey = snapshotKey(now);
    if (nowKey !== key) {
      key = nowKey;
      since = Date.now();
    }
    last = now;
    if (rangeCount(last) >= min && Date.now() - since >= quietMs) return last;
    if (Date.now() > deadline) {
      throw new Error(`Backstory's highlights on ${page.url} did not settle in ${timeout} ms (${rangeCount(last)} ranges, wanted ≥ ${min})`);
    }
  }
}

function snapshotKey(s: HighlightSnapshot): string {
  return `${rangeCount(s)}|${s.ranges.map((r) => r.text).join('|')}`;
}

/** Sets Backstory's stored switches from an extension context. */
export async function setSwitches(s: Suite, values: { enabledEverywhere?: boolean; disabledSites?: string[] }): Promise<void> {
  await s.browser.evaluateInExtension(async (v) => {
    const g = globalThis as unknown as {
      browser?: { storage: { local: { set(o: object): Promise<void> } } };
      chrome?: { storage: { local: { set(o: object): Promise<void> } } };
    };
    await (g.browser ?? g.chrome)!.storage.local.set(v);
  }, values);
}
