/**
 * Which found mentions get painted, given the reader's choices: the entity
 * types to highlight, and every mention or only the first of each entity.
 * Pure (no DOM, no state), so each rule is pinned by a table test; the
 * stateful part that applies it as the page is read is `mention-selection.ts`.
 */
import type { EntityType } from '../dataset/pack';

/** The reader's choices that decide what is painted. */
export interface MentionFilter {
  types: ReadonlySet<EntityType>;
  /** Only the first mention of each entity, in document order. */
  firstOnly: boolean;
}

/** What a mention needs for selection. */
export interface Selectable {
  entity: string;
  type: EntityType;
}

/** The outcome of admitting new mentions. */
export interface Selection<M> {
  /** Mentions to paint now. */
  paint: M[];
  /** Mentions painted before that lost their place to an earlier mention of the same entity. */
  unpaint: M[];
}

/**
 * Admits `incoming` mentions: drops unwanted types and, with `firstOnly`,
 * keeps for each entity only a mention that comes before the one already
 * painted for it (`firstPainted`). Incoming mentions may arrive in any order
 * (the page changes and is read again block by block), so order is decided
 * by `before`, not by arrival.
 */
export function selectMentions<M extends Selectable>(
  incoming: readonly M[],
  firstPainted: ReadonlyMap<string, M>,
  filter: MentionFilter,
  before: (a: M, b: M) => boolean,
): Selection<M> {
  const wanted = incoming.filter((m) => filter.types.has(m.type));
  if (!filter.firstOnly) return { paint: wanted, unpaint: [] };
  const fresh = new Map<string, M>();
  const unpaint: M[] = [];
  for (const m of wanted) {
    const pending = fresh.get(m.entity);
    const current = pending ?? firstPainted.get(m.entity);
    if (current && !before(m, current)) continue;
    if (current && !pending) unpaint.push(current);
    fresh.set(m.entity, m);
  }
  return { paint: [...fresh.values()], unpaint };
}
