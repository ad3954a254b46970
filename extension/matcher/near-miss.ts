/**
 * Near misses: a capitalised name that matches no alias exactly but is one edit away from one
 * (two for names of `TWO_EDITS_MIN_LENGTH` or more): `Zelenskyi`, `Stoltenburg`, `Lavorv`,
 * `Sergei Rybakov`. Only a few spans are ever looked at: capitalised words and runs of up to
 * `MAX_NGRAM_WORDS` of them that no exact mention covers. For each, a bounded walk of the
 * alias trie (Damerau edits, first letter kept) finds the aliases within reach, and the one
 * fewest edits away is the span's. The candidates go back to `resolve` for the same rules as
 * exact ones, plus: a near miss needs evidence (an exact full mention in the text and a context
 * word, or `NEAR_MISS_MIN_CUES` context words nearby) and scores `NEAR_MISS_FACTOR` less.
 */
import { CASE_MASK, CASE_PROPER, FLAG_HAS_LOWER } from './compiled-format';
import { hitsNearWords as importedHitsNearWords } from './evidence';
import { CHILD_COUNT_SHIFT, FIRST_CHILD_MASK, LABEL_MASK, type Matcher, NODE_STRIDE, someRowAt, TERMINAL_ALIAS, TERMINAL_SHIFT } from './load';
import {
  LOWER as importedLOWER,
  SPACE_CODE as importedSPACE_CODE,
  UPPER as importedUPPER,
  unitsToString as importedUnitsToString,
  wordEnd as importedWordEnd,
  type NormalizedText,
} from './normalize';
import { sameLine as importedSameLine } from './proper-name';
import type { NearMissCandidate } from './resolve';
import { childOf as importedChildOf, type ContextHit } from './scan';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const LOWER = importedLOWER;
const UPPER = importedUPPER;
const wordEnd = importedWordEnd;
const unitsToString = importedUnitsToString;
const SPACE_CODE = importedSPACE_CODE;
const sameLine = importedSameLine;
const childOf = importedChildOf;
const hitsNearWords = importedHitsNearWords;

/** Shorter spans are skipped: one edit turns too many short words into names (`Price`/`Prime`, `Osama`/`Obama`). */
const MIN_NEAR_MISS_LENGTH = 6;
/** From this length (normalised units, spaces included) a span may be two edits away. */
const TWO_EDITS_MIN_LENGTH = 12;
/** Longest run of capitalised words tried as one span: first, middle and last name. */
const MAX_NGRAM_WORDS = 3;
/** An alias key within reach of a span. */
export interface Reachable {
  node: number;
  key: string;
  edits: number;
}

/**
 * Near-miss candidates of `nt`: capitalised words and runs not covered by `coveredWords`
 * (1 for every word an exact mention touches), each tied to the closest alias key. Only runs
 * with at least `minHits` of the text's context `hits` near them are tried: the fewest
 * `resolve` could accept a near miss with (`NEAR_MISS_MIN_CUES`, or one where the page has
 * named something in full already).
 */
export function findNearMisses(nt: NormalizedText, text: string, m: Matcher, coveredWords: Uint8Array, hits: readonly ContextHit[], minHits: number): NearMissCandidate[] {
  const out: NearMissCandidate[] = [];
  if (hits.length < minHits) return out;
  const { capitalisedWords, capitalisedCount, wordStarts, wordCount } = nt;
  const cache = closestAliasCache(m);
  const exemptWords = exemptWordsOf(m);
  // Words before `next` belong to a run already tried.
  let next = 0;
  for (let c = 0; c < capitalisedCount; c++) {
    const w = capitalisedWords[c]!;
    // The stage's pre-filter, before any call: most capitalised words stand alone and are too
    // short (`The`, `But`) or already linked.
    if (w < next || (!nextIsCapitalised(nt, c) && (coveredWords[w] || (w + 1 < wordCount ? wordStarts[w + 1]! : nt.length) - wordStarts[w]! <= MIN_NEAR_MISS_LENGTH))) continue;
    const size = gatherRun(nt, text, w);
    if (size === 0) continue;
    next = w + size;
    // Resolve accepts a near miss only with context words near it: a run without `minHits` in
    // reach of its words is not walked. Most capitalised runs of a page are not about the
    // dataset's story, and the walk is most of this stage's cost.
    if (hitsNearWords(hits, w, next - 1) < minHits) continue;
    // A lone word shorter than `MIN_NEAR_MISS_LENGTH` (`The`, `But`, `They`) has no span to try.
    if (size > 1 || runEnds[0]! - wordStarts[w]! >= MIN_NEAR_MISS_LENGTH) tryRun(nt, m, cache, exemptWords, coveredWords, w, size, out);
  }
  return out;
}

