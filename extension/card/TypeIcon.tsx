/**
 * A small icon per entity type, so the type reads at a glance and not by
 * colour alone (WCAG 1.4.1). Drawn inline as SVG: nothing is fetched, and it
 * takes the type's colour from `currentColor`. Decorative: the type is also
 * written out, so the icon is hidden from assistive technology.
 */
import type { EntityType } from '../dataset/pack';

const PATHS: Readonly<Record<EntityType, string>> = {
  person: 'M8 1.5a3.25 3.25 0 1 1 0 6.5 3.25 3.25 0 0 1 0-6.5zM2 14.5c0-3.1 2.7-5.3 6-5.3s6 2.2 6 5.3z',
  organization: 'M8 1 1.5 4.5V6h13V4.5zM2.5 7h2v5.5h-2zm4.5 0h2v5.5H7zm4.5 0h2v5.5h-2zM1.5 13.5h13V15h-13z',
  place: 'M8 1a5 5 0 0 0-5 5c0 3.7 5 9 5 9s5-5.3 5-9a5 5 0 0 0-5-5zm0 7a2 2 0 1 1 0-4 2 2 0 0 1 0 4z',
  event:
    'M4 1h1.5v2h5V1H12v2h1.5A1.5 1.5 0 0 1 15 4.5v9a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 13.5v-9A1.5 1.5 0 0 1 2.5 3H4zM2.5 6.5v7h11v-7z',
};

export function TypeIcon({ type }: { type: EntityType }) {
  return (
    <svg class="type-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path fill="currentColor" fill-rule="evenodd" d={PATHS[type]} />
    </svg>
  );
}
