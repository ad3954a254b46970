/**
 * Leaves Backstory's main-thread work on the page's performance timeline, as
 * `backstory:slice` measures, so the browser benchmark can add up what the
 * extension costs and find its longest task. Capped: User Timing entries are
 * kept until cleared, and a page open for hours must not grow without bound.
 */

/** Measures recorded per page at most; the first scan of even a 5 MB page needs far fewer. */
export const MAX_SLICE_MEASURES = 2_000;

/** Name of the measures, as the benchmark reads them with `performance.getEntriesByName`. */
export const SLICE_MEASURE = 'backstory:slice';

let recorded = 0;

/** Records one slice of work that ran from `start` to `end` (performance.now() times). */
export function recordSlice(start: number, end: number): void {
  if (recorded >= MAX_SLICE_MEASURES) return;
  recorded += 1;
  performance.measure(SLICE_MEASURE, { start, end });
}
