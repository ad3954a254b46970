/**
 * The single pass over the text: from every word start, walk the trie along the normalised
 * units and report every alias, context word, event head and phrase that is not a name that
 * ends on a word boundary.
 * Everything comes out sorted by start, then by end.
 */
import { CHILD_COUNT_SHIFT as importedCHILD_COUNT_SHIFT, FIRST_CHILD_MASK as importedFIRST_CHILD_MASK, LABEL_MASK as importedLABEL_MASK, type Matcher, NODE_STRIDE as importedNODE_STRIDE, TERMINAL_ALIAS as importedTERMINAL_ALIAS, TERMINAL_CONTEXT as importedTERMINAL_CONTEXT, TERMINAL_HEAD as importedTERMINAL_HEAD, TERMINAL_NOT as importedTERMINAL_NOT, TERMINAL_SHIFT as importedTERMINAL_SHIFT } from './load';
import { type NormalizedText, UNIT_INFO as importedUnitInfo, WORD as importedWord } from './normalize';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const TERMINAL_ALIAS = importedTERMINAL_ALIAS;
const TERMINAL_CONTEXT = importedTERMINAL_CONTEXT;
const TERMINAL_HEAD = importedTERMINAL_HEAD;
const TERMINAL_NOT = importedTERMINAL_NOT;
const TERMINAL_SHIFT = importedTERMINAL_SHIFT;
const CHILD_COUNT_SHIFT = importedCHILD_COUNT_SHIFT;
const FIRST_CHILD_MASK = importedFIRST_CHILD_MASK;
const LABEL_MASK = importedLABEL_MASK;
const NODE_STRIDE = importedNODE_STRIDE;
const UNIT_INFO = importedUnitInfo;
const WORD = importedWord;

/** A span of normalised text that spells some alias (not yet judged by the rules). */
export interface Candidate {
  /** Normalised start and end (exclusive). */
  start: number;
  end: number;
  /** Trie node whose alias rows apply. */
  node: number;
  /** Index of the word the span starts in, for the context window. */
  word: number;
}

/** An occurrence of one of the entities' context words, or of an event head noun. */
export type ContextHit = Candidate;

/** What one pass over a text finds. */
export interface ScanResult {
  candidates: Candidate[];
  /** Context words. */
  hits: ContextHit[];
  /** Event head nouns (`talks`, `call`). */
  heads: ContextHit[];
  /** Phrases that are not names (`Sherman tank`): no mention inside one links. */
  notNames: ContextHit[];
}

/** Finds every alias, context word, event head and phrase that is not a name in `nt` (normalised with `m.firstWords`), on word boundaries on both sides. */
export function scan(nt: NormalizedText, m: Matcher): ScanResult {
  const candidates: Candidate[] = [];
  const hits: ContextHit[] = [];
  const heads: ContextHit[] = [];
  const notNames: ContextHit[] = [];
  const { buf, wordStarts, keyWords, keyWordCount, length: n } = nt;
  const { rootChild, nodes } = m;
  // Normalised units are classified (`UNIT_INFO`): one table read per boundary test.
  const info = UNIT_INFO;
  // Only words that may start a key: `nt` must come from `normalize(text, m.firstWords)`.
  for (let k = 0; k < keyWordCount; k++) {
    const word = keyWords[k]!;
    const start = wordStarts[word]!;
    let node = rootChild[buf[start]!]!;
    let j = start + 1;
    while (node !== 0) {
      // j is the end of the span spelled so far; it must not cut a word in two.
      const first = nodes[NODE_STRIDE * node]!;
      const kind = first >>> TERMINAL_SHIFT;
      if (kind !== 0 && (j === n || !(info[buf[j]!]! & WORD))) {
        if (kind & TERMINAL_ALIAS) candidates.push({ start, end: j, node, word });
        if (kind & TERMINAL_CONTEXT) hits.push({ start, end: j, node, word });
        if (kind & TERMINAL_HEAD) heads.push({ start, end: j, node, word });
        if (kind & TERMINAL_NOT) notNames.push({ start, end: j, node, word });
      }
      if (j === n) break;
      node = childOf(first & FIRST_CHILD_MASK, nodes[NODE_STRIDE * node + 1]! >>> CHILD_COUNT_SHIFT, nodes, buf[j++]!);
    }
  }
  return { candidates, hits, heads, notNames };
}

/** The trie node that `units` (normalised) spell from the root, or 0: for look-ups off the hot path. */
export function keyNode(m: Matcher, units: readonly number[]): number {
  let node = units.length > 0 ? m.rootChild[units[0]!]! : 0;
  for (let i = 1; node !== 0 && i < units.length; i++) {
    node = childOf(m.nodes[NODE_STRIDE * node]! & FIRST_CHILD_MASK, m.nodes[NODE_STRIDE * node + 1]! >>> CHILD_COUNT_SHIFT, m.nodes, units[i]!);
  }
  return node;
}

/**
 * Sibling lists up to this length are scanned linearly rather than bisected: most nodes sit
 * on single-child chains, and labels are sorted so the scan stops early.
 */
const LINEAR_SCAN_MAX = 8;

/** The child among `count` siblings from `first` whose label is `c`, or 0 when there is none. */
export function childOf(first: number, count: number, nodes: Int32Array, c: number): number {
  let lo = first;
  let hi = first + count;
  if (count <= LINEAR_SCAN_MAX) {
    for (; lo < hi; lo++) {
      const l = nodes[NODE_STRIDE * lo + 1]! & LABEL_MASK;
      if (l >= c) return l === c ? lo : 0;
    }
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const l = nodes[NODE_STRIDE * mid + 1]! & LABEL_MASK;
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}
