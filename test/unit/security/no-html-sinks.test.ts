/**
 * No dataset or page string may ever reach the page as HTML. Backstory's own
 * code renders text through Preact only; this test keeps the HTML sinks out
 * of the sources (the built bundle is checked by addons-linter).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['extension', 'entrypoints'];
const HTML_SINKS =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment|srcdoc|setHTMLUnsafe|parseHTMLUnsafe|DOMParser|parseFromString)\b/g;

const sources = SOURCE_DIRS.flatMap((dir) =>
  readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => `${dir}/${f}`),
);

describe('HTML sinks', () => {
  it('finds the sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources)('%s uses none', (file) => {
    const text = readFileSync(resolve(root, file), 'utf8');
    expect([...text.matchAll(HTML_SINKS)].map((m) => m[0])).toEqual([]);
  });
});
