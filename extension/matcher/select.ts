/**
 * Longest match wins: of overlapping accepted candidates, keep the longest
 * (`NATO-Russia Council` over `NATO`), the earlier one on equal length.
 */
import type { Accepted } from './resolve';

/**
 * Picks non-overlapping mentions from `accepted` (sorted by start) and returns them sorted
 * by start. Works cluster by cluster, a cluster being a run of candidates that overlap one
 * another transitively, so the usual case (no overlap) costs one comparison per candidate.
 */
export function selectLongest(accepted: Accepted[]): Accepted[] {
  const kept: Accepted[] = [];
  let from = 0;
  while (from < accepted.length) {
    let to = from + 1;
    let clusterEnd = accepted[from]!.end;
    while (to < accepted.length && accepted[to]!.start < clusterEnd) {
      clusterEnd = Math.max(clusterEnd, accepted[to]!.end);
      to++;
    }
    if (to - from === 1) kept.push(accepted[from]!);
    else kept.push(...longestFirst(accepted.slice(from, to)));
    from = to;
  }
  return kept;
}

/** Greedy longest-first choice inside one cluster of overlapping candidates. */
function longestFirst(cluster: Accepted[]): Accepted[] {
  const byLength = [...cluster].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Accepted[] = [];
  for (const mention of byLength) {
    if (chosen.every((c) => mention.end <= c.start || mention.start >= c.end)) chosen.push(mention);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
