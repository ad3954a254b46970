/**
 * `npm run bench`: the matcher's throughput on real page text and on synthetic text with 1k,
 * 10k and 100k aliases, beside two baselines run in the same process (`baselines.ts`).
 *
 * Unit: MB/s, where a MB is 10^6 bytes of the scanned text encoded as UTF-8. Time is this
 * process's CPU time (`process.cpuUsage`, user + system, all its threads), not wall time, so
 * that other work on a shared machine does not inflate it; on an idle machine the two agree
 * for this single-threaded code, GC threads aside. The matcher's
 * figure is the best of several timed runs over the whole text after a warm-up (`measure`).
 * The baselines are far slower, so they read the text from its start, chunk by chunk, until
 * their time budget is spent (`measureWithin`): their input is capped so that the bench
 * finishes in seconds, and they are reported per MB like the matcher. Targets: ≥ 100 MB/s at 10k aliases, ≥ 5× the regex, and a
 * cost flat in the number of aliases. The regex that counts for the target is the fair one, which
 * finds what the matcher finds (`baselines.ts`); the ASCII-only one is printed beside it. Nothing
 * here asserts: timings are printed with PASS/MISS against the targets, not tested.
 *
 * Each row (a text with its dataset) runs in a fresh node process, the matcher first and then
 * its baselines: a page's content script starts with a fresh JIT and heap too, and in one long
 * process the rows before (a 10k-alias regex, fuse.js's allocations) left garbage to collect and
 * code tuned to other inputs behind them, which cost the matcher 10 to 20 % of its throughput.
 * The matcher timed is the shipped bundle (`shipped-matcher.ts`), built once per run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { compileMatcher, loadMatcher, type CompiledMatcher, type Matcher } from '../../extension/matcher';
import { normalize } from '../../extension/matcher/normalize';
import { scan } from '../../extension/matcher/scan';
import { REPO_ROOT } from '../../scripts/lib/gold';
import { asciiRegexBaseline, fairRegexBaseline, foldedRegexBaseline, fuseBaseline } from './baselines';
import { ALIAS_COUNTS, FLAT_IN_ALIASES_MAX_RATIO } from './alias-sweep';
import { bundleMatcher, loadBundledMatcher, type ShippedMatcher } from './shipped-matcher';
import { prng, syntheticDataset, syntheticText } from './synthetic';

/**
 * Fresh processes per row that time the matcher; the row reports their median. One process's
 * best run still varies by ±10 % from process to process here (JIT and memory placement), and
 * by ±15 % in a busy spell of the shared machine: five give a median that moves by a few percent.
 */
const MATCHER_PROCESSES = 5;
/** Size of each synthetic text, in UTF-16 units (ASCII, so also bytes). */
const SYNTHETIC_UNITS = 2_000_000;
/** Each measurement repeats until it has run this long, and at least `MIN_RUNS` times. */
const MIN_TOTAL_MS = 2_000;
const MIN_RUNS = 3;
/** Time budgets of the baselines, and the size of the chunks they are fed. */
const REGEX_BUDGET_MS = 1_000;
const FUSE_BUDGET_MS = 2_000;
const CHUNK_BYTES = 2_000;
/** Targets of the issue, printed beside the figures. */
const TARGET_MB_S = 100;
const TARGET_VS_REGEX = 5;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** CPU milliseconds of this process since `process.cpuUsage()` returned `from`. */
function cpuMsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/** Best throughput of `run` over `text`, in MB/s (MB = 10^6 UTF-8 bytes). */
function measure(text: string, run: (text: string) => unknown): number {
  run(text); // warm-up: JIT, lazily filled tables
  let best = Infinity;
  let total = 0;
  for (let i = 0; i < MIN_RUNS || total < MIN_TOTAL_MS; i++) {
    const t0 = process.cpuUsage();
    run(text);
    const ms = cpuMsSince(t0);
    best = Math.min(best, ms);
    total += ms;
  }
  return utf8Bytes(text) / 1e6 / (best / 1000);
}

/**
 * Throughput of `run` on `text` read in chunks of about `CHUNK_BYTES`, cut at spaces, until
 * `budgetMs` is spent or the text ends, in MB/s. Chunks are cut once, outside the timing.
 */
function measureWithin(text: string, run: (text: string) => unknown, budgetMs: number): number {
  const chunks: string[] = [];
  for (let from = 0; from < text.length; ) {
    const space = text.indexOf(' ', from + CHUNK_BYTES);
    const to = space < 0 ? text.length : space;
    chunks.push(text.slice(from, to));
    from = to;
  }
  run(chunks[0]!); // warm-up
  let bytes = 0;
  let ms = 0;
  for (const chunk of chunks) {
    const t0 = process.cpuUsage();
    run(chunk);
    ms += cpuMsSince(t0);
    bytes += utf8Bytes(chunk);
    if (ms >= budgetMs) break;
  }
  return bytes / 1e6 / (ms / 1000);
}

