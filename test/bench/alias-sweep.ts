/**
 * The sweep over dataset sizes that every bench runs (the 1k to 100k aliases), and what
 * they all call "flat in the number of aliases": the costliest size costs at most
 * `FLAT_IN_ALIASES_MAX_RATIO` times the cheapest. A hundredfold dataset may cost a little more
 * (its structures outgrow the caches), never in proportion. One definition for the node bench,
 * the pipeline bench and the browser bench.
 */

/** Alias counts of the synthetic datasets. */
export const ALIAS_COUNTS = [1_000, 10_000, 100_000];

/** Largest ratio of the costliest to the cheapest size still called flat. */
export const FLAT_IN_ALIASES_MAX_RATIO = 1.5;

/** Text of the page-level sweeps (pipeline and browser benches), in UTF-16 units. */
export const ALIAS_SWEEP_CHARS = 1_000_000;
/** One word in this many starts a name in the page-level sweeps: about one mention per 2.5 KB, a long report's density. */
export const ALIAS_SWEEP_NAME_EVERY = 400;
