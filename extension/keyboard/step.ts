/**
 * Where a keyboard step lands, decided on indices alone so every case is a
 * row in a table test. Mentions are numbered in document order.
 */
import type { Direction } from './commands';

/**
 * The index to step to among `count` mentions. From the last mention stepped
 * to (`current`), one further in `direction`, wrapping at the ends as
 * find-in-page does. With none yet (`current` is -1), from where the reader
 * is: `firstInView` is the index of the first mention not above the top of
 * the viewport (`count` when all are above), so "next" lands on it and
 * "previous" on the one before. -1 when there is nothing to step to.
 */
export function stepIndex(count: number, current: number, direction: Direction, firstInView: number): number {
  if (count <= 0) return -1;
  if (current >= 0 && current < count) return (current + direction + count) % count;
  if (direction === 1) return firstInView < count ? firstInView : 0;
  return firstInView > 0 ? Math.min(firstInView, count) - 1 : count - 1;
}

/** The first index in [0, count) for which `above` is false, given it is true for a prefix: a binary search. */
export function partitionPoint(count: number, above: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (above(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
