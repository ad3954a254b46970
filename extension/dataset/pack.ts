/**
 * The compiled, runtime form of the knowledge pack: what `npm run build`
 * produces from the YAML sources in `assets/dataset/` and what the content
 * script loads ready-made. Everything here is plain JSON so the build can
 * embed it and tests can construct it.
 */
import type { CompiledMatcher } from '../matcher/types';

/** The four kinds of thing a card can be about; each gets its own highlight style. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A role a person held over a period, so a card can say what they were at the article's date. */
export interface Role {
  title: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
  from: string;
  /** ISO date; absent while the role is still held. */
  to?: string;
}

/** Everything a card shows about one entity. All fields are plain text, never HTML. */
export interface CardData {
  id: string;
  type: EntityType;
  name: string;
  /** One line: what the entity is. */
  description: string;
  /** Two to four sentences written for this pack. */
  summary: string;
  roles?: Role[];
  /** Events: ISO dates. */
  start?: string;
  end?: string;
  /** Events: where it happened. */
  place?: string;
  /** Ids of related entities, all present in the pack. */
  related: string[];
  /** English Wikipedia title with underscores, when the entity has an article. */
  wikipedia?: string;
  wikidata?: string;
  /** Date the facts were last checked (ISO). */
  reviewed: string;
}

/** The whole compiled pack. */
export interface CompiledPack {
  /** Date-based version shown in the popup and in each card's footer, e.g. `2026.11.28`. */
  version: string;
  entities: CardData[];
  matcher: CompiledMatcher;
}
