/**
 * Hydrates the compiled JSON into typed arrays, once per content-script start. Linear in the
 * number of trie nodes with no per-node objects, so ~5k aliases load in well under a millisecond.
 */
import type { CompiledMatcher } from './types';
import { CHILD_COUNT_BASE, FORMAT_VERSION, type CompiledEntity, type CompiledLayout } from './compiled-format';
import { buildWordFilter, isWordUnit, wordSignature, type WordFilter } from './normalize';

/** Number of distinct UTF-16 code units: the size of the dense root transition table. */
const CODE_UNITS = 0x10000;

/** `Matcher.terminal` bit: an alias ends at the node. */
export const TERMINAL_ALIAS = 1;
/** `Matcher.terminal` bit: a context word ends at the node. */
export const TERMINAL_CONTEXT = 2;
/** `Matcher.terminal` bit: an event head noun ends at the node. */
export const TERMINAL_HEAD = 4;

/**
 * The scanner's ready-to-run form of a `CompiledMatcher`. Its fields are an implementation
 * detail of `extension/matcher/`; other modules only pass it to `findMentions`.
 */
export interface Matcher {
  /** `label[v]`: the normalised unit on the edge into node v. */
  readonly label: Uint16Array;
  /** First child of each node (children are consecutive and sorted by label). */
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  /** Dense transitions out of the root, indexed by code unit; 0 means none. */
  readonly rootChild: Int32Array;
  /** For each node, 1 + the first alias row ending there, or 0. */
  readonly firstAlias: Int32Array;
  /** For each node, `TERMINAL_*` bits: whether an alias, a context word or an event head ends there. */
  readonly terminal: Uint8Array;
  readonly aliasNode: Int32Array;
  readonly aliasEntity: Int32Array;
  readonly aliasFlags: Int32Array;
  /** Offsets of the uppercase units of alias row `a`: `capOffsets[capsStart[a], capsStart[a + 1])`. */
  readonly capsStart: Int32Array;
  readonly capOffsets: Int32Array;
  readonly entities: CompiledEntity[];
  /** For each context-word node, the events with head nouns that list it: where sentence patterns look. */
  readonly describableByContext: ReadonlyMap<number, readonly number[]>;
  /**
   * For each pair of context-word nodes (`pairKey`), the events with head nouns that list both:
   * the only events a sentence pattern (two cues or more) can name, found without walking the
   * long per-word lists of `describableByContext` (thousands of events share a month or a city).
   */
  readonly describableByPair: ReadonlyMap<number, readonly number[]>;
  /** Number of trie nodes, the radix of `pairKey`. */
  readonly nodeCount: number;
  /** The first words of every trie key (see `firstWordFilter`): `normalize` picks out the words the scanner starts from. */
  readonly firstWords: WordFilter;
}

/**
 * Bits per first word in `Matcher.firstWords`. A word that starts no key passes the filter with
 * a probability of about 1 / this (a false pass costs one trie step); 32 keeps the set small
 * enough to stay in cache (8 KB for the real pack, 256 KB for 64k first words).
 */
const FIRST_WORD_FILTER_BITS = 32;

/** Key of the unordered pair of nodes `a`, `b` in `Matcher.describableByPair`. */
export function pairKey(m: Pick<Matcher, 'nodeCount'>, a: number, b: number): number {
  return a < b ? a * m.nodeCount + b : b * m.nodeCount + a;
}

