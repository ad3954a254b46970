/**
 * Everything a card needs from the pack, looked up by id: the card's own
 * data, its related entities and its timeline's events. Built once per page
 * or popup, so opening cards in place never scans the pack.
 */
import type { CardsLoader } from '../dataset/pack-cards';
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

export function cardSource(pack: Pick<CompiledPack, 'version'> & { entities: readonly CardData[] }, articleDate?: string): CardSource {
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  return {
    lookup: (id) => byId.get(id),
    events: pack.entities.filter((e) => e.type === 'event'),
    packVersion: pack.version,
    ...(articleDate ? { articleDate } : {}),
  };
}

/**
 * The `CardSource` of a page, built once its cards have arrived (`pack-cards.ts`): the first
 * call asks for them, later calls share the answer; a failed request is asked again next time.
 */
export function cardSourceLoader(packVersion: string, loadCards: CardsLoader, articleDate?: string): () => Promise<CardSource> {
  let source: CardSource | undefined;
  return async () => (source ??= cardSource({ version: packVersion, entities: await loadCards() }, articleDate));
}
