/**
 * Everything a card needs from the pack, looked up by id: the card's own
 * data, its related entities and its timeline's events. Built once per page
 * or popup, so opening cards in place never scans the pack.
 */
import type { CardData, CompiledPack } from '../dataset/pack';

export interface CardSource {
  lookup(id: string): CardData | undefined;
  /** Every event of the pack, for timelines. */
  events: readonly CardData[];
  /** Shown in each card's footer, so a reader knows how fresh the facts are. */
  packVersion: string;
  /** The article's date (ISO), to give a person's role at that time. */
  articleDate?: string;
}

export function cardSource(pack: Pick<CompiledPack, 'version' | 'entities'>, articleDate?: string): CardSource {
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  return {
    lookup: (id) => byId.get(id),
    events: pack.entities.filter((e) => e.type === 'event'),
    packVersion: pack.version,
    ...(articleDate ? { articleDate } : {}),
  };
}

/**
 * A `CardSource` built on first use: the content script parses the cards only when a card is
 * first shown, not when the page is read.
 */
export function lazyCardSource(build: () => CardSource): CardSource {
  let source: CardSource | undefined;
  const get = () => (source ??= build());
  return {
    lookup: (id) => get().lookup(id),
    get events() {
      return get().events;
    },
    get packVersion() {
      return get().packVersion;
    },
    get articleDate() {
      return get().articleDate;
    },
  };
}
