/**
 * What Backstory found on the tab, grouped by type with counts. Every entity
 * is a button: it scrolls the page to the entity's first mention and opens
 * its card there with focus in it, so every mention's card is reachable
 * without a pointer or a hover.
 */
import type { FoundEntity } from '../annotate/page-annotator';
import { TypeIcon } from '../card/TypeIcon';
import { groupFound, mentionsLabel } from './group-found';
import { TYPE_PLURALS } from './type-plurals';

export interface FoundListProps {
  found: readonly FoundEntity[];
  reveal: (entity: string) => void;
}

export function FoundList({ found, reveal }: FoundListProps) {
  return (
    <ul id="found" class="found__groups">
      {groupFound(found).map(({ type, entities }) => (
        <li key={type} class={`found__type found__type--${type}`} data-type={type}>
          <h3 class="found__heading" id={`found-${type}`}>
            <TypeIcon type={type} />
            <span>{TYPE_PLURALS[type]}</span> <span class="found__count">{entities.length}</span>
          </h3>
          <ul class="found__entities" aria-labelledby={`found-${type}`}>
            {entities.map((e) => (
              <li key={e.id}>
                <button type="button" class="found__entity" data-entity={e.id} onClick={() => reveal(e.id)}>
                  <span class="found__name">{e.name}</span>
                  <span class="found__mentions">{mentionsLabel(e.mentions)}</span>
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
