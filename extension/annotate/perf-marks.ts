/**
 * Leaves Backstory's main-thread work on the page's performance timeline, so
 * the browser benchmark (test/bench/browser/) can add up what the extension
 * costs, find its longest task and tell when highlights were painted. User
 * Timing entries live on the window's own timeline, which the page's realm
 * reads too (`performance.getEntriesByName`). Capped: entries are kept until
 * cleared, and a page open for hours must not grow without bound.
 */

/** Entries recorded per page at most; the first scan of even a 5 MB page needs far fewer. */
export const MAX_PERF_ENTRIES = 2_000;

/** Mark: the content script's `main()` begins (before it reads its settings). */
export const START_MARK = 'backstory:start';
/** Measure: the pack parsed and the matcher loaded, ready to scan. */
export const PACK_MEASURE = 'backstory:pack';
/** Measure: a whole session set up (pack, annotator, hover, card host). */
export const SETUP_MEASURE = 'backstory:setup';
/** Measure: one slice of main-thread work between two yields. */
export const SLICE_MEASURE = 'backstory:slice';
/** Mark: the mentions of the blocks in view at start are painted. */
export const VIEWPORT_MARK = 'backstory:viewport';
/** Mark: a pass over the whole page is painted. */
export const PAINTED_MARK = 'backstory:painted';
/** Mark: a pass over changed blocks is painted. */
export const RESCANNED_MARK = 'backstory:rescanned';

/** The kinds of pass the annotator reports when it has painted. */
export type PassKind = 'viewport' | 'full' | 'rescan';

const PASS_MARKS: Readonly<Record<PassKind, string>> = {
  viewport: VIEWPORT_MARK,
  full: PAINTED_MARK,
  rescan: RESCANNED_MARK,
};

let recorded = 0;

function room(): boolean {
  if (recorded >= MAX_PERF_ENTRIES) return false;
  recorded += 1;
  return true;
}

/** Marks the start of the content script's work on this page. */
export function markStart(): void {
  if (room()) performance.mark(START_MARK);
}

/** Records the time the pack took to be parsed and loaded. */
export function recordPackReady(start: number, end: number): void {
  if (room()) performance.measure(PACK_MEASURE, { start, end });
}

/** Records the time a session took to set up. */
export function recordSetup(start: number, end: number): void {
  if (room()) performance.measure(SETUP_MEASURE, { start, end });
}

/** Records one slice of work that ran from `start` to `end` (performance.now() times). */
export function recordSlice(start: number, end: number): void {
  if (room()) performance.measure(SLICE_MEASURE, { start, end });
}

/** Marks that a pass of the given kind has painted its mentions. */
export function recordPass(kind: PassKind): void {
  if (room()) performance.mark(PASS_MARKS[kind]);
}