/**
 * The run of capitalised words (with lowercase: names, not acronyms) from word `first`, joined by
 * single spaces on one line; returns its length, with the words' ends in `runEnds`.
 */
function gatherRun(nt: NormalizedText, text: string, first: number): number {
  const { wordStarts, classes, buf } = nt;
  let size = 0;
  for (let word = first; word < nt.wordCount; word++, size++) {
    const start = wordStarts[word]!;
    if (!(classes[start]! & UPPER)) break;
    const end = wordEnd(nt, word);
    let lower = false;
    for (let k = start + 1; k < end && !lower; k++) lower = (classes[k]! & LOWER) !== 0;
    if (!lower) break;
    // Joined to the word before: one space between, on the same line.
    if (size > 0 && !(buf[start - 1] === SPACE_CODE && runEnds[size - 1] === start - 1 && sameLine(nt, text, start - 2, start))) break;
    if (runEnds.length <= size) runEnds = growInt32(runEnds);
    runEnds[size] = end;
  }
  return size;
}

/** Ends of the words of the run being tried (run-relative), reused so that runs allocate nothing. */
let runEnds: Int32Array = new Int32Array(64);

function growInt32(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Tries the n-grams of the run of `size` words from `first` (ends in `runEnds`), longest first. */
function tryRun(nt: NormalizedText, m: Matcher, cache: ClosestAliasCache, exemptWords: ExemptWords, covered: Uint8Array, first: number, size: number, out: NearMissCandidate[]): void {
  if (runFlags.length < size) runFlags = new Uint8Array(2 * size);
  const flags = runFlags;
  for (let k = 0; k < size; k++) flags[k] = exempt(exemptWords, nt, nt.wordStarts[first + k]!, runEnds[k]!) ? EXEMPT : 0;
  for (let n = Math.min(MAX_NGRAM_WORDS, size); n >= 1; n--) {
    for (let i = 0; i + n <= size; i++) {
      const start = nt.wordStarts[first + i]!;
      const end = runEnds[i + n - 1]!;
      if (end - start < MIN_NEAR_MISS_LENGTH || !standsAlone(i, i + n, size, first + i, covered, flags)) continue;
      const node = closestAlias(m, cache, nt.buf, start, end);
      if (node === 0) continue;
      out.push({ start, end, node, word: first + i, nearMiss: true });
      for (let k = i; k < i + n; k++) flags[k]! |= CLAIMED;
    }
  }
}

/** Per word of the run being tried (run-relative), reused so that runs allocate nothing: `EXEMPT`, `CLAIMED` bits. */
let runFlags = new Uint8Array(64);
/** The word is a title, sentence opener or calendar word (`Matcher.nameWords`). */
const EXEMPT = 1;
/** The word belongs to a near miss found already. */
const CLAIMED = 2;

/**
 * Whether run words `[from, to)` (run-relative; `word` is the text index of `from`) may be a name
 * on their own: none is covered or already claimed, the edge words are not titles or sentence
 * openers, and the run's words right outside them are exempt (the proper-name guard, inside the run).
 */
function standsAlone(from: number, to: number, size: number, word: number, covered: Uint8Array, flags: Uint8Array): boolean {
  for (let k = from; k < to; k++) if (covered[word + k - from] || flags[k]! & CLAIMED) return false;
  if (flags[from]! & EXEMPT || flags[to - 1]! & EXEMPT) return false;
  if (from > 0 && !(flags[from - 1]! & EXEMPT)) return false;
  return !(to < size && !(flags[to]! & EXEMPT));
}

/**
 * The proper-name guard's words on either side of a name (`Matcher.nameWords`), by the hash of
 * their folded units, so that a capitalised word is looked up without building a string; and
 * the longest, beyond which no word is looked up.
 */
interface ExemptWords {
  byHash: Map<number, string>;
  longest: number;
}

const exemptWordTables = new WeakMap<Matcher, ExemptWords>();

/** The exempt words of matcher `m`, built the first time its near misses are looked for. */
function exemptWordsOf(m: Matcher): ExemptWords {
  let table = exemptWordTables.get(m);
  if (!table) {
    const byHash = new Map<number, string>();
    let longest = 0;
    for (const word of [...m.nameWords.before, ...m.nameWords.after]) {
      const units = new Uint16Array(word.length);
      for (let k = 0; k < word.length; k++) units[k] = word.charCodeAt(k);
      byHash.set(hashUnits(units, 0, units.length), word);
      longest = Math.max(longest, word.length);
    }
    exemptWordTables.set(m, (table = { byHash, longest }));
  }
  return table;
}

/** Whether the word `buf[start, end)` is one of the exempt words. */
function exempt(words: ExemptWords, nt: NormalizedText, start: number, end: number): boolean {
  if (end - start > words.longest) return false;
  const candidate = words.byHash.get(hashUnits(nt.buf, start, end));
  return candidate !== undefined && spells(candidate, nt.buf, start, end);
}

/** Whether the word after the `c`-th capitalised word is capitalised too (the next on the list). */
function nextIsCapitalised(nt: NormalizedText, c: number): boolean {
  return c + 1 < nt.capitalisedCount && nt.capitalisedWords[c + 1] === nt.capitalisedWords[c]! + 1;
}

/**
 * The trie node of the alias closest to `buf[from, to)`, or 0. The span itself must not be an
 * alias (the exact rules have spoken), and neither may be a prefix of the other: an added or
 * dropped ending is another word, not a typo (`Russian`, `Peskova`, `Zakharov`, `Putins`).
 */
function closestAlias(m: Matcher, cache: ClosestAliasCache, buf: Uint16Array, from: number, to: number): number {
  const hash = hashUnits(buf, from, to);
  const known = cache.get(hash);
  if (known && spells(known.span, buf, from, to)) return known.node;
  if (cache.size >= CACHE_MAX_SPANS) cache.clear();
  const span = unitsToString(buf, from, to);
  const node = searchClosest(m, span);
  // A span whose hash collides with a cached one replaces it: the cache only saves work.
  cache.set(hash, { span, node });
  return node;
}

/** The closest-alias cache of matcher `m`. */
function closestAliasCache(m: Matcher): ClosestAliasCache {
  let cache = caches.get(m);
  if (!cache) caches.set(m, (cache = new Map()));
  return cache;
}

/** A closest-alias answer, with the span it answers for (hashes collide). */
interface CachedAnswer {
  span: string;
  node: number;
}

/**
 * Closest-alias answers per matcher, keyed by a hash of the span's units so that a repeat costs
 * no string: pages repeat their capitalised words (names, section titles, weekdays), and the
 * content script re-reads a page as it changes, so most look-ups are repeats. The cache is
 * emptied when it reaches `CACHE_MAX_SPANS`.
 */
type ClosestAliasCache = Map<number, CachedAnswer>;
const caches = new WeakMap<Matcher, ClosestAliasCache>();
const CACHE_MAX_SPANS = 20_000;

/** FNV-1a over the units of `buf[from, to)`. */
function hashUnits(buf: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
  return h;
}

/** Whether `span` is exactly the units of `buf[from, to)`. */
function spells(span: string, buf: Uint16Array, from: number, to: number): boolean {
  if (span.length !== to - from) return false;
  for (let k = from; k < to; k++) if (span.charCodeAt(k - from) !== buf[k]) return false;
  return true;
}

/**
 * The node of the name alias fewest Damerau edits from `span` (the first the walk reaches, of
 * those as close), or 0. The edit count is the score: the walk's budget (one edit below
 * `TWO_EDITS_MIN_LENGTH`, two from it) is already the bar a fuzzy scorer would set, and a second
 * scorer only ranked the same few keys, by a measure that counts a transposition twice.
 */
function searchClosest(m: Matcher, span: string): number {
  const maxEdits = span.length >= TWO_EDITS_MIN_LENGTH ? 2 : 1;
  let best: Reachable | undefined;
  for (const r of withinEdits(m, span, maxEdits)) {
    // The span spells an alias: the exact rules have spoken.
    if (r.edits === 0) return 0;
    if (best && r.edits >= best.edits) continue;
    if (!r.key.startsWith(span) && !span.startsWith(r.key) && hasNameRow(m, r.node)) best = r;
  }
  return best?.node ?? 0;
}

/** Whether an alias row at `node` is a name spelled in proper case (near misses never reach acronyms or event phrases). */
function hasNameRow(m: Matcher, node: number): boolean {
  return someRowAt(m, node, (flags) => (flags & CASE_MASK) === CASE_PROPER && (flags & FLAG_HAS_LOWER) !== 0);
}

/** Scratch rows of the edit-distance walk, grown on demand. */
let rows = new Int32Array(64 * 64);
let path = new Uint16Array(64);

/**
 * Every alias key within `maxEdits` Damerau edits (optimal string alignment) of `span` that
 * starts with the span's first letter, found by a depth-first walk of the trie that keeps one
 * row of the edit-distance table per depth and prunes when a whole row exceeds the budget.
 * A row is computed only in the band of `maxEdits` cells either side of its diagonal: a cell
 * further out is more than `maxEdits` by construction (reaching it takes that many insertions
 * or deletions), so each trie node costs 3 or 5 cells instead of the span's length. The cells
 * just outside the band are written `maxEdits + 1` for the next row to read.
 *
 * Exported for its tests, which check it against the plain distance.
 */
export function withinEdits(m: Matcher, span: string, maxEdits: number): Reachable[] {
  const found: Reachable[] = [];
  const length = span.length;
  const width = length + 1;
  const maxDepth = length + maxEdits;
  const beyond = maxEdits + 1;
  if (rows.length < (maxDepth + 1) * width) rows = new Int32Array((maxDepth + 1) * width * 2);
  if (path.length < maxDepth + 1) path = new Uint16Array((maxDepth + 1) * 2);
  for (let j = 0; j < width; j++) rows[j] = j;
  const start = m.rootChild[span.charCodeAt(0)]!;
  if (start === 0) return found;
  const stack: number[] = [start, 1];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const node = stack.pop()!;
    const c = m.nodes[NODE_STRIDE * node + 1]! & LABEL_MASK;
    path[depth - 1] = c;
    const row = depth * width;
    const prev = row - width;
    const lo = depth > maxEdits ? depth - maxEdits : 1;
    const hi = depth + maxEdits < length ? depth + maxEdits : length;
    rows[row] = depth;
    if (lo > 1) rows[row + lo - 1] = beyond;
    if (hi < length) rows[row + hi + 1] = beyond;
    let best = depth;
    for (let j = lo; j <= hi; j++) {
      const q = span.charCodeAt(j - 1);
      let d = Math.min(rows[prev + j]! + 1, rows[row + j - 1]! + 1, rows[prev + j - 1]! + (q === c ? 0 : 1));
      if (depth > 1 && j > 1 && c === span.charCodeAt(j - 2) && path[depth - 2] === q) {
        d = Math.min(d, rows[prev - width + j - 2]! + 1);
      }
      rows[row + j] = d;
      if (d < best) best = d;
    }
    if (best > maxEdits) continue;
    const distance = hi === length ? rows[row + length]! : beyond;
    const first = m.nodes[NODE_STRIDE * node]!;
    if (distance <= maxEdits && (first >>> TERMINAL_SHIFT) & TERMINAL_ALIAS) {
      found.push({ node, key: String.fromCharCode(...path.subarray(0, depth)), edits: distance });
    }
    if (depth >= maxDepth) continue;
    const firstChild = first & FIRST_CHILD_MASK;
    const childCount = m.nodes[NODE_STRIDE * node + 1]! >>> CHILD_COUNT_SHIFT;
    if (best < maxEdits) {
      for (let v = firstChild; v < firstChild + childCount; v++) stack.push(v, depth + 1);
      continue;
    }
    // The budget is spent: a child stays within it only by matching the span's next unit after
    // a cell of this row at the budget (a transposition it could complete is among those: its
    // cell two rows up is below the budget, so the cell above it here is at most the budget).
    // Those few labels are looked up among the children (`childOf`, as the scan does) instead of
    // every child being tried: in a big dataset a node has tens of children, and this is most of
    // the walk.
    let wantedCount = 0;
    for (let j = lo; j <= hi && j < length; j++) {
      if (rows[row + j] === maxEdits) wantedCount = want(span.charCodeAt(j), wantedCount);
    }
    for (let w = 0; w < wantedCount; w++) {
      const v = childOf(firstChild, childCount, m.nodes, wanted[w]!);
      if (v !== 0) stack.push(v, depth + 1);
    }
  }
  return found;
}

/** Labels of the children worth trying from a node whose budget is spent (`withinEdits`), without repeats. */
const wanted = new Uint16Array(16);

/** Adds `label` to the first `count` of `wanted` unless it is there already; returns the new count. */
function want(label: number, count: number): number {
  for (let w = 0; w < count; w++) if (wanted[w] === label) return count;
  wanted[count] = label;
  return count + 1;
}

