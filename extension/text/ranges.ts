/**
 * Maps offsets in an extracted text back to DOM Ranges over the page's own
 * text nodes. Kept apart from the matcher so the matcher stays pure (strings
 * in, offsets out) and this mapping can be tested on its own.
 */
import type { ExtractedText, TextSegment } from './extract';

/** Index of the segment holding `offset`, or -1 when it falls in a separator or outside. */
export function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const seg = segments[hi];
  return seg && offset < seg.start + seg.node.data.length ? hi : -1;
}

/**
 * A Range covering `[start, end)` of the extracted text, possibly spanning
 * several text nodes (`<b>Dmitry</b> Peskov`). Null when either end falls
 * outside any text node, or when a node was removed or shortened since it was
 * read: a stale offset must paint nothing rather than throw.
 */
export function rangeForOffsets(
  extracted: ExtractedText,
  start: number,
  end: number,
  doc: Document = document,
): Range | null {
  if (end <= start) return null;
  const a = extracted.segments[segmentAt(extracted.segments, start)];
  const b = extracted.segments[segmentAt(extracted.segments, end - 1)];
  if (!a || !b) return null;
  const endInB = end - b.start;
  if (!a.node.isConnected || !b.node.isConnected || endInB > b.node.data.length) return null;
  const range = doc.createRange();
  range.setStart(a.node, start - a.start);
  range.setEnd(b.node, endInB);
  return range;
}
