/**
 * Hydrates the compiled JSON into typed arrays, once per content-script start. The trie comes
 * ready to use (decoded natively from base64, `base64.ts`); what is left is linear in the alias
 * rows and the entities, with no per-node work.
 */
import type { CompiledMatcher } from './types';
import { int32sFromBase64 } from './base64';
import { FORMAT_VERSION, type CompiledEntity, type CompiledLayout } from './compiled-format';
import { NO_DAY } from './dates';
import { buildWordFilter, type WordFilter } from './normalize';
import type { NameWords } from './proper-name';
import type { RuleWords } from './rule-words';

/** Number of distinct UTF-16 code units: the size of the dense root transition table. */
const CODE_UNITS = 0x10000;

/** Terminal bit of a node (see `Matcher.nodes`): an alias ends at the node. */
export const TERMINAL_ALIAS = 1;
/** Terminal bit of a node: a context word ends at the node. */
export const TERMINAL_CONTEXT = 2;
/** Terminal bit of a node: an event head noun ends at the node. */
export const TERMINAL_HEAD = 4;
/** Terminal bit of a node: a phrase that is not a name ends at the node (`EntitySpec.not`). */
export const TERMINAL_NOT = 8;
/** Entries per node in `Matcher.nodes`: first child and terminal bits; edge label and child count. */
export const NODE_STRIDE = 2;
/** A node's first child, in its first `Matcher.nodes` entry. */
export const FIRST_CHILD_MASK = (1 << 24) - 1;
/** Where a node's terminal bits sit in its first `Matcher.nodes` entry, above the first child. */
export const TERMINAL_SHIFT = 24;
/** A node's edge label, in its second `Matcher.nodes` entry. */
export const LABEL_MASK = 0xffff;
/** Where a node's child count sits in its second `Matcher.nodes` entry, above the label. */
export const CHILD_COUNT_SHIFT = 16;
/** Entries per alias row in `Matcher.rows`, at these offsets: its node, flags, entity, first uppercase offset. */
export const ROW_STRIDE = 4;
export const ROW_NODE = 0;
export const ROW_FLAGS = 1;
export const ROW_ENTITY = 2;
export const ROW_CAPS = 3;

/**
 * The scanner's ready-to-run form of a `CompiledMatcher`. Its fields are an implementation
 * detail of `extension/matcher/`; other modules only pass it to `findMentions`.
 */
export interface Matcher {
  /**
   * Two entries per node v (`NODE_STRIDE`), 8 bytes, so that a walk down a name reads few cache
   * lines and a 10k-alias trie (97,000 nodes) fits a core's 1 MB L2 cache, where 14 bytes per
   * node in two arrays did not (measured on the bench's 100k-alias trie: the walk's cost is its
   * cache misses). `nodes[2v]`: its first child (`FIRST_CHILD_MASK`; children are consecutive and
   * sorted by label) and its `TERMINAL_*` bits above `TERMINAL_SHIFT`. `nodes[2v + 1]`: the
   * normalised unit on the edge into v (`LABEL_MASK`) and its child count above
   * `CHILD_COUNT_SHIFT`. The search among a node's children thus loads the lines that the next
   * step reads.
   */
  readonly nodes: Int32Array;
  /** Per node, 1 + its first alias row, or 0: read once per candidate, not at every step. */
  readonly firstRow: Int32Array;
  /** Dense transitions out of the root, indexed by code unit; 0 means none. */
  readonly rootChild: Int32Array;
  /**
   * `ROW_STRIDE` entries per alias row (rows of a node are consecutive, sorted by entity): node,
   * flags, entity index, and where its uppercase offsets start in `capOffsets` (they end where
   * the next row's start; a last, empty row closes the list).
   */
  readonly rows: Int32Array;
  /** Number of alias rows (not counting the closing one). */
  readonly rowCount: number;
  /** Offsets of the uppercase units of each alias row (see `rows`). */
  readonly capOffsets: Int32Array;
  readonly entities: CompiledEntity[];
  /**
   * Two per entity: its first and last day (`CompiledEntity.from`, `to`), `NO_DAY` where it has
   * none. The rules read them for every alias row they judge: from one typed array, where the
   * entity objects would cost a cache miss each on a large dataset.
   */
  readonly days: Int32Array;
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
  /**
   * The scanner's pre-filter: a Bloom filter of the signatures (`wordSignature`: first three
   * units, last unit and length) of the first word of every key. `normalize` signs every word of a text
   * and lists those that pass, so the scanner walks the trie only from words that may start a
   * key (one in ten to twelve of the bench's synthetic prose, one in three of the fixture articles) instead
   * of from every word.
   */
  readonly firstWords: WordFilter;
  /** The proper-name guard's words (`CompiledLayout.nameWords`). */
  readonly nameWords: NameWords;
  /** The other rules' words (`CompiledLayout.ruleWords`). */
  readonly ruleWords: RuleWords;
  /**
   * Context words that are days or months (`CompiledLayout.calendarNodes`): they say when, not
   * who, so alone they are no evidence for a short alias ("a video call in December" may be
   * anyone's); the sentence patterns count them.
   */
  readonly calendarNodes: ReadonlySet<number>;
}

