import type { Plugin } from 'vite';
import { resolve } from 'node:path';

/** Where the human-edited dataset sources live. */
export const DATASET_DIR = resolve(import.meta.dirname, '../assets/dataset');

/** The pack as an object, for extension pages (popup, options). */
const PACK_ID = 'virtual:backstory-pack';
/** The pack as a JSON string, for the content scripts: parsed only on pages where Backstory is on. */
const PACK_JSON_ID = 'virtual:backstory-pack-json';
const VIRTUAL_IDS = new Set([PACK_ID, PACK_JSON_ID]);

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment):
 * compile every function of the script at once. pack.js is one function
 * around one long string literal; compiled lazily, V8 scanned the literal
 * twice, once at load and again when the function ran (measured: pack.js
 * evaluated in about 3.7 ms instead of 5.6 to 6.5).
 */
const EAGER_COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Compiles the YAML sources into the runtime pack at build time and serves it as
 * `virtual:backstory-pack` (an object) and `virtual:backstory-pack-json` (its
 * JSON texts, split as `pack-global.ts` says), so every script loads it ready-made and no compiled output is
 * ever committed. Embedded as a JSON string literal: engines scan a string
 * literal far faster than the equivalent object literal, and `JSON.parse` is
 * the fastest way to build the object when it is needed.
 */
export function packPlugin(): Plugin {
  return {
    name: 'backstory-pack',
    resolveId(id) {
      return VIRTUAL_IDS.has(id) ? '\0' + id : undefined;
    },
    // After minification, so the hint stays the first line of pack.js.
    generateBundle(_options, bundle) {
      const pack = bundle['pack.js'];
      if (pack?.type === 'chunk' && !pack.code.startsWith(EAGER_COMPILE_HINT)) pack.code = EAGER_COMPILE_HINT + pack.code;
    },
    async load(id) {
      const name = id.slice(1);
      if (!id.startsWith('\0') || !VIRTUAL_IDS.has(name)) return undefined;
      this.addWatchFile(DATASET_DIR);
      // Imported here, not at the top, so loading wxt.config.ts (as the unit
      // tests do) does not pull in the dataset compiler.
      const { buildPackFromDir } = await import('../extension/dataset/build-pack');
      const { packTexts } = await import('../extension/dataset/pack-global');
      const pack = buildPackFromDir(DATASET_DIR);
      // Non-ASCII characters (é, ’, Cyrillic) written as JSON \u escapes (a
      // backslash in the string, so no minifier turns them back): a script
      // that is ASCII from end to end is scanned as one-byte text, about five
      // times faster than the same script with a few thousand accented
      // letters, which makes the engine read all of it as two-byte text
      // (measured in Chromium: pack.js evaluated in ~2 ms instead of ~10 ms).
      const literal = (text: string) => JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (name === PACK_ID) return `export default JSON.parse(${literal(JSON.stringify(pack))});`;
      return `export default { core: ${literal(packTexts(pack).core)} };`;
    },
  };
}
