/**
 * Part of `npm run bench`: the page pipeline's text path in node, beside the
 * matcher's own bench (matcher-bench.ts). What the content script does with
 * a page's text once it is read: the pack loaded, then the text cut into
 * pieces and match windows (extension/annotate) and matched with one memory
 * of names for the page, as `PageAnnotator` does. The DOM side (reading,
 * Ranges, highlights) is measured in a real browser by `npm run bench:browser`.
 *
 * Printed: the real pack's load time, cold (a fresh process, as on every
 * page) and warm; the cost against text size (10 KB to 5 MB) and against
 * alias count (1k to 100k, synthetic), each beside a floor measured in the
 * same process: one loop that reads every character of the text. Nothing
 * here asserts: figures and ratios are printed, with PASS/MISS per target.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { matchWindows } from '../../extension/annotate/match-windows';
import { PIECE_MIN_CHARS } from '../../extension/annotate/page-annotator';
import { buildPackFromDir } from '../../extension/dataset/build-pack';
import { compileMatcher, findMentions, loadMatcher, type Matcher } from '../../extension/matcher';
import { syntheticArticleText } from '../fixtures/pages/synthetic-pages';
import { ALIAS_COUNTS, ALIAS_SWEEP_CHARS, ALIAS_SWEEP_NAME_EVERY, FLAT_IN_ALIASES_MAX_RATIO } from './alias-sweep';
import { prng, syntheticDataset, syntheticText } from './synthetic';

const ROOT = join(import.meta.dirname, '../..');
/** Text sizes of the sweep, in UTF-16 units (the text is ASCII, so also bytes). */
const TEXT_SIZES = [10_000, 30_000, 100_000, 300_000, 1_000_000, 5_000_000];
/** Each figure is the median of this many timed runs, after one warm-up. */
const RUNS = 7;
/** Fresh processes for the cold pack load. */
const COLD_RUNS = 5;
const TARGET_PACK_MS = 5;
const ARTICLE_DATE = '2022-01-15';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Median time of `run` over `RUNS` runs after a warm-up, in ms. */
function time(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The text cut as the page walker cuts a page: pieces of at least PIECE_MIN_CHARS ending at a paragraph break. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (let from = 0; from < text.length; ) {
    const cut = text.indexOf('\n\n', from + PIECE_MIN_CHARS);
    const to = cut < 0 ? text.length : cut;
    out.push(text.slice(from, to));
    from = cut < 0 ? text.length : cut + 2;
  }
  return out;
}

/** The annotator's text path over one page: windows of each piece matched with one memory of names. */
function annotateText(parts: readonly string[], matcher: Matcher): number {
  const seen = new Set<string>();
  let mentions = 0;
  for (const piece of parts) {
    for (const w of matchWindows(piece)) {
      const text = w.start === 0 && w.end === piece.length ? piece : piece.slice(w.start, w.end);
      for (const m of findMentions(text, matcher, { date: ARTICLE_DATE, seen })) if (w.start + m.start < w.ownEnd) mentions++;
    }
  }
  return mentions;
}

/** The floor: one loop reading every character of the text. */
function readText(parts: readonly string[]): number {
  let sum = 0;
  for (const piece of parts) for (let i = 0; i < piece.length; i++) sum = (sum + piece.charCodeAt(i)) | 0;
  return sum;
}

/** In a child process: the pack's JSON parsed and its matcher loaded, once, cold. */
function coldPackChild(): void {
  const json = JSON.stringify(buildPackFromDir(join(ROOT, 'assets/dataset')));
  const t0 = performance.now();
  const pack = JSON.parse(json) as { matcher: Parameters<typeof loadMatcher>[0] };
  loadMatcher(pack.matcher);
  process.stdout.write(String(performance.now() - t0));
}

