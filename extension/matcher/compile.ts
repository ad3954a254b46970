/**
 * Build-time compiler: dataset aliases and entities in, `CompiledMatcher` JSON out.
 * Output depends only on the set of inputs (entities are sorted by id, alias rows by key),
 * so the same dataset always produces byte-identical JSON whatever order it was read in.
 */
import type { AliasSpec, CompiledMatcher, EntitySpec } from './types';
import {
  CASE_ANY,
  CASE_EXACT,
  CASE_PROPER,
  FLAG_AMBIGUOUS,
  FLAG_COMMON,
  FLAG_HAS_LOWER,
  FLAG_SHARED,
  FLAG_SHORT,
  FLAG_SINGLE_WORD,
  FORMAT_VERSION,
  type CompiledEntity,
  type CompiledLayout,
} from './compiled-format';
import { int32sToBase64 } from './base64';
import { earliestDay, latestDay } from './dates';
import { CHILD_COUNT_SHIFT, FIRST_CHILD_MASK, NODE_STRIDE, ROW_CAPS, ROW_ENTITY, ROW_FLAGS, ROW_NODE, ROW_STRIDE, TERMINAL_ALIAS, TERMINAL_CONTEXT, TERMINAL_HEAD, TERMINAL_NOT, TERMINAL_SHIFT } from './load';
import { calendarWords, wordsAfterNames, wordsBeforeNames } from './name-words';
import { abbreviations, hypotheticalWords, phraseOpeners, verbMarkers } from './rule-words';
import { LOWER, SPACE_CODE, UPPER, classOf, isWordUnit, normalize, unitsToString, wordSignature } from './normalize';

/** A surface after normalisation, with what the case policies need to know of its spelling. */
interface NormalizedSurface {
  key: string;
  /** Offsets in `key` whose original character is uppercase. */
  caps: number[];
  hasLower: boolean;
}

/** Normalises one alias or context word exactly as page text will be normalised. */
export function normalizeSurface(surface: string): NormalizedSurface {
  const nt = normalize(surface);
  let from = 0;
  let to = nt.length;
  while (from < to && nt.buf[from] === SPACE_CODE) from++;
  while (to > from && nt.buf[to - 1] === SPACE_CODE) to--;
  const caps: number[] = [];
  let hasLower = false;
  for (let k = from; k < to; k++) {
    const cls = classOf(surface.charCodeAt(nt.orig[k]!));
    if (cls & UPPER) caps.push(k - from);
    if (cls & LOWER) hasLower = true;
  }
  return { key: unitsToString(nt.buf, from, to), caps, hasLower };
}

const CASE_FLAGS: Record<AliasSpec['case'], number> = {
  proper: CASE_PROPER,
  exact: CASE_EXACT,
  any: CASE_ANY,
};

interface AliasRow {
  key: string;
  entity: number;
  flags: number;
  caps: number[];
}

/** Compares strings by UTF-16 code units: locale-independent, hence deterministic. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function validKey(key: string, what: string): string {
  if (key.length === 0) throw new Error(`matcher: ${what} is empty after normalisation`);
  // Matches start only at word starts, so a key that begins with punctuation could never match.
  if (!isWordUnit(key.charCodeAt(0))) {
    throw new Error(`matcher: ${what} must start with a letter or digit`);
  }
  return key;
}

/**
 * Compiles the dataset's aliases and entities into the matcher's JSON form. Run at build
 * time; throws on aliases that point to unknown entities, duplicate entity ids, unreadable
 * dates and surfaces that cannot match.
 */
