/**
 * A module of its own, with no tables at its top level, because `pack.js` bundles what reads
 * the pack: importing `entityIds` from `load.ts` pulled the normaliser's buffers and the
 * proper-name word lists into every page's first script.
 */
import type { CompiledLayout } from './compiled-format';
import type { CompiledMatcher } from './types';

/**
 * The ids of a compiled matcher's entities, in its order (sorted by id): the index that data
 * shipped beside the matcher per entity (the pack's types) follows.
 */
export function entityIds(compiled: CompiledMatcher): string[] {
  return (compiled as CompiledLayout).entities.map((e) => e.id);
}