/** Turns compiled matcher JSON into a `Matcher`; throws on an unknown format version. */
export function loadMatcher(compiled: CompiledMatcher): Matcher {
  if (compiled.formatVersion !== FORMAT_VERSION) {
    throw new Error(`matcher: compiled format ${compiled.formatVersion}, expected ${FORMAT_VERSION}; rebuild the pack`);
  }
  const { trie, aliases, contextNodes, headNodes, entities } = compiled as CompiledLayout;
  const nodes = trie.childCounts.length;

  const label = new Uint16Array(nodes);
  for (let v = 1; v < nodes; v++) label[v] = trie.labels.charCodeAt(v - 1);

  const firstChild = new Int32Array(nodes);
  const childCount = new Int32Array(nodes);
  let next = 1;
  for (let v = 0; v < nodes; v++) {
    const count = trie.childCounts.charCodeAt(v) - CHILD_COUNT_BASE;
    childCount[v] = count;
    firstChild[v] = next;
    next += count;
  }

  const rootChild = new Int32Array(CODE_UNITS);
  for (let v = firstChild[0]!, end = v + childCount[0]!; v < end; v++) rootChild[label[v]!] = v;

  const aliasNode = Int32Array.from(aliases.node);
  const firstAlias = new Int32Array(nodes);
  const terminal = new Uint8Array(nodes);
  for (let a = aliasNode.length - 1; a >= 0; a--) {
    firstAlias[aliasNode[a]!] = a + 1;
    terminal[aliasNode[a]!] = TERMINAL_ALIAS;
  }
  for (const v of contextNodes) terminal[v]! |= TERMINAL_CONTEXT;
  for (const v of headNodes) terminal[v]! |= TERMINAL_HEAD;
  const firstWords = firstWordFilter(label, firstChild, childCount, terminal);

  return {
    label,
    firstChild,
    childCount,
    rootChild,
    firstAlias,
    terminal,
    aliasNode,
    aliasEntity: Int32Array.from(aliases.entity),
    aliasFlags: Int32Array.from(aliases.flags),
    ...flattenCaps(aliases.caps),
    entities,
    describableByContext: describableByContext(entities),
    describableByPair: describableByPair(entities, nodes),
    nodeCount: nodes,
    firstWords,
  };
}

/** The rows' uppercase offsets in two typed arrays: one small array per row cost a cache miss per judged row. */
function flattenCaps(caps: readonly (readonly number[])[]): { capsStart: Int32Array; capOffsets: Int32Array } {
  const capsStart = new Int32Array(caps.length + 1);
  for (let a = 0; a < caps.length; a++) capsStart[a + 1] = capsStart[a]! + caps[a]!.length;
  const capOffsets = new Int32Array(capsStart[caps.length]!);
  for (let a = 0; a < caps.length; a++) capOffsets.set(caps[a]!, capsStart[a]!);
  return { capsStart, capOffsets };
}

/**
 * The scanner's pre-filter: a one-hash Bloom filter of the signatures (`wordSignature`: first
 * three units and length) of the first word of every key in the trie, its units up to the
 * first that is not a word unit. `normalize` signs every word of a text as it folds it and
 * lists those that pass, so the scanner walks the trie only from words that may start a key
 * (one in eleven of the bench's synthetic prose, one in four of real news pages) instead of
 * from every word.
 */
function firstWordFilter(label: Uint16Array, firstChild: Int32Array, childCount: Int32Array, terminal: Uint8Array): WordFilter {
  const signatures: number[] = [];
  // Depth-first over the word units that open keys: node, depth, and the path's first three units.
  const stack: number[] = [];
  for (let v = firstChild[0]!, end = v + childCount[0]!; v < end; v++) {
    if (isWordUnit(label[v]!)) stack.push(v, 1, label[v]!, 0, 0);
  }
  while (stack.length > 0) {
    const u2 = stack.pop()!;
    const u1 = stack.pop()!;
    const u0 = stack.pop()!;
    const depth = stack.pop()!;
    const node = stack.pop()!;
    let endsWord = terminal[node] !== 0;
    for (let v = firstChild[node]!, end = v + childCount[node]!; v < end; v++) {
      const c = label[v]!;
      if (!isWordUnit(c)) endsWord = true;
      else stack.push(v, depth + 1, u0, depth === 1 ? c : u1, depth === 2 ? c : u2);
    }
    if (endsWord) signatures.push(wordSignature(u0, u1, u2, depth));
  }
  return buildWordFilter(signatures, FIRST_WORD_FILTER_BITS);
}

function describableByPair(entities: readonly CompiledEntity[], nodeCount: number): Map<number, number[]> {
  const map = new Map<number, number[]>();
  entities.forEach((e, index) => {
    if (!e.heads || !e.context) return;
    const words = e.context;
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const key = pairKey({ nodeCount }, words[i]!, words[j]!);
        const list = map.get(key);
        if (list) list.push(index);
        else map.set(key, [index]);
      }
    }
  });
  return map;
}

function describableByContext(entities: readonly CompiledEntity[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  entities.forEach((e, index) => {
    if (!e.heads) return;
    for (const word of e.context ?? []) {
      const list = map.get(word);
      if (list) list.push(index);
      else map.set(word, [index]);
    }
  });
  return map;
}
