/**
 * The popup's "On this page" list: the entities found, grouped by type in a
 * fixed order, each group in the order the article first names them (the
 * story as the article tells it). Pure, so grouping is tested on its own.
 */
import type { FoundEntity } from '../annotate/page-annotator';
import { ENTITY_TYPES, type EntityType } from '../dataset/pack';

export interface FoundGroup {
  type: EntityType;
  entities: FoundEntity[];
}

/** Non-empty groups only: a list of empty headings is noise. */
export function groupFound(found: readonly FoundEntity[]): FoundGroup[] {
  return ENTITY_TYPES.map((type) => ({ type, entities: found.filter((f) => f.type === type) })).filter(
    (g) => g.entities.length > 0,
  );
}

/** "3 mentions" / "1 mention". */
export function mentionsLabel(count: number): string {
  return `${count} ${count === 1 ? 'mention' : 'mentions'}`;
}
