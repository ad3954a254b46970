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
 * Stands in pack.js for the core's string literal until the bundle is minified. The minifier
 * rewrites a string full of double quotes (JSON) into a template literal to spare the escapes,
 * and engines scan a template literal far slower: a 341 KB pack.js compiled and ran in 1.34 ms as
 * it came out of the minifier against 0.52 ms with the same text in double quotes (node 20, V8's
 * scanner; medians of 15). `generateBundle` puts the literal back, in double quotes.
 */
const CORE_PLACEHOLDER = 'backstory:pack-core';
/** The placeholder's literal in the minified code, in whichever quotes the minifier chose. */
const PLACED_CORE = new RegExp(`(["'\`])${CORE_PLACEHOLDER}\\1`);

/**
 * Compiles the YAML sources into the runtime pack at build time and serves it as
 * `virtual:backstory-pack` (an object) and `virtual:backstory-pack-json` (its
 * JSON texts, split as `pack-global.ts` says), so every script loads it ready-made and no compiled output is
 * ever committed. Embedded as a JSON string literal: engines scan a string
 * literal far faster than the equivalent object literal, and `JSON.parse` is
 * the fastest way to build the object when it is needed.
 */
export function packPlugin(): Plugin {
  /** The core's JSON text as a double-quoted string literal, for `generateBundle`. */
  let coreLiteral: string | undefined;
  return {
    name: 'backstory-pack',
    resolveId(id) {
      return VIRTUAL_IDS.has(id) ? '\0' + id : undefined;
    },
    // After minification, so the hint stays the first line of pack.js and the core's literal keeps its quotes.
    generateBundle(_options, bundle) {
      const pack = bundle['pack.js'];
      if (pack?.type !== 'chunk') return;
      // A pack.js left with the placeholder, or without it when the text was made, would hand the
      // content script no pack, and Backstory would stay silent on every page: fail the build instead.
      const placed = PLACED_CORE.test(pack.code);
      if (placed !== (coreLiteral !== undefined)) this.error(`pack.js ${placed ? 'holds the pack core\'s placeholder but no text was made for it' : 'lost the pack core\'s placeholder'}`);
      if (placed) pack.code = pack.code.replace(PLACED_CORE, () => coreLiteral!);
      if (!pack.code.startsWith(EAGER_COMPILE_HINT)) pack.code = EAGER_COMPILE_HINT + pack.code;
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
      coreLiteral = literal(packTexts(pack).core);
      return `export default { core: ${JSON.stringify(CORE_PLACEHOLDER)} };`;
    },
  };
}