const matcherRun = (shipped: ShippedMatcher, matcher: Matcher, date?: string) => (text: string) =>
  shipped.findMentions(text, matcher, { ...(date ? { date } : {}), seen: new Set() });
const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toPrecision(2));

interface Row {
  label: string;
  aliases: number;
  mb: number;
  matcher: number;
  /**
   * The regexes: mark.js-style with diacritics classes and the one over folded text both find
   * what the matcher finds; the ASCII-only one finds less. NaN: V8 refuses the regex as too large.
   */
  regex: number;
  foldedRegex: number;
  asciiRegex: number;
  fuse: number;
  /** The lowest and highest of the processes' figures behind `matcher` (the parent fills them in). */
  matcherLow?: number;
  matcherHigh?: number;
  /** Start-up, ms: `loadMatcher` on the parsed pack, and the regex's construction and first run. */
  matcherStartMs: number;
  regexStartMs: number;
}

/** Milliseconds `fn` takes, run once (start-up costs are paid once per page). */
function once(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  return cpuMsSince(t0);
}

/** `measure()`, or NaN when V8 rejects the regex as too large (the mark.js-style one at 100k aliases). */
function orTooLarge(measure: () => number): number {
  try {
    return measure();
  } catch (e) {
    if (e instanceof SyntaxError && /too large/.test(e.message)) return NaN;
    throw e;
  }
}

const fmtOr = (x: number): string => (Number.isNaN(x) ? 'too large' : fmt(x));
const ratio = (a: number, b: number): string => (Number.isNaN(a) || Number.isNaN(b) ? '–' : `${fmt(a / b)}×`);

function benchRow(shipped: ShippedMatcher, label: string, text: string, compiled: CompiledMatcher, aliasTexts: string[], date?: string): Row {
  // The matcher's start-up runs first, uncached: the content script pays it on every page it
  // opens. The matcher it loads is the one timed: a second one, left as garbage, cost the runs
  // after it up to 10 % at 100k aliases.
  let matcher: Matcher | undefined;
  const matcherStartMs = once(() => (matcher = shipped.loadMatcher(compiled)));
  if (!matcher) throw new Error('loadMatcher returned nothing');
  const matcherMBs = measure(text, matcherRun(shipped, matcher, date));
  if (matcherOnly) return { label, aliases: aliasTexts.length, mb: utf8Bytes(text) / 1e6, matcher: matcherMBs, matcherStartMs, ...NO_BASELINES };
  return {
    label,
    aliases: aliasTexts.length,
    mb: utf8Bytes(text) / 1e6,
    matcher: matcherMBs,
    matcherStartMs,
    regexStartMs: orTooLarge(() => once(() => fairRegexBaseline(aliasTexts)('warm up'))),
    regex: orTooLarge(() => measureWithin(text, fairRegexBaseline(aliasTexts), REGEX_BUDGET_MS)),
    foldedRegex: measureWithin(text, foldedRegexBaseline(aliasTexts), REGEX_BUDGET_MS),
    asciiRegex: measureWithin(text, asciiRegexBaseline(aliasTexts), REGEX_BUDGET_MS),
    fuse: measureWithin(text, fuseBaseline(aliasTexts), FUSE_BUDGET_MS),
  };
}

/** What the real-pages row adds: how its text was read, and what each regex finds on it. */
interface RealPagesInfo {
  extractMs: number;
  aliasCount: number;
  scanned: number;
  foundByRegex: number;
  foundByFolded: number;
  foundByAscii: number;
}