function main(): void {
  const pack = buildPackFromDir(join(ROOT, 'assets/dataset'));
  const json = JSON.stringify(pack);
  const matcher = loadMatcher(pack.matcher);
  const cold = Array.from({ length: COLD_RUNS }, () =>
    Number(execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--cold-pack'], { encoding: 'utf8' })),
  );
  const warm = time(() => loadMatcher((JSON.parse(json) as typeof pack).matcher));
  const coldMs = median(cold);

  const lines: string[] = [];
  const log = (line = '') => lines.push(line);
  log(`Page pipeline, text path (node ${process.version}; medians of ${RUNS} runs after a warm-up)`);
  log(`Real pack: ${pack.entities.length} entities, ${(json.length / 1000).toFixed(0)} KB of JSON. JSON.parse + loadMatcher: ${ms(coldMs)} ms cold (fresh process, median of ${COLD_RUNS}), ${ms(warm)} ms warm.`);
  log('Floor = one loop reading every character of the same text. Pipeline = pieces × match windows × findMentions with one memory of names, as PageAnnotator runs them.\n');

  log('Cost against text size (synthetic articles of test/fixtures/pages/synthetic-pages.ts, real pack)');
  log('| text | floor ms | pipeline ms | pipeline ÷ floor | ms per 100 KB | mentions |');
  log('|---|---:|---:|---:|---:|---:|');
  const perChar: number[] = [];
  for (const size of TEXT_SIZES) {
    const parts = pieces(syntheticArticleText(size, size));
    const chars = parts.reduce((n, p) => n + p.length, 0);
    const floor = time(() => readText(parts));
    const pipeline = time(() => annotateText(parts, matcher));
    perChar.push(pipeline / chars);
    log(`| ${(size / 1000).toFixed(0)} KB | ${ms(floor)} | ${ms(pipeline)} | ${ms(pipeline / floor)}× | ${ms((pipeline / chars) * 100_000)} | ${annotateText(parts, matcher)} |`);
  }

  log(`\nCost against alias count (synthetic packs of test/bench/synthetic.ts, ${ALIAS_SWEEP_CHARS / 1e6} MB of text with one name in ${ALIAS_SWEEP_NAME_EVERY} words)`);
  log('| aliases | pack KB | parse + load ms | floor ms | pipeline ms | pipeline ÷ floor | ms per 100 KB | mentions |');
  log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  const byAliases: number[] = [];
  for (const count of ALIAS_COUNTS) {
    const random = prng(2022 + count);
    const { aliases, entities, contextPool } = syntheticDataset(count, random);
    const compiled = JSON.stringify(compileMatcher(aliases, entities));
    const synthetic = loadMatcher(JSON.parse(compiled) as Parameters<typeof loadMatcher>[0]);
    const text = syntheticText(aliases, ALIAS_SWEEP_CHARS, random, { nameEvery: ALIAS_SWEEP_NAME_EVERY, contextPool }).replace(/(.{700}\S*) /g, '$1\n\n');
    const parts = pieces(text);
    const load = time(() => loadMatcher(JSON.parse(compiled) as Parameters<typeof loadMatcher>[0]));
    const floor = time(() => readText(parts));
    const pipeline = time(() => annotateText(parts, synthetic));
    byAliases.push(pipeline);
    log(`| ${aliases.length.toLocaleString('en')} | ${(compiled.length / 1000).toFixed(0)} | ${ms(load)} | ${ms(floor)} | ${ms(pipeline)} | ${ms(pipeline / floor)}× | ${ms((pipeline / text.length) * 100_000)} | ${annotateText(parts, synthetic)} |`);
  }

  const big = perChar.slice(TEXT_SIZES.indexOf(100_000));
  const linear = Math.max(...big) / Math.min(...big);
  const flat = Math.max(...byAliases) / Math.min(...byAliases);
  log('\nTargets (node figures; the browser bench has the page-level ones)');
  log(`${coldMs <= TARGET_PACK_MS ? 'PASS' : 'MISS'}  pack parsed and matcher loaded in ≤ ${TARGET_PACK_MS} ms: ${ms(coldMs)} ms cold`);
  log(`${linear <= 2 ? 'PASS' : 'MISS'}  cost linear in text: ms per 100 KB varies by ${linear.toFixed(2)}× from 100 KB to 5 MB`);
  log(`${flat <= FLAT_IN_ALIASES_MAX_RATIO ? 'PASS' : 'MISS'}  cost flat in aliases (≤ ${FLAT_IN_ALIASES_MAX_RATIO}×): ${flat.toFixed(2)}× from ${ALIAS_COUNTS[0]!.toLocaleString('en')} to ${ALIAS_COUNTS.at(-1)!.toLocaleString('en')} aliases`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv.includes('--cold-pack')) coldPackChild();
else main();
