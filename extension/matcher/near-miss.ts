/**
 * Near misses: a capitalised name that matches no alias exactly but is one edit away from one
 * (two for names of `TWO_EDITS_MIN_LENGTH` or more): `Zelenskyi`, `Stoltenburg`, `Lavorv`,
 * `Sergei Rybakov`. Only a few spans are ever looked at: capitalised words and runs of up to
 * `MAX_NGRAM_WORDS` of them that no exact mention covers. For each, a bounded walk of the
 * alias trie (Damerau edits, first letter kept) finds the aliases within reach, and fuse.js
 * scores the span against those few with `NEAR_MISS_FUSE_THRESHOLD`. The candidates go back to
 * `resolve` for the same rules as exact ones, plus: a near miss needs evidence (an exact full
 * mention in the text and a context word, or `NEAR_MISS_MIN_CUES` context words nearby) and
 * scores `NEAR_MISS_FACTOR` less.
 */
// The basic build: plain fuzzy search is all this needs, and it is half the size in the content script.
import Fuse from 'fuse.js/basic';
import { CASE_MASK, CASE_PROPER, FLAG_HAS_LOWER } from './compiled-format';
import { type Matcher, TERMINAL_ALIAS } from './load';
import { LOWER as importedLOWER, UNIT_INFO as importedUNIT_INFO, WORD as importedWORD, unitsToString as importedUnitsToString, SPACE_CODE as importedSPACE_CODE, type NormalizedText } from './normalize';
import { GLUE_EXEMPT_WORDS, sameLine as importedSameLine } from './proper-name';
import type { NearMissCandidate } from './resolve';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const LOWER = importedLOWER;
const UNIT_INFO = importedUNIT_INFO;
const WORD = importedWORD;
const unitsToString = importedUnitsToString;
const SPACE_CODE = importedSPACE_CODE;
const sameLine = importedSameLine;

/** Shorter spans are skipped: one edit turns too many short words into names (`Price`/`Prime`, `Osama`/`Obama`). */
const MIN_NEAR_MISS_LENGTH = 6;
/** From this length (normalised units, spaces included) a span may be two edits away. */
const TWO_EDITS_MIN_LENGTH = 12;
/** Longest run of capitalised words tried as one span: first, middle and last name. */
const MAX_NGRAM_WORDS = 3;
/**
 * Highest fuse.js score accepted (0 is a perfect match, 1 none; Bitap's score is about
 * errors / span length). Bitap counts an adjacent transposition as two errors, so 0.34 lets
 * one through in a six-letter name (`Lavorv`, 2/6); the trie walk has already capped the edits.
 */
const NEAR_MISS_FUSE_THRESHOLD = 0.34;

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, isCaseSensitive: true, threshold: NEAR_MISS_FUSE_THRESHOLD };

/** An alias key within reach of a span. */
interface Reachable {
  node: number;
  key: string;
  edits: number;
}

/**
 * Near-miss candidates of `nt`: capitalised words and runs not covered by `coveredWords`
 * (1 for every word an exact mention touches), each tied to the closest alias key.
 */
export function findNearMisses(nt: NormalizedText, text: string, m: Matcher, coveredWords: Uint8Array): NearMissCandidate[] {
  const out: NearMissCandidate[] = [];
  const capitalised = nt.wordCapitalised;
  let w = 0;
  while (w < nt.wordCount) {
    // Most words are not capitalised: skip them before any call (the stage's pre-filter).
    if (!capitalised[w]) {
      w++;
      continue;
    }
    // Gather a run of capitalised words joined by single spaces.
    let runEnd = w;
    while (runEnd < nt.wordCount && isCapitalisedWord(nt, text, runEnd) && (runEnd === w || joined(nt, text, runEnd))) runEnd++;
    if (runEnd === w) {
      w++;
      continue;
    }
    // A lone word shorter than `MIN_NEAR_MISS_LENGTH` (`The`, `But`, `They`) has no span to try.
    if (runEnd - w > 1 || wordEnd(nt, w) - nt.wordStarts[w]! >= MIN_NEAR_MISS_LENGTH) tryRun(nt, m, coveredWords, w, runEnd, out);
    w = runEnd;
  }
  return out;
}

