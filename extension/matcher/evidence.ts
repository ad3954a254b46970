/**
 * Context evidence: an entity's context words found near a position in the text. Used for
 * `short` aliases and near misses (one word is enough) and for event sentence patterns
 * (several distinct words are needed).
 */
import type { ContextHit } from './scan';
import { CONTEXT_WINDOW_WORDS as importedCONTEXT_WINDOW_WORDS } from './scoring';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const CONTEXT_WINDOW_WORDS = importedCONTEXT_WINDOW_WORDS;

/** The span that looks for support: its normalised offsets and the index of its first word. */
export interface Anchor {
  start: number;
  end: number;
  word: number;
}

/** Index of the first hit whose word is at or after `word` (hits are sorted by word). */
function firstHitFrom(hits: readonly ContextHit[], word: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid]!.word < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many hits fall within `CONTEXT_WINDOW_WORDS` words of any word from `first` to `last`
 * (hits on those words included): a cheap upper bound of the evidence an anchor among those
 * words can find.
 */
export function hitsNearWords(hits: readonly ContextHit[], first: number, last: number): number {
  return firstHitFrom(hits, last + CONTEXT_WINDOW_WORDS + 1) - firstHitFrom(hits, first - CONTEXT_WINDOW_WORDS);
}

/** The hits within `CONTEXT_WINDOW_WORDS` words of the anchor that do not overlap it. */
export function* hitsAround(hits: readonly ContextHit[], anchor: Anchor): Generator<ContextHit> {
  const highest = anchor.word + CONTEXT_WINDOW_WORDS;
  for (let i = firstHitFrom(hits, anchor.word - CONTEXT_WINDOW_WORDS); i < hits.length && hits[i]!.word <= highest; i++) {
    const hit = hits[i]!;
    if (hit.start >= anchor.end || hit.end <= anchor.start) yield hit;
  }
}

/**
 * How many distinct context words of an entity occur within `CONTEXT_WINDOW_WORDS` of the
 * anchor, outside it, not counting those in `skip`; counting stops at `enough`.
 */
export function contextCount(hits: readonly ContextHit[], context: readonly number[] | undefined, anchor: Anchor, enough: number, skip?: ReadonlySet<number>): number {
  if (!context || hits.length === 0) return 0;
  // A plain loop rather than `hitsAround`: this runs for every short alias, and allocates nothing.
  const highest = anchor.word + CONTEXT_WINDOW_WORDS;
  const found: number[] = [];
  for (let i = firstHitFrom(hits, anchor.word - CONTEXT_WINDOW_WORDS); i < hits.length && hits[i]!.word <= highest; i++) {
    const hit = hits[i]!;
    const outside = hit.start >= anchor.end || hit.end <= anchor.start;
    if (outside && context.includes(hit.node) && !found.includes(hit.node) && !skip?.has(hit.node)) {
      found.push(hit.node);
      if (found.length >= enough) break;
    }
  }
  return found.length;
}
