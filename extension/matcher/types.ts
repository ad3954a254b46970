/**
 * Types shared by the matcher, the dataset compiler and every caller.
 * The matcher is pure: strings and offsets in, mentions out, no DOM.
 */

/**
 * How an alias may match, as written in the dataset sources.
 * - `full`: a name that identifies the entity on its own (`Dmitry Peskov`, `NATO`).
 * - `short`: a surname or short form that links only after a full mention of
 *   the same entity earlier in the text, or with one of the entity's context words nearby.
 */
export type AliasMatch = 'full' | 'short';

/**
 * Case policy of an alias.
 * - `proper` (default): the text must have the alias's capitals where the alias has them
 *   (an all-caps rendering such as a dateline `MOSCOW` also counts); `price` never matches `Price`.
 * - `exact`: the text must match the alias's case exactly (`US`, `OSCE`).
 * - `any`: case-insensitive, for event phrases (`security demands`).
 */
export type AliasCase = 'proper' | 'exact' | 'any';

/** One surface form of one entity, as the dataset compiler hands it to the matcher compiler. */
export interface AliasSpec {
  text: string;
  entity: string;
  match: AliasMatch;
  case: AliasCase;
  /**
   * The surface is also the head of other proper names (`Washington` in `Washington Post`,
   * `Kremlin` in `Kazan Kremlin`). A single-word ambiguous alias links only when no other
   * capitalised word is glued to it. Surfaces shared by several entities are treated this
   * way without the flag.
   */
  ambiguous?: boolean;
  /**
   * The surface is also an everyday word in lowercase (`Turkey`, the bird). Where a capital
   * is required anyway (a sentence's first word, a headline, all caps) its case tells
   * nothing, so there the alias is treated as `short`: it links after a full mention of the
   * entity or with one of its context words nearby. Elsewhere it links as written.
   */
  common?: boolean;
}

/** What the matcher needs to know of each entity beyond its aliases. */
export interface EntitySpec {
  id: string;
  type: 'person' | 'organization' | 'place' | 'event';
  /** Words that, near a mention or on the page, support a `short` alias. */
  context: string[];
  /** Events: ISO dates that let the article's date choose between events sharing words. */
  start?: string;
  end?: string;
  /**
   * Events: ISO date from which the event was publicly scheduled, so that articles written
   * between then and `start` can name it ahead (the Geneva talks of 10 January 2022 were
   * announced in late December 2021). Without it, articles dated before `start` never link the event.
   */
  announced?: string;
  /**
   * Phrases that contain one of the entity's names but name something else (`Sherman tank`,
   * `Austin, Texas`, `Johnson & Johnson`, `price rises`): a mention inside one never links,
   * whatever the evidence. Matched in any case, on word boundaries like aliases.
   */
  not?: string[];
}

/**
 * The matcher's compiled structure, built at build time and loaded ready-made.
 * Its inner layout belongs to `extension/matcher/`; everything else treats it as opaque JSON.
 */
export interface CompiledMatcher {
  formatVersion: number;
  [key: string]: unknown;
}

/** Optional knowledge about the document that helps disambiguation. */
export interface MatchContext {
  /** The article's publication date, ISO `YYYY-MM-DD`. */
  date?: string;
  /** BCP 47 language tag of the page, e.g. `en`, `ru`. */
  lang?: string;
}

/** One linked mention: UTF-16 offsets into the scanned text. */
export interface Mention {
  start: number;
  end: number;
  /** Dataset id of the entity. */
  entity: string;
  /** Confidence in [0, 1]; mentions below the matcher's threshold are never returned. */
  score: number;
}