export function compileMatcher(aliases: AliasSpec[], entities: EntitySpec[]): CompiledMatcher {
  const sorted = [...entities].sort((a, b) => byCodeUnits(a.id, b.id));
  const entityIndex = new Map<string, number>();
  sorted.forEach((e, i) => {
    if (entityIndex.has(e.id)) throw new Error(`matcher: duplicate entity id "${e.id}"`);
    entityIndex.set(e.id, i);
  });

  const rows = aliasRows(aliases, entityIndex);
  const contextKeys = sorted.map((e) =>
    withMonthAbbreviations((e.context ?? []).filter((w) => w.trim() !== '').map((w) => validKey(normalizeSurface(w).key, `context word "${w}" of ${e.id}`))),
  );

  const keysOf = new Map<number, string[]>();
  for (const row of rows) keysOf.set(row.entity, [...(keysOf.get(row.entity) ?? []), row.key]);
  const headKeys = sorted.map((e, i) => (e.type === 'event' ? eventHeads(keysOf.get(i) ?? []) : []));
  const notKeys = notNameKeys(sorted, new Set(rows.map((r) => r.key)));
  const keys = [...rows.map((r) => r.key), ...contextKeys.flat(), ...headKeys.flat(), ...notKeys];
  const trie = buildTrie(keys);

  const placed = rows
    .map((row) => ({ row, node: trie.nodeOf.get(row.key)! }))
    .sort((a, b) => a.node - b.node); // stable: rows keep their sorted order within a node
  const nodesOf = (keys: string[]) => [...new Set(keys.map((k) => trie.nodeOf.get(k)!))].sort((a, b) => a - b);

  markTerminals(trie.nodes, placed.map((p) => p.node), TERMINAL_ALIAS);
  markTerminals(trie.nodes, nodesOf(contextKeys.flat()), TERMINAL_CONTEXT);
  markTerminals(trie.nodes, nodesOf(headKeys.flat()), TERMINAL_HEAD);
  markTerminals(trie.nodes, nodesOf(notKeys), TERMINAL_NOT);

  const compiled: CompiledLayout = {
    formatVersion: FORMAT_VERSION,
    trie: { nodes: int32sToBase64(trie.nodes) },
    aliases: {
      rows: int32sToBase64(matcherRows(placed)),
      capOffsets: int32sToBase64(Int32Array.from(placed.flatMap((p) => p.row.caps))),
    },
    calendarNodes: nodesOf(contextKeys.flat().filter((key) => CALENDAR_KEYS.has(key))),
    nameWords: { before: foldedWords(wordsBeforeNames()), after: foldedWords(wordsAfterNames()) },
    ruleWords: { verbMarkers: foldedWords(verbMarkers()), abbreviations: foldedWords(abbreviations()), hypothetical: foldedWords(hypotheticalWords()), phraseOpeners: foldedWords(phraseOpeners()) },
    firstWords: firstWordSignatures(keys),
    entities: sorted.map((e, i) => compileEntity(e, nodesOf(contextKeys[i]!), nodesOf(headKeys[i]!))),
  };
  return compiled;
}

/**
 * The normalised keys of the entities' phrases that are not names (`EntitySpec.not`). One that
 * spells an alias would silence that alias everywhere: refused.
 */
function notNameKeys(entities: readonly EntitySpec[], aliasKeys: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (const e of entities) {
    for (const phrase of e.not ?? []) {
      const key = validKey(normalizeSurface(phrase).key, `phrase "${phrase}" that is not ${e.id}`);
      if (aliasKeys.has(key)) throw new Error(`matcher: phrase "${phrase}" that is not ${e.id} spells an alias`);
      keys.push(key);
    }
  }
  return keys;
}

/** `calendarWords()`, as keys (they are folded already). */
const CALENDAR_KEYS: ReadonlySet<string> = new Set(calendarWords());

/**
 * The abbreviations news prints for a month before a day (`on Dec. 7`, `Jan. 10`): the months
 * that the AP and Reuters styles shorten, and only those, so `mar` (Spanish and Portuguese for
 * sea) and `jun` never become cues.
 */
const MONTH_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  january: ['jan'],
  february: ['feb'],
  august: ['aug'],
  september: ['sept', 'sep'],
  october: ['oct'],
  november: ['nov'],
  december: ['dec'],
};

