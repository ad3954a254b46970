/**
 * One measured page load, with Backstory (the built extension) or without
 * it (the same Chromium, same launcher, an empty extension in its place),
 * and the sweeps. Every figure is main-thread time on the page's own clock,
 * at 5 µs resolution: the bench server sends COOP/COEP headers, which makes
 * the pages cross-origin isolated and lifts Chromium's 100 µs timer coarsening.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { ChromiumExtensionBrowser } from '../../e2e/harness/chromium';
import { CHROME_EXT_DIR } from '../../e2e/harness/paths';
import type { StaticServer } from '../../e2e/harness/server';
import {
  OBSERVE_LONG_WORK,
  SCROLL_TO_MIDDLE,
  changeAndWait,
  measureFloor,
  readLoadTimeline,
  setEnabledEverywhere,
  waitForPassAfter,
  waitForPainted,
  wrapLikeMarkJs,
  type ChangeKind,
  type ChangeResult,
  type FloorResult,
  type WarmPass,
  type WrapResult,
} from './page-probes';
import type { ReadRun } from './in-page/pipeline-entry';
import { traceScripts, type ScriptTimes } from './script-trace';

/** Longest wait for a page's first pass (the 5 MB page, cold, on a busy machine). */
const PAINT_TIMEOUT_MS = 180_000;
/** Longest wait for a change to be highlighted before it counts as missed. */
const CHANGE_TIMEOUT_MS = 5_000;
/** Quiet time after `load` before the floor runs: Backstory starts at document_idle, about then. */
const SETTLE_MS = 300;
/** Warm passes of the floor after its first, cold one. */
const FLOOR_WARM_RUNS = 5;
/** Time the mark.js-style baseline may block a page before its total is projected from the keywords done. */
export const WRAP_BUDGET_MS = 1_500;

export const CHANGE_KINDS: ChangeKind[] = ['append', 'feed', 'replace', 'navigate'];

/**
 * Flags both browsers get on top of the harness's own. The fixture pages
 * reference scripts, images and ads on the open web; every host but the
 * bench server resolves to nothing at once, so no load waits on a DNS
 * timeout (a page's `load` took 16 s otherwise).
 */
const CHROMIUM_ARGS = ['--enable-precise-memory-info', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];

export interface Browsers {
  /** Chromium with Backstory. */
  backstory: ChromiumExtensionBrowser;
  /** The same Chromium with an empty extension: the page on its own. */
  bare: ChromiumExtensionBrowser;
  close(): Promise<void>;
}

/** Launches both browsers through the browser tests' launcher. */
export async function launchBrowsers(): Promise<Browsers> {
  const emptyExt = await mkdtemp(join(tmpdir(), 'backstory-bench-empty-ext-'));
  await writeFile(join(emptyExt, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'bench baseline', version: '1.0' }));
  const backstory = await ChromiumExtensionBrowser.launch(CHROME_EXT_DIR, { chromiumArgs: CHROMIUM_ARGS });
  const bare = await ChromiumExtensionBrowser.launch(emptyExt, { chromiumArgs: CHROMIUM_ARGS });
  for (const b of [backstory, bare]) {
    await b.context.addInitScript({ content: OBSERVE_LONG_WORK });
    await b.context.addInitScript({ content: SCROLL_TO_MIDDLE });
  }
  return {
    backstory,
    bare,
    async close() {
      await backstory.close();
      await bare.close();
      await rm(emptyExt, { recursive: true, force: true });
    },
  };
}

