/**
 * Scores and thresholds of the matcher, in one place. The policy is "right, or silent":
 * a wrong card costs the reader more than a missing one, so weak evidence stacked on weak
 * evidence falls below `THRESHOLD` and is not shown.
 */

/**
 * Mentions scoring below this are never returned. Chosen with `npm run eval`'s threshold sweep
 * on the development set: dated, precision and recall are flat from 0.5 to 0.75 (recall drops
 * from 0.8, where short aliases backed by context alone, 0.75, go), and no look-alike sentence
 * links at any threshold. 0.7 sits inside that plateau below 0.75, and above the scores where
 * two weak signals stack: a short alias backed only by context in an undated article (0.64),
 * an undated sentence pattern (0.64), a near miss of a bare surname backed only by context (0.6).
 */
export const THRESHOLD = 0.7;

/** A `full` alias: the name identifies the entity on its own. */
export const FULL_SCORE = 1;

/** A `short` alias after a full mention of the same entity earlier on the page: how news prose refers back. */
export const SHORT_SEEN_SCORE = 0.9;

/** A `short` alias with one of the entity's context words nearby but no earlier full mention. */
export const SHORT_CONTEXT_SCORE = 0.75;

/**
 * Multiplies the score of a `full` alias flagged ambiguous that passed the proper-name guard:
 * the bare word is still a little less certain than a full name.
 */
export const AMBIGUOUS_FULL_FACTOR = 0.9;

/**
 * Multiplies the score of a dated event when the article's date is unknown: the date filter
 * could not run. 0.85 keeps full aliases (0.85) and ambiguous ones (0.765) above the threshold
 * but drops a short alias backed only by context (0.64).
 */
export const DATE_UNKNOWN_FACTOR = 0.85;

/**
 * Multiplies the score of a near miss (a name one or two edits from an alias, `near-miss.ts`):
 * a typo is still the name, but less surely than the exact spelling. 0.8 keeps a near miss of
 * a full name with evidence (0.8) above the threshold and drops a near miss of a bare surname
 * backed by context alone (0.6); with an earlier full mention it stays (0.72).
 */
export const NEAR_MISS_FACTOR = 0.8;

/**
 * Distinct context words a near miss needs when the name is not spelled right anywhere else in
 * the text (with the exact name elsewhere, one is enough). One alone is too easy to meet by
 * chance (`Micron` near `French` is not Macron), and so is the exact name alone (`Osama` on a
 * page about Obama); a typo'd name in a news sentence comes with its title and country
 * (`Foreign Minister Sergei Lavorv`).
 */
export const NEAR_MISS_MIN_CUES = 2;

/**
 * An event named by a sentence pattern rather than a label (`event-patterns.ts`): a head noun
 * (`talks`) with several of the event's context words around it (`Geneva`, `January`). As sure
 * as a short alias with context; without an article date it falls below the threshold (0.64),
 * since only the date can tell one round of talks from another.
 */
export const PATTERN_SCORE = 0.75;

/**
 * Distinct context words a sentence pattern needs around its head noun. One (`talks ... January`)
 * describes too many events; two (`talks ... Geneva ... January`) pick one out.
 */
export const PATTERN_MIN_CUES = 2;

/**
 * A context word supports a `short` alias when it starts within this many words before or
 * after the alias's first word. News sentences run 20–25 words, so ±12 words is roughly
 * "the same sentence": `Price` with `State Department` in the clause before, not three
 * paragraphs away.
 */
export const CONTEXT_WINDOW_WORDS = 12;
