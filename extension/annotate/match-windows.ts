/**
 * Splits a long text into overlapping windows for the matcher, so that one
 * giant text node (a 5 MB log, a pasted book) is matched a window at a time
 * with the main thread free in between, and no name is lost at a cut.
 */

/**
 * Longest text handed to the matcher at once: about a third of a millisecond
 * of matching at the matcher's measured speed, far inside a slice's budget.
 */
export const MATCH_WINDOW_CHARS = 64_000;

/**
 * How far windows overlap. The hand-over point lies in the first half of the
 * overlap, and half of it is longer than any alias, so a name that starts
 * before a window's hand-over point always ends inside that window.
 */
export const WINDOW_OVERLAP_CHARS = 512;

/** A window of the text and the part of it whose mentions it owns. */
export interface MatchWindow {
  /** Window `[start, end)` of the whole text, handed to the matcher. */
  start: number;
  end: number;
  /** Mentions starting in `[start, ownEnd)` belong to this window; later ones to the next. */
  ownEnd: number;
}

/**
 * The windows covering `text`; a short text is one window. Hand-over points
 * fall on whitespace, so no window starts in the middle of a word (where the
 * tail of "Sukraine" could pass for a name).
 */
export function matchWindows(text: string, size = MATCH_WINDOW_CHARS, overlap = WINDOW_OVERLAP_CHARS): MatchWindow[] {
  const length = text.length;
  const windows: MatchWindow[] = [];
  for (let start = 0; start < length; ) {
    const end = Math.min(length, start + size);
    const ownEnd = end === length ? length : handOver(text, end - overlap, end - overlap / 2);
    windows.push({ start, end, ownEnd });
    start = ownEnd;
  }
  return windows;
}

/** The first position after whitespace in `[from, limit)`, or `from` in a text without any. */
function handOver(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) return i + 1;
  }
  return from;
}
