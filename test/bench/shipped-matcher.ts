/**
 * The matcher as the content script ships it: `extension/matcher` bundled into one minified
 * script by Vite, the way WXT bundles the content script, rather than run file by file as tsx
 * runs the sources. The difference is not cosmetic: V8 optimises a bundle's top-level
 * constants (the normaliser's chunk buffers, the tables) as constants of one closure, and the
 * separate ES modules' bindings less well (measured: about 90 against 105 MB/s at 10k aliases).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../scripts/lib/gold';

/** The runtime part of the matcher's public API. */
export type ShippedMatcher = Pick<typeof import('../../extension/matcher'), 'loadMatcher' | 'findMentions'>;

/** Bundles the matcher into a CommonJS file in a fresh temporary directory; returns its path. */
export async function bundleMatcher(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: REPO_ROOT,
    build: { write: false, minify: true, lib: { entry: join(REPO_ROOT, 'extension/matcher/index.ts'), formats: ['cjs'], fileName: 'matcher' } },
  });
  const output = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  const chunk = output.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('the matcher bundle came out empty');
  const file = join(mkdtempSync(join(tmpdir(), 'backstory-bench-')), 'matcher.cjs');
  writeFileSync(file, chunk.code);
  return file;
}

/** Loads a bundle written by `bundleMatcher`. */
export function loadBundledMatcher(file: string): ShippedMatcher {
  return createRequire(import.meta.url)(file) as ShippedMatcher;
}
