/**
 * The runtime entry point: text in, linked mentions out. Pipeline:
 * normalise (one pass over the code units) → scan (one trie walk per word start) → drop the
 * candidates inside phrases that are not names (`EntitySpec.not`) → resolve exact candidates
 * (rules and scores, in text order) → near misses of the capitalised words left over
 * (`near-miss.ts`) → event sentence patterns (`event-patterns.ts`) → select (longest wins) →
 * map back to UTF-16 offsets.
 */
import { articleDay } from './dates';
import { findPatternMentions } from './event-patterns';
import type { Matcher } from './load';
import { findNearMisses } from './near-miss';
import { normalize, originalEnd, type NormalizedText } from './normalize';
import { NAME_END, NAME_START, type NameEdges } from './proper-name';
import { resolve, type Accepted, type SeenEntities } from './resolve';
import { scan, type Candidate, type ContextHit } from './scan';
import { NEAR_MISS_MIN_CUES, THRESHOLD } from './scoring';
import { selectLongest } from './select';
import type { MatchContext, Mention } from './types';

/** `MatchContext` plus the page-level memory of what was already linked. */
export interface FindContext extends MatchContext {
  /**
   * Entity ids mentioned in full earlier on the page. Read, and updated with this text's full
   * mentions, so a page scanned in chunks (or paragraphs added later) still links `short`
   * aliases after a full mention in an earlier chunk. Pass the same set for the whole page.
   * A full name counts even where a longer overlapping name is the one returned: the reader saw it.
   * Only ever add to it, or clear it: the matcher mirrors it and reads only what was added.
   */
  seen?: Set<string>;
  /**
   * Entity ids linked in any way earlier on the page, updated with this text's mentions. Events
   * named by a sentence pattern are linked only at their first reference on the page.
   */
  mentioned?: Set<string>;
  /**
   * Lowest score returned; `THRESHOLD` unless a tuning tool (`npm run eval`) sweeps it.
   * The extension never sets it.
   */
  threshold?: number;
}

/**
 * Finds the dataset's names in `text`: sorted by start, non-overlapping, with UTF-16
 * offsets into `text` and scores of at least `THRESHOLD`. `context.lang` is not used yet:
 * aliases are matched in every language, and the case rules assume English capitalisation
 * (on German pages, where every noun is capitalised, they err towards silence).
 */
export function findMentions(text: string, matcher: Matcher, context: FindContext = {}): Mention[] {
  const nt = normalize(text, matcher.firstWords);
  const scanned = scan(nt, matcher);
  const { hits, heads, notNames } = scanned;
  const candidates = notNames.length === 0 ? scanned.candidates : outside(scanned.candidates, notNames);
  const day = articleDay(context.date);
  const threshold = context.threshold ?? THRESHOLD;
  // Without the caller's sets the page's memory ends with the call: nothing is kept for later.
  const mentioned = context.mentioned ?? new Set<string>();
  const edges = markNameEdges(nt, candidates);
  const seenIds = context.seen;
  const seen = seenIds ? recallSeen(matcher, seenIds) : unseen(matcher);
  let exact: Accepted[];
  let nearMisses: Accepted[];
  let coveredWords: Uint8Array;
  try {
    const input = { nt, text, matcher, hits, day, threshold, seen, edges };
    exact = resolve(candidates, input);
    coveredWords = wordsCovered(nt, exact);
    // A near miss needs one context word if its entity was named in full, else two.
    const namedInFull = (seenIds?.size ?? 0) > 0 || seen.added.length > 0;
    nearMisses = resolve(findNearMisses(nt, text, matcher, coveredWords, hits, namedInFull ? 1 : NEAR_MISS_MIN_CUES), input);
  } finally {
    clearNameEdges(edges, candidates);
    if (seenIds) rememberSeen(matcher, seen, seenIds);
    else forget(seen);
  }
  const described = findPatternMentions({ nt, matcher, hits, heads, day, threshold, coveredWords, firstMention: firstMentions(exact), mentioned });

  const accepted = [...exact, ...nearMisses, ...described].sort((a, b) => a.start - b.start || a.end - b.end);
  return selectLongest(accepted).map((a) => {
    const entity = matcher.entities[a.entity]!.id;
    context.mentioned?.add(entity);
    return { start: nt.orig[a.start]!, end: originalEnd(text, nt.orig[a.end - 1]!), entity, score: a.score };
  });
}

/**
 * Scratch space of the name edges, reused across calls (like the normaliser's buffers) and kept
 * all zero between them: each call clears the bytes it set, so no call pays for the whole text.
 */
let edgeScratch = new Uint8Array(4096);

