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
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileMatcher, findMentions, loadMatcher, type CompiledMatcher, type Matcher } from '../../extension/matcher';
import { normalize } from '../../extension/matcher/normalize';
import { scan } from '../../extension/matcher/scan';
import { loadSources } from '../../extension/dataset/build-pack';
import { DATASET_DIR, loadPack } from '../../scripts/lib/annotate-text';
import { REPO_ROOT } from '../../scripts/lib/gold';
import { readHtmlPage } from '../../scripts/lib/html-text';
import { asciiRegexBaseline, fairRegexBaseline, foldedRegexBaseline, fuseBaseline } from './baselines';
import { prng, syntheticDataset, syntheticText } from './synthetic';

/** Alias counts of the synthetic runs. */
const ALIAS_COUNTS = [1_000, 10_000, 100_000];
/** Size of each synthetic text, in UTF-16 units (ASCII, so also bytes). */
const SYNTHETIC_UNITS = 2_000_000;
/** Each measurement repeats until it has run this long, and at least `MIN_RUNS` times. */
const MIN_TOTAL_MS = 1_000;
const MIN_RUNS = 3;
/** Time budgets of the baselines, and the size of the chunks they are fed. */
const REGEX_BUDGET_MS = 1_000;
const FUSE_BUDGET_MS = 2_000;
const CHUNK_BYTES = 2_000;
/** Targets of the issue, printed beside the figures. */
const TARGET_MB_S = 100;
const TARGET_VS_REGEX = 5;
/** Largest ratio of best to worst synthetic throughput from 1k to 100k aliases still called flat. */
const TARGET_FLAT = 1.5;

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

const matcherRun = (matcher: Matcher, date?: string) => (text: string) => findMentions(text, matcher, { ...(date ? { date } : {}), seen: new Set() });
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

function benchRow(label: string, text: string, compiled: CompiledMatcher, aliasTexts: string[], date?: string): Row {
  // Both start-ups run first, uncached: the content script pays them on every page it opens.
  const matcherStartMs = once(() => loadMatcher(compiled));
  const regexStartMs = orTooLarge(() => once(() => fairRegexBaseline(aliasTexts)('warm up')));
  const matcher = loadMatcher(compiled);
  return {
    matcherStartMs,
    regexStartMs,
    label,
    aliases: aliasTexts.length,
    mb: utf8Bytes(text) / 1e6,
    matcher: measure(text, matcherRun(matcher, date)),
    regex: orTooLarge(() => measureWithin(text, fairRegexBaseline(aliasTexts), REGEX_BUDGET_MS)),
    foldedRegex: measureWithin(text, foldedRegexBaseline(aliasTexts), REGEX_BUDGET_MS),
    asciiRegex: measureWithin(text, asciiRegexBaseline(aliasTexts), REGEX_BUDGET_MS),
    fuse: measureWithin(text, fuseBaseline(aliasTexts), FUSE_BUDGET_MS),
  };
}

// Real page text: the pages of test/fixtures/pages, read as the content script reads them.
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
const realAliasTexts = loadSources(DATASET_DIR).entities.flatMap((s) => s.entity.aliases.map((a) => a.text));

const rows: Row[] = [benchRow(`real pages (${pages.length}, pack of ${real.pack.entities.length} entities)`, pageText, real.pack.matcher, realAliasTexts, '2022-01-15')];
for (const count of ALIAS_COUNTS) {
  const random = prng(2022 + count);
  const { aliases, entities } = syntheticDataset(count, random);
  const compiled = JSON.parse(JSON.stringify(compileMatcher(aliases, entities))) as CompiledMatcher;
  rows.push(benchRow(`synthetic, ${count / 1000}k aliases`, syntheticText(aliases, SYNTHETIC_UNITS, random), compiled, aliases.map((a) => a.text), '2022-01-15'));
}

console.log(`Matcher throughput (MB/s, MB = 10^6 bytes of UTF-8 text, per CPU second of this process; best of ≥${MIN_RUNS} runs of ≥${MIN_TOTAL_MS} ms in all; node ${process.version})`);
console.log(`Real pages extracted with extension/text/extract.ts on happy-dom in ${(extractMs / 1000).toFixed(1)} s (not timed below); the real pack has ${realAliasTexts.length} aliases.`);
console.log(`Baselines read each text from its start for ${REGEX_BUDGET_MS / 1000} s (regex) and ${FUSE_BUDGET_MS / 1000} s (fuse.js), reported per MB.\n`);
console.log(
  '| text | aliases | MB | matcher MB/s | mark.js-style regex MB/s | folded-text regex MB/s | ASCII-only regex MB/s (finds less) | fuse.js MB/s | matcher ÷ mark.js-style | matcher ÷ folded | matcher ÷ ASCII-only | matcher ÷ fuse.js |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.aliases} | ${r.mb.toFixed(2)} | ${fmt(r.matcher)} | ${fmtOr(r.regex)} | ${fmt(r.foldedRegex)} | ${fmt(r.asciiRegex)} | ${fmt(r.fuse)} | ` +
      `${ratio(r.matcher, r.regex)} | ${ratio(r.matcher, r.foldedRegex)} | ${ratio(r.matcher, r.asciiRegex)} | ${ratio(r.matcher, r.fuse)} |`,
  );
}
console.log('\nStart-up on a page (ms, once, uncached): the matcher hydrates its compiled JSON, the mark.js-style regex is built and compiled.\n');
console.log('| text | aliases | matcher start ms | regex start ms | regex ÷ matcher |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.aliases} | ${r.matcherStartMs.toFixed(1)} | ${Number.isNaN(r.regexStartMs) ? 'too large' : r.regexStartMs.toFixed(1)} | ${ratio(r.regexStartMs, r.matcherStartMs)} |`);
}
// Fairness: on the real page text, what each regex finds beside the alias occurrences the matcher
// scans (its trie candidates, leftmost-longest and non-overlapping, as an alternation picks them;
// before the rules, which the regexes do not have).
const realMatcher = loadMatcher(real.pack.matcher);
const { candidates } = scan(normalize(pageText), realMatcher);
let scanned = 0;
for (let i = 0, end = -1; i < candidates.length; i++) {
  const c = candidates[i]!;
  if (c.start < end) continue;
  let last = c;
  while (i + 1 < candidates.length && candidates[i + 1]!.start === c.start) last = candidates[++i]!;
  scanned++;
  end = last.end;
}
console.log(
  `\nFairness on the real page text: the matcher scans ${scanned} alias occurrences (leftmost-longest, before its rules); ` +
    `the mark.js-style regex finds ${fairRegexBaseline(realAliasTexts)(pageText)}, the folded-text regex ${foldedRegexBaseline(realAliasTexts)(pageText)}, ` +
    `the ASCII-only regex ${asciiRegexBaseline(realAliasTexts)(pageText)}.`,
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
console.log(`- flat from 1k to 100k aliases (best ÷ worst ≤ ${TARGET_FLAT}): ${flat.toFixed(2)}: ${verdict(flat <= TARGET_FLAT)}`);
