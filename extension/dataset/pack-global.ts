/**
 * How the compiled pack reaches the content script. It ships as its own
 * content script file (`pack.js`, listed before `content.js`), which leaves
 * its JSON text on the content scripts' shared global. Keeping it out of
 * `content.js` keeps that script small, and the text is parsed only on pages
 * where Backstory is on, in two parts: what the page's first pass needs (the
 * matcher and each entity's type, a third of the text) at once, and the cards
 * only when one is first shown or listed.
 */
import type { CardData, CompiledPack, EntityType } from './pack';

/** Name of the global that holds the pack's JSON texts. */
export const PACK_GLOBAL = '__backstoryPackJson';

/** The pack's JSON texts: `core` is a `PackCore`, `cards` the pack's `entities`. */
export interface PackTexts {
  core: string;
  cards: string;
}

/** What a page's first pass needs of the pack. */
export interface PackCore extends Pick<CompiledPack, 'version' | 'matcher'> {
  /** Each entity's type, by id: the highlight a mention gets. */
  types: Record<string, EntityType>;
}

/** The pack as the content script holds it: the core parsed, the cards on first use. */
export interface ContentPack extends PackCore {
  cards(): CardData[];
}

type PackHolder = { [PACK_GLOBAL]?: PackTexts };

/** Splits a compiled pack into the texts `pack.js` leaves (run at build time). */
export function packTexts(pack: CompiledPack): PackTexts {
  const core: PackCore = { version: pack.version, matcher: pack.matcher, types: Object.fromEntries(pack.entities.map((e) => [e.id, e.type])) };
  return { core: JSON.stringify(core), cards: JSON.stringify(pack.entities) };
}

/** Leaves the pack's JSON texts for the content script (run by `pack.js`). */
export function providePack(texts: PackTexts): void {
  (globalThis as PackHolder)[PACK_GLOBAL] = texts;
}

/** Parses the core of the pack left by `pack.js`; null when it is missing (then Backstory stays silent). */
export function readPack(): ContentPack | null {
  const texts = (globalThis as PackHolder)[PACK_GLOBAL];
  if (typeof texts?.core !== 'string' || typeof texts.cards !== 'string') return null;
  const core = JSON.parse(texts.core) as PackCore;
  let cards: CardData[] | undefined;
  return { ...core, cards: () => (cards ??= JSON.parse(texts.cards) as CardData[]) };
}
