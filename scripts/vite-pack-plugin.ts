import type { Plugin } from 'vite';
import { resolve } from 'node:path';

/** Where the human-edited dataset sources live. */
export const DATASET_DIR = resolve(import.meta.dirname, '../assets/dataset');

const VIRTUAL_ID = 'virtual:backstory-pack';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Compiles the YAML sources into the runtime pack at build time and serves it as
 * `virtual:backstory-pack`, so the content script loads it ready-made and no
 * compiled output is ever committed. Embedded as a `JSON.parse` string literal:
 * engines parse JSON faster than the equivalent object literal.
 */
export function packPlugin(): Plugin {
  return {
    name: 'backstory-pack',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(DATASET_DIR);
      // Imported here, not at the top, so loading wxt.config.ts (as the unit
      // tests do) does not pull in the dataset compiler.
      const { buildPackFromDir } = await import('../extension/dataset/build-pack');
      const pack = buildPackFromDir(DATASET_DIR);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(pack))});`;
    },
  };
}
