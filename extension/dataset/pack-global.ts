/**
 * How the compiled pack reaches the content script. It ships as its own
 * content script file (`pack.js`, listed before `content.js`), which leaves
 * its JSON text on the content scripts' shared global. Keeping it out of
 * `content.js` keeps that script small, and the text is parsed only on pages
 * where Backstory is on. Content-script globals live in the extension's
 * isolated world: the page never sees them.
 */
import type { CompiledPack } from './pack';

/** Name of the global that holds the pack's JSON text. */
export const PACK_GLOBAL = '__backstoryPackJson';

type PackHolder = { [PACK_GLOBAL]?: string };

/** Leaves the pack's JSON text for the content script (run by `pack.js`). */
export function providePack(json: string): void {
  (globalThis as PackHolder)[PACK_GLOBAL] = json;
}

/** Parses the pack left by `pack.js`; null when it is missing (then Backstory stays silent). */
export function readPack(): CompiledPack | null {
  const json = (globalThis as PackHolder)[PACK_GLOBAL];
  return typeof json === 'string' ? (JSON.parse(json) as CompiledPack) : null;
}