/** Response headers that make the bench pages cross-origin isolated (fine-grained timers). */
export function isolationHeaders(): Record<string, string> {
  return { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
}

let serial = 0;
/** The page's URL with a query that makes each load distinct (no cache, no back-forward reuse). */
export function urlOf(server: StaticServer, path: string): string {
  return server.url(`${path}${path.includes('?') ? '&' : '?'}bench=${++serial}`);
}

/** V8 heap in use by the tab's renderer after a full garbage collection, in MB. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1e6;
}

/** One load of a page with Backstory. */
export interface BackstoryRun {
  scripts: ScriptTimes;
  packMs: number;
  setupMs: number;
  /** Main-thread time of the first pass (the slices until `backstory:painted`). */
  scanMs: number;
  slices: number;
  longestSliceMs: number;
  /** From the content script's start to the text in view painted, and to the whole page painted. */
  viewportAfterMs: number | null;
  paintedAfterMs: number;
  /** Long tasks (≥ 50 ms) seen between the content script's start and the page painted. */
  longTasks: number;
  longestLongTaskMs: number;
  /** Long animation frames that ran extension script, and the extension's share of the longest. */
  extensionFrames: number;
  extensionFrameScriptMs: number;
  ranges: number;
  rangesInView: number;
  /** Page opened part-way down: first rendered frame with a highlight in view, and whether the whole page was painted by then. */
  firstInViewAfterMs: number | null;
  wholeByFirstInView: boolean | null;
  /** Longest gap between rendered frames while Backstory worked (same pages). */
  frameGapMs: number | null;
  heapMB: number;
  /** The page read again with Backstory switched off and on: code compiled, page nodes known. */
  warm: WarmPass | null;
  changes: Partial<Record<ChangeKind, ChangeResult>>;
}

/** What a load with Backstory measures beyond the first pass. */
export interface RunOptions {
  /** Make the four changes of a dynamic page after the first pass. */
  changes: boolean;
  /** Trace the scripts' evaluation (a little overhead on everything else). */
  trace: boolean;
  /** Read the page a second time, warm (Backstory switched off and on). */
  warm: boolean;
}

export async function backstoryRun(b: ChromiumExtensionBrowser, server: StaticServer, path: string, options: RunOptions): Promise<BackstoryRun> {
  const page = await b.context.newPage();
  try {
    const cdp = await b.context.newCDPSession(page);
    const trace = options.trace ? await traceScripts(cdp) : null;
    await page.goto(urlOf(server, path), { waitUntil: 'load', timeout: PAINT_TIMEOUT_MS });
    if (!(await page.evaluate(waitForPainted, PAINT_TIMEOUT_MS))) throw new Error(`Backstory never painted ${path}`);
    const t = await page.evaluate(readLoadTimeline);
    const scripts = trace ? await trace.stop() : {};
    if (t.start === null || t.painted === null) throw new Error(`no backstory:start or backstory:painted mark on ${path}`);
    const start = t.start;
    const painted = t.painted;
    const firstPass = t.slices.filter((s) => s.start <= painted);
    const during = t.longTasks.filter((l) => l.start + l.duration >= start && l.start <= painted);
    const run: BackstoryRun = {
      scripts,
      packMs: t.pack?.duration ?? NaN,
      setupMs: t.setup?.duration ?? NaN,
      scanMs: firstPass.reduce((sum, s) => sum + s.duration, 0),
      slices: firstPass.length,
      longestSliceMs: Math.max(0, ...firstPass.map((s) => s.duration)),
      viewportAfterMs: t.viewport === null ? null : t.viewport - start,
      paintedAfterMs: painted - start,
      longTasks: during.length,
      longestLongTaskMs: Math.max(0, ...during.map((l) => l.duration)),
      extensionFrames: t.extensionFrames.length,
      extensionFrameScriptMs: Math.max(0, ...t.extensionFrames.map((f) => f.scriptMs)),
      ranges: t.ranges,
      rangesInView: t.rangesInView,
      firstInViewAfterMs: t.viewCheck ? t.viewCheck.at - start : null,
      wholeByFirstInView: t.viewCheck?.whole ?? null,
      frameGapMs: t.frameGap,
      heapMB: await heapAfterGc(cdp),
      warm: null,
      changes: {},
    };
    if (options.warm) {
      const since = await page.evaluate(() => performance.now());
      await b.evaluateInExtension(setEnabledEverywhere, false);
      await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout: 10_000 });
      await b.evaluateInExtension(setEnabledEverywhere, true);
      run.warm = await page.evaluate(waitForPassAfter, { since, timeoutMs: PAINT_TIMEOUT_MS });
    }
    if (options.changes) {
      for (const kind of CHANGE_KINDS) run.changes[kind] = await page.evaluate(changeAndWait, { kind, timeoutMs: CHANGE_TIMEOUT_MS });
    }
    return run;
  } finally {
    await page.close();
  }
}