/** The real-pages row: the pages of test/fixtures/pages, read as the content script reads them. */
async function realPagesRow(shipped: ShippedMatcher): Promise<ChildReport> {
  // Imported here: the synthetic rows' processes need neither the dataset sources nor happy-dom.
  const { loadSources } = await import('../../extension/dataset/build-pack');
  const { DATASET_DIR, loadPack } = await import('../../scripts/lib/annotate-text');
  const { readHtmlPage } = await import('../../scripts/lib/html-text');
  const pagesDir = join(REPO_ROOT, 'test/fixtures/pages');
  const t0 = performance.now();
  const pages = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => readHtmlPage(readFileSync(join(pagesDir, f), 'utf8')).text);
  const extractMs = performance.now() - t0;
  const pageText = pages.join('\n\n');
  const real = loadPack();
  // The compiled pack keeps aliases only as trie keys; the baselines get them as written in the sources.
  const aliasTexts = loadSources(DATASET_DIR).entities.flatMap((s) => s.entity.aliases.map((a) => a.text));
  const row = benchRow(shipped, `real pages (${pages.length}, pack of ${real.pack.entities.length} entities)`, pageText, real.pack.matcher, aliasTexts, '2022-01-15');
  if (matcherOnly) return { row };
  // Fairness: beside what each regex finds, the alias occurrences the matcher scans (its trie
  // candidates, leftmost-longest and non-overlapping, as an alternation picks them; before the
  // rules, which the regexes do not have).
  const realMatcher = loadMatcher(real.pack.matcher);
  const { candidates } = scan(normalize(pageText, realMatcher.firstWords), realMatcher);
  let scanned = 0;
  for (let i = 0, end = -1; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.start < end) continue;
    let last = c;
    while (i + 1 < candidates.length && candidates[i + 1]!.start === c.start) last = candidates[++i]!;
    scanned++;
    end = last.end;
  }
  return {
    row,
    info: {
      extractMs,
      aliasCount: aliasTexts.length,
      scanned,
      foundByRegex: fairRegexBaseline(aliasTexts)(pageText),
      foundByFolded: foldedRegexBaseline(aliasTexts)(pageText),
      foundByAscii: asciiRegexBaseline(aliasTexts)(pageText),
    },
  };
}

/** A synthetic row: `count` aliases, and text drawn from them. */
function syntheticRow(shipped: ShippedMatcher, count: number): Row {
  const random = prng(2022 + count);
  const { aliases, entities, contextPool } = syntheticDataset(count, random);
  const compiled = JSON.parse(JSON.stringify(compileMatcher(aliases, entities))) as CompiledMatcher;
  return benchRow(shipped, `synthetic, ${count / 1000}k aliases`, syntheticText(aliases, SYNTHETIC_UNITS, random, { contextPool }), compiled, aliases.map((a) => a.text), '2022-01-15');
}

/** The child's answer on stdout. JSON has no NaN ("too large"): it travels as null. */
interface ChildReport {
  row: Row;
  info?: RealPagesInfo;
}

const ROW_FLAG = '--row=';
const BUNDLE_FLAG = '--bundle=';
const MATCHER_ONLY_FLAG = '--matcher-only';
/** This process times the matcher alone, for the median (`MATCHER_PROCESSES`). */
const matcherOnly = process.argv.includes(MATCHER_ONLY_FLAG);
const NO_BASELINES = { regex: NaN, foldedRegex: NaN, asciiRegex: NaN, fuse: NaN, regexStartMs: NaN };

/**
 * Runs row `index` (0: real pages, then the synthetic alias counts) in a fresh node process,
 * timing the bundle at `bundle`: the matcher alone, or the matcher and the baselines.
 */
