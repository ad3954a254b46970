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
  return mentionRange(extracted, start, end, doc)?.range ?? null;
}

/** A mention's Range and the text nodes it spans, found with one lookup of each end. */
export interface MentionRange {
  range: Range;
  /** The text nodes from the one holding the start to the one holding the end, in order. */
  nodes: Text[];
}

/**
 * `rangeForOffsets` plus the text nodes the range spans (for hit-testing a
 * mention by node), each end looked up once: null in the same cases.
 */
export function mentionRange(extracted: ExtractedText, start: number, end: number, doc: Document = document): MentionRange | null {
  if (end <= start) return null;
  const { segments } = extracted;
  const first = segmentAt(segments, start);
  const last = segmentAt(segments, end - 1);
  const a = segments[first];
  const b = segments[last];
  if (!a || !b) return null;
  const endInB = end - b.start;
  if (!a.node.isConnected || (b !== a && !b.node.isConnected) || endInB > b.node.data.length) return null;
  const range = doc.createRange();
  range.setStart(a.node, start - a.start);
  range.setEnd(b.node, endInB);
  const nodes = [a.node];
  for (let i = first + 1; i <= last; i++) nodes.push(segments[i]!.node);
  return { range, nodes };
}
