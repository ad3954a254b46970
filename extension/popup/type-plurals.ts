/** Plural headings of each entity type, in the popup's list and the options page. */
import type { EntityType } from '../dataset/pack';

export const TYPE_PLURALS: Readonly<Record<EntityType, string>> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
};