/** Where alias candidates start and end: a capitalised neighbour there is a name, not glue. */
function markNameEdges(nt: NormalizedText, candidates: readonly Candidate[]): NameEdges {
  if (edgeScratch.length < nt.length + 1) edgeScratch = new Uint8Array(Math.max(nt.length + 1, edgeScratch.length * 2));
  const edges = edgeScratch;
  for (const c of candidates) {
    edges[c.start]! |= NAME_START;
    edges[c.end]! |= NAME_END;
  }
  return edges;
}

/** Undoes `markNameEdges`. */
function clearNameEdges(edges: NameEdges, candidates: readonly Candidate[]): void {
  for (const c of candidates) {
    edges[c.start] = 0;
    edges[c.end] = 0;
  }
}

/**
 * Entity bytes for a call that keeps no memory of the page (no `FindContext.seen`), reused
 * across calls and all zero between them: `forget` clears what a call set, so a call pays
 * neither for a set of ids nor for a byte per entity of the dataset.
 */
let unseenBits = new Uint8Array(0);

function unseen(m: Matcher): SeenEntities {
  if (unseenBits.length < m.entities.length) unseenBits = new Uint8Array(m.entities.length);
  return { bits: unseenBits, added: [] };
}

/** Undoes a call's full mentions in `unseenBits`. */
function forget(seen: SeenEntities): void {
  for (const entity of seen.added) seen.bits[entity] = 0;
}

/** A `FindContext.seen` set as one byte per entity of `matcher`, and how many of its ids that holds. */
interface SeenMirror {
  matcher: Matcher;
  bits: Uint8Array;
  synced: number;
}

/**
 * The byte mirrors of the page's `seen` sets. A page passes one set to every call (a piece, a
 * window, an added paragraph), and the set only grows: a call looks up only the ids added
 * since the last one (none, when only calls added them), not the whole set again.
 */
const mirrors = new WeakMap<Set<string>, SeenMirror>();

/** The page's memory of full mentions (`FindContext.seen`) as bits, brought up to date with the set. */
function recallSeen(m: Matcher, ids: Set<string>): SeenEntities {
  let mirror = mirrors.get(ids);
  // A set that shrank (cleared for a new page) is mirrored afresh.
  if (!mirror || mirror.matcher !== m || ids.size < mirror.synced) {
    mirror = { matcher: m, bits: new Uint8Array(m.entities.length), synced: 0 };
    mirrors.set(ids, mirror);
  }
  if (ids.size > mirror.synced) {
    // Sets iterate in insertion order: the first `synced` ids are mirrored already.
    let k = 0;
    for (const id of ids) {
      if (k++ < mirror.synced) continue;
      const entity = entityIndex(m, id);
      if (entity >= 0) mirror.bits[entity] = 1;
    }
    mirror.synced = ids.size;
  }
  return { bits: mirror.bits, added: [] };
}

/** Adds this text's new full mentions (already in the bits) to the page's memory. */
function rememberSeen(m: Matcher, seen: SeenEntities, ids: Set<string>): void {
  for (const entity of seen.added) ids.add(m.entities[entity]!.id);
  mirrors.get(ids)!.synced = ids.size;
}

/** Index of the entity with this id, or -1: the entities are sorted by id (in code-unit order, as `<` compares). */
function entityIndex(m: Matcher, id: string): number {
  let lo = 0;
  let hi = m.entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = m.entities[mid]!.id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** 1 for every word an accepted mention touches (`accepted` is sorted by start). */
function wordsCovered(nt: NormalizedText, accepted: readonly Accepted[]): Uint8Array {
  const covered = new Uint8Array(nt.wordCount);
  let w = 0;
  for (const a of accepted) {
    while (w + 1 < nt.wordCount && nt.wordStarts[w + 1]! <= a.start) w++;
    for (let k = w; k < nt.wordCount && nt.wordStarts[k]! < a.end; k++) covered[k] = 1;
  }
  return covered;
}

/**
 * The candidates that no phrase that is not a name (`notNames`) contains: `Sherman` in
 * `Sherman tank` is dropped, `Lloyd Austin` in `Lloyd Austin, Texas ...` kept. Both lists are
 * sorted by start; a candidate is inside when a phrase starting at or before it reaches its end.
 */
function outside(candidates: readonly Candidate[], notNames: readonly ContextHit[]): Candidate[] {
  const kept: Candidate[] = [];
  let next = 0;
  let reach = -1;
  for (const c of candidates) {
    for (; next < notNames.length && notNames[next]!.start <= c.start; next++) reach = Math.max(reach, notNames[next]!.end);
    if (c.end > reach) kept.push(c);
  }
  return kept;
}

/** Normalised start of the first accepted mention of each entity. */
function firstMentions(accepted: readonly Accepted[]): Map<number, number> {
  const first = new Map<number, number>();
  for (const a of accepted) if (!first.has(a.entity)) first.set(a.entity, a.start);
  return first;
}
