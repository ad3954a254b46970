/**
 * The runtime entry point: text in, linked mentions out. Pipeline:
 * normalise (one pass over the code units) → scan (one trie walk per word start) →
 * resolve (rules and scores, in text order) → select (longest wins) → map back to UTF-16 offsets.
 */
import { articleDay } from './dates';
import type { Matcher } from './load';
import { normalize, originalEnd } from './normalize';
import { resolve } from './resolve';
import { scan } from './scan';
import { selectLongest } from './select';
import type { MatchContext, Mention } from './types';

/** `MatchContext` plus the page-level memory of entities already mentioned in full. */
export interface FindContext extends MatchContext {
  /**
   * Entity ids mentioned in full earlier on the page. Read, and updated with this text's full
   * mentions, so a page scanned in chunks (or paragraphs added later) still links `short`
   * aliases after a full mention in an earlier chunk. Pass the same set for the whole page.
   * A full name counts even where a longer overlapping name is the one returned: the reader saw it.
   */
  seen?: Set<string>;
}

/**
 * Finds the dataset's names in `text`: sorted by start, non-overlapping, with UTF-16
 * offsets into `text` and scores of at least `THRESHOLD`. `context.lang` is not used yet:
 * aliases are matched in every language, and the case rules assume English capitalisation
 * (on German pages, where every noun is capitalised, they err towards silence).
 */
export function findMentions(text: string, matcher: Matcher, context: FindContext = {}): Mention[] {
  const nt = normalize(text);
  const { candidates, hits } = scan(nt, matcher);
  // Seam for near-miss matching (fuse.js, a later task): a fuzzy stage would add its own
  // candidates here, flagged as near misses with a lower base score, for the same rules,
  // threshold and selection to judge. Exact candidates come first and win ties.
  const accepted = resolve(candidates, {
    nt,
    text,
    matcher,
    hits,
    day: articleDay(context.date),
    seen: context.seen ?? new Set(),
  });
  return selectLongest(accepted).map((a) => ({
    start: nt.orig[a.start]!,
    end: originalEnd(text, nt.orig[a.end - 1]!),
    entity: matcher.entities[a.entity]!.id,
    score: a.score,
  }));
}
