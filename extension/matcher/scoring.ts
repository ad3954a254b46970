/**
 * Scores and thresholds of the matcher, in one place. The policy is "right, or silent":
 * a wrong card costs the reader more than a missing one, so weak evidence stacked on weak
 * evidence falls below `THRESHOLD` and is not shown.
 */

/** Mentions scoring below this are never returned. */
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
 * A context word supports a `short` alias when it starts within this many words before or
 * after the alias's first word. News sentences run 20–25 words, so ±12 words is roughly
 * "the same sentence": `Price` with `State Department` in the clause before, not three
 * paragraphs away.
 */
export const CONTEXT_WINDOW_WORDS = 12;