/**
 * An entity's context keys with the abbreviations of its months added: "a video call on Dec. 7"
 * names the December call as surely as "in December" does. (A window holding both `December`
 * and `Dec.` counts them as two cues; news rarely writes both within a dozen words.)
 */
function withMonthAbbreviations(keys: string[]): string[] {
  return [...keys, ...keys.flatMap((key) => MONTH_ABBREVIATIONS[key] ?? [])];
}

/** Words folded as page text is, distinct, sorted and joined by spaces (see `CompiledLayout.nameWords` and `ruleWords`). */
function foldedWords(words: readonly string[]): string {
  return [...new Set(words.map((w) => normalizeSurface(w).key))].sort(byCodeUnits).join(' ');
}

/** The distinct signatures of the keys' first words (see `CompiledLayout.firstWords`), ascending. */
function firstWordSignatures(keys: readonly string[]): number[] {
  const signatures = new Set<number>();
  for (const key of keys) {
    let length = 1;
    while (length < key.length && isWordUnit(key.charCodeAt(length))) length++;
    const unit = (k: number) => (k < length ? key.charCodeAt(k) : 0);
    signatures.add(wordSignature(unit(0), unit(1), unit(2), unit(length - 1), length));
  }
  return [...signatures].sort((a, b) => a - b);
}

function aliasRows(aliases: AliasSpec[], entityIndex: Map<string, number>): AliasRow[] {
  const byIdentity = new Map<string, AliasRow>();
  for (const alias of aliases) {
    const entity = entityIndex.get(alias.entity);
    if (entity === undefined) throw new Error(`matcher: alias "${alias.text}" names unknown entity "${alias.entity}"`);
    const surface = normalizeSurface(alias.text);
    const key = validKey(surface.key, `alias "${alias.text}" of ${alias.entity}`);
    const caseFlag = CASE_FLAGS[alias.case ?? 'proper'];
    if (caseFlag === undefined) throw new Error(`matcher: alias "${alias.text}" has unknown case policy "${alias.case}"`);
    if (alias.match !== 'full' && alias.match !== 'short') {
      throw new Error(`matcher: alias "${alias.text}" has unknown match kind "${alias.match}"`);
    }
    const flags =
      (alias.match === 'short' ? FLAG_SHORT : 0) |
      caseFlag |
      (key.includes(' ') ? 0 : FLAG_SINGLE_WORD) |
      (surface.hasLower ? FLAG_HAS_LOWER : 0) |
      (alias.ambiguous ? FLAG_AMBIGUOUS : 0) |
      (alias.common ? FLAG_COMMON : 0);
    const row: AliasRow = { key, entity, flags, caps: caseFlag === CASE_ANY ? [] : surface.caps };
    byIdentity.set(`${key}\u0000${entity}\u0000${flags}\u0000${row.caps.join(',')}`, row);
  }
  const rows = [...byIdentity.entries()].sort((a, b) => byCodeUnits(a[0], b[0])).map(([, row]) => row);

  const entitiesOfKey = new Map<string, Set<number>>();
  for (const row of rows) {
    const set = entitiesOfKey.get(row.key) ?? new Set<number>();
    set.add(row.entity);
    entitiesOfKey.set(row.key, set);
  }
  for (const row of rows) if (entitiesOfKey.get(row.key)!.size > 1) row.flags |= FLAG_SHARED;
  return rows;
}

function compileEntity(e: EntitySpec, context: number[], heads: number[]): CompiledEntity {
  const out: CompiledEntity = { id: e.id };
  if (context.length > 0) out.context = context;
  if (heads.length > 0) out.heads = heads;
  const from = e.announced ?? e.start;
  if (from !== undefined) out.from = earliestDay(from);
  if (e.end !== undefined) out.to = latestDay(e.end);
  return out;
}

/**
 * Nouns that head a descriptive reference to a diplomatic event (RULES.md §6.2: "talks between
 * representatives of the two rivals in Geneva in January", "a virtual meeting last week"). An
 * event takes as heads those of these words that occur in its own aliases (`Geneva talks` →
 * `talks`, `Biden-Putin call` → `call`), so the dataset decides which events can be described.
 */
