/**
 * `npm run bench:browser -- --profile`: where Backstory's main-thread time
 * goes, from the V8 sampling profiler (Chrome DevTools protocol, through
 * playwright) on an unminified build of the extension with source maps. Each
 * sample whose stack holds an extension frame counts for the innermost
 * extension function and its source module; a browser-native call made from
 * it (`checkVisibility`, `createRange`) is listed under its own name.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'wxt';
import { ChromiumExtensionBrowser } from '../../e2e/harness/chromium';
import { ROOT } from '../../e2e/harness/paths';
import type { BenchPage } from './bench-pages';
import { setEnabledEverywhere, waitForPainted, waitForPassAfter } from './page-probes';
import { ms, table } from './report';

/** Sampling interval of the profiler, in µs: fine enough for passes of a few milliseconds. */
const SAMPLING_INTERVAL_US = 50;
/** Rows printed per table. */
const TOP = 15;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Builds the extension without minification and with source maps into a scratch folder. */
async function buildUnminified(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'backstory-bench-profile-'));
  // WXT's build logs its progress and draws a spinner on stdout; both are
  // silenced so the report stays readable.
  const quiet = new Proxy({}, { get: () => () => undefined });
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await build({ root: ROOT, outDir, logger: quiet as never, vite: () => ({ build: { minify: false, sourcemap: true } }) });
  } finally {
    process.stdout.write = write;
  }
  return outDir;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The source module of each position of a bundle, from its source map (v3):
 * the `mappings` are decoded here (base64 VLQ, a few lines) rather than with
 * a library the project does not depend on.
 */
async function moduleAt(mapFile: string): Promise<(line: number, column: number) => string> {
  const map = JSON.parse(await readFile(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const lines: { column: number; source: number }[][] = [];
  let source = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments: { column: number; source: number }[] = [];
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (segment === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length > 1) source += fields[1]!;
      segments.push({ column, source });
    }
    lines.push(segments);
  }
  const name = (i: number) => {
    const path = relative(ROOT, resolve(dirname(mapFile), map.sources[i] ?? ''));
    return path.replace(/^.*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, '$1');
  };
  return (line, column) => {
    const segments = lines[line] ?? [];
    let found = -1;
    for (const s of segments) {
      if (s.column > column) break;
      found = s.source;
    }
    return found < 0 ? '(bundle)' : name(found);
  };
}

/**
 * Profiles the first pass of each page and prints where the extension's time went. With `warm`,
 * profiles instead a later pass (Backstory switched off and on once the page is painted): code
 * compiled and page nodes known, which leaves what every pass costs.
 */
export async function profilePages(pages: BenchPage[], runs: number, urlOf: (path: string) => string, warm = false): Promise<void> {
  const outDir = await buildUnminified();
  const extDir = join(outDir, 'chrome-mv3');
  const moduleOf: Record<string, (line: number, column: number) => string> = {
    'content.js': await moduleAt(join(extDir, 'content-scripts/content.js.map')),
  };
  const browser = await ChromiumExtensionBrowser.launch(extDir);
  try {
    for (const page of pages) {
      const byModule = new Map<string, number>();
      const byFunction = new Map<string, number>();
      let total = 0;
      for (let run = 0; run < runs; run++) {
        const tab = await browser.context.newPage();
        const cdp = await browser.context.newCDPSession(tab);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
        if (warm) {
          await tab.goto(urlOf(page.path), { waitUntil: 'load', timeout: 180_000 });
          await tab.evaluate(waitForPainted, 180_000);
          await browser.evaluateInExtension(setEnabledEverywhere, false);
          await tab.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('backstory-')), null, { timeout: 10_000 });
          const since = await tab.evaluate(() => performance.now());
          await cdp.send('Profiler.start');
          await browser.evaluateInExtension(setEnabledEverywhere, true);
          await tab.evaluate(waitForPassAfter, { since, timeoutMs: 180_000 });
        } else {
          await cdp.send('Profiler.start');
          await tab.goto(urlOf(page.path), { waitUntil: 'load', timeout: 180_000 });
          await tab.evaluate(waitForPainted, 180_000);
        }
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
        await tab.close();
        const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
        const parent = new Map<number, number>();
        for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
        profile.samples.forEach((id, i) => {
          const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
          // The innermost extension frame on the stack, and the native call under it, if any.
          let native: string | null = null;
          for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
            const frame = nodes.get(n)!.callFrame;
            if (/^(chrome|moz)-extension:/.test(frame.url)) {
              const file = frame.url.slice(frame.url.lastIndexOf('/') + 1);
              const module = moduleOf[file]?.(frame.lineNumber, frame.columnNumber) ?? file;
              const fn = native ?? `${frame.functionName || '(top level)'}`;
              total += dt;
              byModule.set(module, (byModule.get(module) ?? 0) + dt);
              byFunction.set(`${fn} (${module})`, (byFunction.get(`${fn} (${module})`) ?? 0) + dt);
              return;
            }
            if (native === null && frame.url === '' && frame.functionName && !frame.functionName.startsWith('(')) native = frame.functionName;
          }
        });
      }
      const rows = (m: Map<string, number>) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, TOP)
          .map(([k, v]) => [k, ms(v / runs), `${((100 * v) / total).toFixed(0)}%`]);
      process.stdout.write(`\nProfile of ${page.label}${warm ? ', a later pass' : ''}: ${ms(total / runs)} ms of samples in extension code per load (${runs} loads, sampled every ${SAMPLING_INTERVAL_US} µs)\n`);
      process.stdout.write(table(['module', 'ms', 'share'], rows(byModule)) + '\n\n');
      process.stdout.write(table(['function (module)', 'ms', 'share'], rows(byFunction)) + '\n');
    }
  } finally {
    await browser.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
