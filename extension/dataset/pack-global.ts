/**
 * How the compiled pack reaches the content script. What a page's first pass
 * needs (the matcher and each entity's type, a third of the pack) ships as its
 * own content script file (`pack.js`, listed before `content.js`), which
 * leaves its JSON text on the content scripts' shared global: `content.js`
 * stays small, and the text is parsed only on pages where Backstory is on.
 * The cards, the other two thirds, stay with the background and reach a page
 * only when it first shows or lists one (`pack-cards.ts`): every page would
 * otherwise spend some 2 ms compiling `pack.js` around them and keep their
 * 330 KB of script source.
 */
import { entityIds } from '../matcher/entity-ids';
import type { CompiledPack, EntityType } from './pack';

/** Name of the global that holds the pack's JSON text. */
export const PACK_GLOBAL = '__backstoryPackJson';

/** The pack's JSON text for the content script: `core` is a `PackCore`. */
export interface PackTexts {
  core: string;
}

/** What a page's first pass needs of the pack. */
export interface PackCore extends Pick<CompiledPack, 'version' | 'matcher'> {
  /**
   * Each entity's type (the highlight a mention gets) as one char of `TYPE_CODES`, in the
   * matcher's order of entities (`entityIds`); `typesOf` reads it. One short string rather than
   * an object keyed by id: `JSON.parse` built that object's 579 keys on every page.
   */
  types: string;
}

/** The char that stands for each type in `PackCore.types`. */
const TYPE_CODES: Readonly<Record<EntityType, string>> = { person: 'p', organization: 'o', place: 'l', event: 'e' };

type PackHolder = { [PACK_GLOBAL]?: PackTexts };

/** The text `pack.js` leaves, from a compiled pack (run at build time). */
export function packTexts(pack: CompiledPack): PackTexts {
  const typeById = new Map(pack.entities.map((e) => [e.id, e.type]));
  const types = entityIds(pack.matcher)
    .map((id) => TYPE_CODES[typeById.get(id)!])
    .join('');
  const core: PackCore = { version: pack.version, matcher: pack.matcher, types };
  return { core: JSON.stringify(core) };
}

/**
 * Looks up entity types in a `PackCore` by id; the index is built on the first look-up, when
 * the first mention is painted. It keeps the ids and the type codes, not the core: the rest of
 * the parsed pack must be free to go once the matcher is loaded.
 */
export function typesOf(core: Pick<PackCore, 'matcher' | 'types'>): (id: string) => EntityType | undefined {
  const { types } = core;
  const ids = entityIds(core.matcher);
  let byId: Map<string, EntityType> | undefined;
  return (id) => {
    if (!byId) {
      const typeOfCode = new Map(Object.entries(TYPE_CODES).map(([type, code]) => [code, type as EntityType]));
      byId = new Map(ids.map((entityId, i) => [entityId, typeOfCode.get(types[i]!)!]));
    }
    return byId.get(id);
  };
}

/** Leaves the pack's JSON text for the content script (run by `pack.js`). */
export function providePack(texts: PackTexts): void {
  (globalThis as PackHolder)[PACK_GLOBAL] = texts;
}

/** Parses the pack core left by `pack.js`; null when it is missing (then Backstory stays silent). */
export function readPack(): PackCore | null {
  const texts = (globalThis as PackHolder)[PACK_GLOBAL];
  if (typeof texts?.core !== 'string') return null;
  return JSON.parse(texts.core) as PackCore;
}