const EVENT_HEAD_WORDS: ReadonlySet<string> = new Set([
  'talks', 'negotiations', 'meeting', 'meetings', 'call', 'conversation', 'summit', 'session',
]);

/** The head nouns found among the words of an event's normalised alias keys, sorted. */
function eventHeads(keys: string[]): string[] {
  const words = keys.flatMap((k) => k.split(/[ -]/));
  return [...new Set(words.filter((w) => EVENT_HEAD_WORDS.has(w)))].sort();
}

interface BuiltTrie {
  /** `Matcher.nodes` without the terminal bits. */
  nodes: Int32Array;
  /** Node number of every inserted key. */
  nodeOf: Map<string, number>;
}

interface BuildNode {
  children: Map<number, BuildNode>;
  id: number;
}

/**
 * Builds the trie described in `CompiledLayout.trie`, as the matcher holds it (`Matcher.nodes`)
 * but for the terminal bits. Nodes are taken from a stack that starts with the root, and each
 * one's children, numbered next and consecutively in label order, are pushed last first: a
 * chain of single children thus gets consecutive numbers, so a walk down a long name reads
 * neighbouring memory.
 */
function buildTrie(keys: string[]): BuiltTrie {
  const root: BuildNode = { children: new Map(), id: 0 };
  const ends = new Map<string, BuildNode>();
  let count = 1;
  for (const key of keys) {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) {
        next = { children: new Map(), id: -1 };
        node.children.set(c, next);
        count++;
      }
      node = next;
    }
    ends.set(key, node);
  }
  if (count > FIRST_CHILD_MASK + 1) throw new Error(`matcher: ${count} trie nodes, more than the ${FIRST_CHILD_MASK + 1} a node can point to`);

  const nodes = new Int32Array(NODE_STRIDE * count);
  const stack: BuildNode[] = [root];
  let nextId = 1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const edges = [...node.children.entries()].sort((a, b) => a[0] - b[0]);
    if (edges.length > 0) nodes[NODE_STRIDE * node.id] = nextId;
    nodes[NODE_STRIDE * node.id + 1]! |= edges.length << CHILD_COUNT_SHIFT;
    for (const [label, child] of edges) {
      child.id = nextId++;
      nodes[NODE_STRIDE * child.id + 1] = label;
    }
    for (let i = edges.length - 1; i >= 0; i--) stack.push(edges[i]![1]);
  }

  const nodeOf = new Map<string, number>();
  for (const [key, node] of ends) nodeOf.set(key, node.id);
  return { nodes, nodeOf };
}

/** Sets terminal bit `kind` (`TERMINAL_*`) on each of `at` in `nodes`. */
function markTerminals(nodes: Int32Array, at: readonly number[], kind: number): void {
  for (const v of at) nodes[NODE_STRIDE * v]! |= kind << TERMINAL_SHIFT;
}

/**
 * `Matcher.rows` for rows placed on their trie nodes (sorted by node): node, flags, entity and
 * where the row's capitals start in `Matcher.capOffsets`, then a closing row (node -1) that says
 * where the last row's capitals end.
 */
function matcherRows(placed: readonly { row: AliasRow; node: number }[]): Int32Array {
  const rows = new Int32Array(ROW_STRIDE * (placed.length + 1));
  let cap = 0;
  placed.forEach(({ row, node }, a) => {
    const at = ROW_STRIDE * a;
    rows[at + ROW_NODE] = node;
    rows[at + ROW_FLAGS] = row.flags;
    rows[at + ROW_ENTITY] = row.entity;
    rows[at + ROW_CAPS] = cap;
    cap += row.caps.length;
  });
  const closing = ROW_STRIDE * placed.length;
  rows[closing + ROW_NODE] = -1;
  rows[closing + ROW_CAPS] = cap;
  return rows;
}
