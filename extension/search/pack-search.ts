/**
 * Typo-tolerant search over the whole pack (fuse.js), for the popup's search
 * box and the "Look up … in Backstory" menu. A reader types "Peskow" or
 * "Zelensky", or selects "OSCE", and gets the entity they meant.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CardData } from '../dataset/pack';

/**
 * Fuse's score runs from 0 (exact) to 1 (anything). 0.35 forgives a typo or
 * two in a name ("Peskow", "Sergei Lavrof") while a short query such as
 * "NATO" still finds no unrelated word.
 */
export const SEARCH_THRESHOLD = 0.35;

/** Results shown under the popup's search box: enough to spot the right one, few enough to scan. */
export const MAX_RESULTS = 6;

/**
 * A selection longer than this is cut before searching: names are short, and
 * the start of a selection is what the reader aimed at.
 */
export const MAX_QUERY_CHARS = 64;

interface SearchRecord {
  card: CardData;
  name: string;
  acronym: string;
  title: string;
  description: string;
}

/**
 * The initials of a name's capitalised words, so "OSCE" finds the
 * Organization for Security and Co-operation in Europe; empty when fewer
 * than two.
 */
export function acronymOf(name: string): string {
  const initials = name
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .filter((c) => c !== c.toLowerCase())
    .join('');
  return initials.length >= 2 ? initials : '';
}

const OPTIONS: IFuseOptions<SearchRecord> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'acronym', weight: 2 },
    { name: 'title', weight: 1 },
    { name: 'description', weight: 0.5 },
  ],
  includeScore: true,
  threshold: SEARCH_THRESHOLD,
  // Names match anywhere: "Peskov" is at the end of "Dmitry Peskov".
  ignoreLocation: true,
  minMatchCharLength: 2,
  // Word by word, every word required: "geneva talks" finds "US–Russia security
  // talks in Geneva", which one whole-string pattern never would.
  useTokenSearch: true,
  tokenMatch: 'all',
};

export class PackSearch {
  private readonly fuse: Fuse<SearchRecord>;

  constructor(entities: readonly CardData[]) {
    this.fuse = new Fuse(
      entities.map((card) => ({
        card,
        name: card.name,
        acronym: acronymOf(card.name),
        title: card.wikipedia?.replace(/_/g, ' ') ?? '',
        description: card.description,
      })),
      OPTIONS,
    );
  }

  /** The entities best matching `query`, best first. */
  search(query: string, limit = MAX_RESULTS): CardData[] {
    const q = query.trim().slice(0, MAX_QUERY_CHARS);
    if (q.length < 2) return [];
    return this.fuse.search(q, { limit }).map((r) => r.item.card);
  }

  /** The one entity `query` most likely means, if any matches well enough. */
  best(query: string): CardData | undefined {
    return this.search(query, 1)[0];
  }
}