/**
 * Bits per first word in `Matcher.firstWords`. A word that starts no key passes the filter with
 * a probability of about 1 / this (a false pass costs one trie step); 32 keeps the set small
 * enough to stay in cache (8 KB for the real pack, 256 KB for 64k first words).
 */
const FIRST_WORD_FILTER_BITS = 32;

/**
 * Whether an alias row ending at trie node `node` passes `test` (its flags and entity index).
 * For the rare look-ups off the scanner's path; `resolve.ts` walks a candidate's rows itself.
 */
export function someRowAt(m: Matcher, node: number, test: (flags: number, entity: number) => boolean): boolean {
  const { rows } = m;
  for (let a = m.firstRow[node]! - 1; a >= 0 && rows[ROW_STRIDE * a + ROW_NODE] === node; a++) {
    if (test(rows[ROW_STRIDE * a + ROW_FLAGS]!, rows[ROW_STRIDE * a + ROW_ENTITY]!)) return true;
  }
  return false;
}

/** Key of the unordered pair of nodes `a`, `b` in `Matcher.describableByPair`. */
export function pairKey(m: Pick<Matcher, 'nodeCount'>, a: number, b: number): number {
  return a < b ? a * m.nodeCount + b : b * m.nodeCount + a;
}

/** Turns compiled matcher JSON into a `Matcher`; throws on an unknown format version. */
export function loadMatcher(compiled: CompiledMatcher): Matcher {
  if (compiled.formatVersion !== FORMAT_VERSION) {
    throw new Error(`matcher: compiled format ${compiled.formatVersion}, expected ${FORMAT_VERSION}; rebuild the pack`);
  }
  const { trie, aliases, calendarNodes, firstWords, nameWords, ruleWords, entities } = compiled as CompiledLayout;
  // The compiler built the nodes as the matcher holds them, terminal bits included.
  const nodeInfo = int32sFromBase64(trie.nodes);
  const nodes = nodeInfo.length / NODE_STRIDE;

  const rootChild = new Int32Array(CODE_UNITS);
  for (let v = nodeInfo[0]!, end = v + (nodeInfo[1]! >>> CHILD_COUNT_SHIFT); v < end; v++) rootChild[nodeInfo[NODE_STRIDE * v + 1]! & LABEL_MASK] = v;

  const rows = int32sFromBase64(aliases.rows);
  const rowCount = rows.length / ROW_STRIDE - 1;
  const firstRow = new Int32Array(nodes);
  for (let a = rowCount - 1; a >= 0; a--) firstRow[rows[ROW_STRIDE * a + ROW_NODE]!] = a + 1;

  return {
    nodes: nodeInfo,
    firstRow,
    rootChild,
    rows,
    capOffsets: int32sFromBase64(aliases.capOffsets),
    rowCount,
    entities,
    days: entityDays(entities),
    describableByContext: describableByContext(entities),
    describableByPair: describableByPair(entities, nodes),
    nodeCount: nodes,
    firstWords: buildWordFilter(firstWords, FIRST_WORD_FILTER_BITS),
    nameWords: { before: wordSet(nameWords.before), after: wordSet(nameWords.after) },
    calendarNodes: new Set(calendarNodes),
    ruleWords: {
      verbMarkers: wordSet(ruleWords.verbMarkers),
      abbreviations: wordSet(ruleWords.abbreviations),
      hypothetical: wordSet(ruleWords.hypothetical),
      phraseOpeners: wordSet(ruleWords.phraseOpeners),
    },
  };
}

/** A word list of the compiled layout (words joined by spaces) as a set. */
function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}

function entityDays(entities: readonly CompiledEntity[]): Int32Array {
  const days = new Int32Array(2 * entities.length);
  for (let i = 0; i < entities.length; i++) {
    days[2 * i] = entities[i]!.from ?? NO_DAY;
    days[2 * i + 1] = entities[i]!.to ?? NO_DAY;
  }
  return days;
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