/** One load of a page without Backstory: heap, the floor, and the usual approach. */
export interface BareRun {
  heapMB: number;
  floor: FloorResult;
  wrap: WrapResult | null;
  readableChars: number;
  /** Backstory's reading alone (`readOnly` of the pipeline bundle), cold, in a load of its own. */
  read: ReadRun | null;
}

/**
 * A load of the page without Backstory. With `pipelineBundle`, a second load times Backstory's
 * reading alone: in its own load so that neither it nor the floor runs on a page the other has
 * just walked.
 */
export async function bareRun(b: ChromiumExtensionBrowser, server: StaticServer, path: string, aliases: string[] | null, pipelineBundle: string | null = null): Promise<BareRun> {
  const page = await b.context.newPage();
  let run: Omit<BareRun, 'read'>;
  try {
    const cdp = await b.context.newCDPSession(page);
    await page.goto(urlOf(server, path), { waitUntil: 'load', timeout: PAINT_TIMEOUT_MS });
    await page.waitForTimeout(SETTLE_MS);
    const heapMB = await heapAfterGc(cdp);
    const floor = await page.evaluate(measureFloor, FLOOR_WARM_RUNS);
    const readableChars = await page.evaluate(readableTextLength);
    const wrap = aliases ? await page.evaluate(wrapLikeMarkJs, { aliases, budgetMs: WRAP_BUDGET_MS }) : null;
    run = { heapMB, floor, wrap, readableChars };
  } finally {
    await page.close();
  }
  return { ...run, read: pipelineBundle ? await readRun(b, server, path, pipelineBundle) : null };
}

/** Backstory's reading of the page alone, cold: a fresh load, the pipeline bundle added, one read. */
async function readRun(b: ChromiumExtensionBrowser, server: StaticServer, path: string, pipelineBundle: string): Promise<ReadRun> {
  const page = await b.context.newPage();
  try {
    await page.goto(urlOf(server, path), { waitUntil: 'load', timeout: PAINT_TIMEOUT_MS });
    await page.addScriptTag({ url: pipelineBundle });
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(() => (globalThis as unknown as { __backstoryPipeline: { readOnly(): ReadRun } }).__backstoryPipeline.readOnly());
  } finally {
    await page.close();
  }
}

/** Characters of text outside scripts, styles and templates: what "the article's text" means in the targets. */
const readableTextLength = (): number => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('script, style, noscript, template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
};

/** One run of the bundled pipeline with a synthetic pack, in a page without the extension. */
export interface PipelineResult {
  packMs: number;
  scanMs: number;
  slices: number;
  longestSliceMs: number;
  mentions: number;
}

export async function pipelineRun(b: ChromiumExtensionBrowser, server: StaticServer, pagePath: string, bundlePath: string, packPath: string): Promise<PipelineResult> {
  const page: Page = await b.context.newPage();
  try {
    await page.goto(urlOf(server, pagePath), { waitUntil: 'load', timeout: PAINT_TIMEOUT_MS });
    await page.addScriptTag({ url: bundlePath });
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate(async (url) => {
      const json = await (await fetch(url)).text();
      const pipeline = (globalThis as unknown as { __backstoryPipeline: { annotateWith(json: string): Promise<PipelineResult> } }).__backstoryPipeline;
      return pipeline.annotateWith(json);
    }, packPath);
  } finally {
    await page.close();
  }
}