/** Tries the n-grams of the run `[first, last)` of capitalised words, longest first. */
function tryRun(nt: NormalizedText, m: Matcher, covered: Uint8Array, first: number, last: number, out: NearMissCandidate[]): void {
  const size = last - first;
  if (RUN_SCRATCH.length < 2 * size) RUN_SCRATCH = new Uint8Array(4 * size);
  // Per word of the run: claimed by a near miss already (first half), exempt (second half).
  const claimed = RUN_SCRATCH.fill(0, 0, size);
  const exemptWord = RUN_SCRATCH.subarray(size, 2 * size);
  for (let k = 0; k < size; k++) exemptWord[k] = exempt(nt, first + k) ? 1 : 0;
  for (let n = Math.min(MAX_NGRAM_WORDS, size); n >= 1; n--) {
    for (let i = first; i + n <= last; i++) {
      const start = nt.wordStarts[i]!;
      const end = wordEnd(nt, i + n - 1);
      if (end - start < MIN_NEAR_MISS_LENGTH || !standsAlone(i - first, i - first + n, size, i, covered, claimed, exemptWord)) continue;
      const node = closestAlias(m, nt.buf, start, end);
      if (node === 0) continue;
      out.push({ start, end, node, word: i, nearMiss: true });
      claimed.fill(1, i - first, i - first + n);
    }
  }
}

/** Scratch of `tryRun`, reused so that scanning allocates nothing per run. */
let RUN_SCRATCH = new Uint8Array(64);

/**
 * Whether run words `[from, to)` (run-relative; `word` is the text index of `from`) may be a name
 * on their own: none is covered or already claimed, the edge words are not titles or sentence
 * openers, and the run's words right outside them are exempt (the proper-name guard, inside the run).
 */
function standsAlone(from: number, to: number, size: number, word: number, covered: Uint8Array, claimed: Uint8Array, exemptWord: Uint8Array): boolean {
  for (let k = from; k < to; k++) if (covered[word + k - from] || claimed[k]) return false;
  if (exemptWord[from] || exemptWord[to - 1]) return false;
  if (from > 0 && !exemptWord[from - 1]) return false;
  return !(to < size && !exemptWord[to]);
}

/** Longest exempt word: longer words are not looked up (no string is built for them). */
const LONGEST_EXEMPT = Math.max(...[...GLUE_EXEMPT_WORDS].map((w) => w.length));

/**
 * Bit `length` of `EXEMPT_LENGTHS[c]` is set when an exempt word of that length starts with the
 * ASCII unit `c` (all exempt words are ASCII): most words fail this test, and no string is built for them.
 */
const EXEMPT_LENGTHS = new Uint32Array(128);
for (const w of GLUE_EXEMPT_WORDS) EXEMPT_LENGTHS[w.charCodeAt(0)]! |= 1 << w.length;

function exempt(nt: NormalizedText, word: number): boolean {
  const start = nt.wordStarts[word]!;
  const end = wordEnd(nt, word);
  const first = nt.buf[start]!;
  if (end - start > LONGEST_EXEMPT || first >= 128 || !(EXEMPT_LENGTHS[first]! & (1 << (end - start)))) return false;
  return GLUE_EXEMPT_WORDS.has(unitsToString(nt.buf, start, end));
}

/** Normalised end of word `word`. */
function wordEnd(nt: NormalizedText, word: number): number {
  const { buf, length: n } = nt;
  const info = UNIT_INFO;
  let k = nt.wordStarts[word]! + 1;
  while (k < n && info[buf[k]!]! & WORD) k++;
  return k;
}

/** A word written with a capital first letter and some lowercase (a name, not an acronym). */
function isCapitalisedWord(nt: NormalizedText, text: string, word: number): boolean {
  if (!nt.wordCapitalised[word]) return false;
  const start = nt.wordStarts[word]!;
  const end = wordEnd(nt, word);
  const { orig } = nt;
  const info = UNIT_INFO;
  // Every unit of `text` went through `normalize`, so its table entry is filled.
  for (let k = start + 1; k < end; k++) if (info[text.charCodeAt(orig[k]!)]! & LOWER) return true;
  return false;
}

/** Whether word `word` follows the previous word after nothing but spaces on the same line. */
function joined(nt: NormalizedText, text: string, word: number): boolean {
  const start = nt.wordStarts[word]!;
  return nt.buf[start - 1] === SPACE_CODE && wordEnd(nt, word - 1) === start - 1 && sameLine(nt, text, start - 2, start);
}

