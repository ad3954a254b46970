/**
 * What every bench calls "flat in the number of aliases" (the target for the matcher and
 * the page): from 1k to 100k aliases, the costliest size costs at most this many times the
 * cheapest. A hundredfold dataset may cost a little more (its structures outgrow the caches),
 * never in proportion. One bar for the node bench, the pipeline bench and the browser bench.
 */
export const FLAT_IN_ALIASES_MAX_RATIO = 1.5;