function runRowInChild(index: number, bundle: string, matcherAlone: boolean): ChildReport {
  const args = [fileURLToPath(import.meta.url), `${ROW_FLAG}${index}`, `${BUNDLE_FLAG}${bundle}`, ...(matcherAlone ? [MATCHER_ONLY_FLAG] : [])];
  const child = spawnSync(process.execPath, [...process.execArgv, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`bench row ${index} failed (exit ${child.status ?? child.signal})`);
  const report = JSON.parse(child.stdout) as ChildReport;
  for (const key of Object.keys(report.row) as (keyof Row)[]) if (report.row[key] === null) (report.row as unknown as Record<string, number>)[key] = NaN;
  return report;
}

const rowArg = process.argv.find((a) => a.startsWith(ROW_FLAG));
if (rowArg) {
  const index = Number(rowArg.slice(ROW_FLAG.length));
  const bundleArg = process.argv.find((a) => a.startsWith(BUNDLE_FLAG));
  const shipped = loadBundledMatcher(bundleArg ? bundleArg.slice(BUNDLE_FLAG.length) : await bundleMatcher());
  const report: ChildReport = index === 0 ? await realPagesRow(shipped) : { row: syntheticRow(shipped, ALIAS_COUNTS[index - 1]!) };
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
}

const bundle = await bundleMatcher();
const rowIndexes = [0, ...ALIAS_COUNTS.map((_, i) => i + 1)];
const full = rowIndexes.map((index) => runRowInChild(index, bundle, false));
// The matcher-only processes go round the rows rather than row after row, so that a slow spell
// of the shared machine lands on every row alike instead of on one alias count.
const alone = rowIndexes.map((): Row[] => []);
for (let p = 1; p < MATCHER_PROCESSES; p++) rowIndexes.forEach((index, i) => alone[i]!.push(runRowInChild(index, bundle, true).row));
const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const reports = full.map((report, i) => {
  const all = [report.row, ...alone[i]!];
  const spread = all.map((r) => r.matcher);
  return {
    ...report,
    row: { ...report.row, matcher: middle(all.map((r) => r.matcher)), matcherStartMs: middle(all.map((r) => r.matcherStartMs)), matcherLow: Math.min(...spread), matcherHigh: Math.max(...spread) },
  };
});
const rows = reports.map((r) => r.row);
const realInfo = reports[0]!.info!;

console.log(`Matcher throughput (MB/s, MB = 10^6 bytes of UTF-8 text, per CPU second; the shipped bundle; per row the median of ${MATCHER_PROCESSES} fresh processes, each the best of ≥${MIN_RUNS} runs of ≥${MIN_TOTAL_MS} ms in all; node ${process.version})`);
console.log(`Real pages extracted with extension/text/extract.ts on happy-dom in ${(realInfo.extractMs / 1000).toFixed(1)} s (not timed below); the real pack has ${realInfo.aliasCount} aliases.`);
console.log(`Baselines read each text from its start for ${REGEX_BUDGET_MS / 1000} s (regex) and ${FUSE_BUDGET_MS / 1000} s (fuse.js), reported per MB.\n`);
console.log(
  '| text | aliases | MB | matcher MB/s (lowest–highest process) | mark.js-style regex MB/s | folded-text regex MB/s | ASCII-only regex MB/s (finds less) | fuse.js MB/s | matcher ÷ mark.js-style | matcher ÷ folded | matcher ÷ ASCII-only | matcher ÷ fuse.js |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.aliases} | ${r.mb.toFixed(2)} | ${fmt(r.matcher)} (${fmt(r.matcherLow ?? r.matcher)}–${fmt(r.matcherHigh ?? r.matcher)}) | ${fmtOr(r.regex)} | ${fmt(r.foldedRegex)} | ${fmt(r.asciiRegex)} | ${fmt(r.fuse)} | ` +
      `${ratio(r.matcher, r.regex)} | ${ratio(r.matcher, r.foldedRegex)} | ${ratio(r.matcher, r.asciiRegex)} | ${ratio(r.matcher, r.fuse)} |`,
  );
}
console.log('\nStart-up on a page (ms, once, uncached): the matcher hydrates its compiled JSON, the mark.js-style regex is built and compiled.\n');
console.log('| text | aliases | matcher start ms | regex start ms | regex ÷ matcher |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.aliases} | ${r.matcherStartMs.toFixed(1)} | ${Number.isNaN(r.regexStartMs) ? 'too large' : r.regexStartMs.toFixed(1)} | ${ratio(r.regexStartMs, r.matcherStartMs)} |`);
}
console.log(
  `\nFairness on the real page text: the matcher scans ${realInfo.scanned} alias occurrences (leftmost-longest, before its rules); ` +
    `the mark.js-style regex finds ${realInfo.foundByRegex}, the folded-text regex ${realInfo.foundByFolded}, the ASCII-only regex ${realInfo.foundByAscii}.`,
);

const at10k = rows.find((r) => r.label.includes('10k'))!;
const synthetic = rows.filter((r) => r.label.startsWith('synthetic'));
const flat = Math.max(...synthetic.map((r) => r.matcher)) / Math.min(...synthetic.map((r) => r.matcher));
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
console.log('\nTargets (synthetic text, 10k aliases):');
console.log(`- ≥ ${TARGET_MB_S} MB/s: ${fmt(at10k.matcher)} MB/s: ${verdict(at10k.matcher >= TARGET_MB_S)}`);
console.log(`- ≥ ${TARGET_VS_REGEX}× the mark.js-style regex: ${fmt(at10k.matcher / at10k.regex)}×: ${verdict(at10k.matcher / at10k.regex >= TARGET_VS_REGEX)}`);
console.log(`  (the folded-text regex, the strongest that finds the same: ${fmt(at10k.matcher / at10k.foldedRegex)}×: ${verdict(at10k.matcher / at10k.foldedRegex >= TARGET_VS_REGEX)};`);
console.log(`  the ASCII-only regex, which finds less: ${fmt(at10k.matcher / at10k.asciiRegex)}×: ${verdict(at10k.matcher / at10k.asciiRegex >= TARGET_VS_REGEX)})`);
console.log(`- flat from 1k to 100k aliases (best ÷ worst ≤ ${FLAT_IN_ALIASES_MAX_RATIO}): ${flat.toFixed(2)}: ${verdict(flat <= FLAT_IN_ALIASES_MAX_RATIO)}`);