/**
 * The trie node of the alias closest to `buf[from, to)`, or 0. The span itself must not be an
 * alias (the exact rules have spoken), and neither may be a prefix of the other: an added or
 * dropped ending is another word, not a typo (`Russian`, `Peskova`, `Zakharov`, `Putins`).
 */
function closestAlias(m: Matcher, buf: Uint16Array, from: number, to: number): number {
  const span = unitsToString(buf, from, to);
  let cache = caches.get(m);
  if (!cache || cache.size >= CACHE_MAX_SPANS) caches.set(m, (cache = new Map()));
  let node = cache.get(span);
  if (node === undefined) cache.set(span, (node = searchClosest(m, span)));
  return node;
}

/**
 * Closest-alias answers per matcher and span. Pages repeat their capitalised words (names,
 * section titles, weekdays), and the content script re-reads a page as it changes, so most
 * look-ups are repeats; the cache is dropped whole when it reaches `CACHE_MAX_SPANS`.
 */
const caches = new WeakMap<Matcher, Map<string, number>>();
const CACHE_MAX_SPANS = 20_000;

function searchClosest(m: Matcher, span: string): number {
  const maxEdits = span.length >= TWO_EDITS_MIN_LENGTH ? 2 : 1;
  const reachable = withinEdits(m, span, maxEdits);
  if (reachable.length === 0 || reachable.some((r) => r.edits === 0)) return 0;
  const usable = reachable.filter((r) => !r.key.startsWith(span) && !span.startsWith(r.key) && hasNameRow(m, r.node));
  if (usable.length === 0) return 0;
  const [best] = new Fuse(usable.map((r) => r.key), FUSE_OPTIONS).search(span);
  return best ? usable[best.refIndex]!.node : 0;
}

/** Whether an alias row at `node` is a name spelled in proper case (near misses never reach acronyms or event phrases). */
function hasNameRow(m: Matcher, node: number): boolean {
  for (let a = m.firstAlias[node]! - 1; a >= 0 && a < m.aliasNode.length && m.aliasNode[a] === node; a++) {
    const flags = m.aliasFlags[a]!;
    if ((flags & CASE_MASK) === CASE_PROPER && flags & FLAG_HAS_LOWER) return true;
  }
  return false;
}

/** Scratch rows of the edit-distance walk, grown on demand. */
let rows = new Int32Array(64 * 64);
let path = new Uint16Array(64);

/**
 * Every alias key within `maxEdits` Damerau edits (optimal string alignment) of `span` that
 * starts with the span's first letter, found by a depth-first walk of the trie that keeps one
 * row of the edit-distance table per depth and prunes when a whole row exceeds the budget.
 */
function withinEdits(m: Matcher, span: string, maxEdits: number): Reachable[] {
  const found: Reachable[] = [];
  const width = span.length + 1;
  const maxDepth = span.length + maxEdits;
  if (rows.length < (maxDepth + 1) * width) rows = new Int32Array((maxDepth + 1) * width * 2);
  if (path.length < maxDepth + 1) path = new Uint16Array((maxDepth + 1) * 2);
  for (let j = 0; j < width; j++) rows[j] = j;
  const start = m.rootChild[span.charCodeAt(0)]!;
  if (start === 0) return found;
  const stack: number[] = [start, 1];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const node = stack.pop()!;
    const c = m.label[node]!;
    path[depth - 1] = c;
    const row = depth * width;
    const prev = row - width;
    rows[row] = depth;
    let best = depth;
    for (let j = 1; j < width; j++) {
      const q = span.charCodeAt(j - 1);
      let d = Math.min(rows[prev + j]! + 1, rows[row + j - 1]! + 1, rows[prev + j - 1]! + (q === c ? 0 : 1));
      if (depth > 1 && j > 1 && c === span.charCodeAt(j - 2) && path[depth - 2] === q) {
        d = Math.min(d, rows[prev - width + j - 2]! + 1);
      }
      rows[row + j] = d;
      if (d < best) best = d;
    }
    if (best > maxEdits) continue;
    const distance = rows[row + width - 1]!;
    if (distance <= maxEdits && m.terminal[node]! & TERMINAL_ALIAS) {
      found.push({ node, key: String.fromCharCode(...path.subarray(0, depth)), edits: distance });
    }
    if (depth >= maxDepth) continue;
    for (let v = m.firstChild[node]!, end = v + m.childCount[node]!; v < end; v++) stack.push(v, depth + 1);
  }
  return found;
}
