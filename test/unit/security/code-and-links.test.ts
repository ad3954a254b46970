/**
 * The sources keep the promises the built package is checked for
 * (test/e2e/package.e2e.test.ts): no code made from strings, nothing fetched,
 * no stylesheet that could load anything, and links only where the card
 * builds them from a validated Wikipedia title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const files = (dir: string, pattern: RegExp) =>
  readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => `${dir}/${f}`);
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

const SOURCES = [...files('extension', /\.(ts|tsx)$/), ...files('entrypoints', /\.(ts|tsx)$/)];
const STYLES = files('assets/styles', /\.css$/);

/** Code made from strings, and every way a script or page could reach the network. */
const CODE_OR_NETWORK =
  /\beval\s*\(|new\s+Function\s*\(|\bsetTimeout\s*\(\s*['"`]|\bsetInterval\s*\(\s*['"`]|\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|EventSource\s*\(|sendBeacon|importScripts|\bimport\s*\(\s*['"`]https?:|new\s+Worker\s*\(|\.src\s*=|new\s+Image\s*\(/g;

describe('sources', () => {
  it('finds the files to check', () => {
    expect(SOURCES.length).toBeGreaterThan(20);
    expect(STYLES.length).toBeGreaterThan(1);
  });

  it.each(SOURCES)('%s makes no code from strings and reaches no network', (file) => {
    expect([...read(file).matchAll(CODE_OR_NETWORK)].map((m) => m[0])).toEqual([]);
  });

  it.each(STYLES)('%s loads nothing (no url(), no @import)', (file) => {
    const css = read(file).replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css.match(/url\s*\(|@import|image-set\s*\(/g) ?? []).toEqual([]);
  });

  it('builds outside links only with wikipediaUrl(), on https, opening with no opener', () => {
    const links = SOURCES.flatMap((file) =>
      [...read(file).matchAll(/\bhref=\{?([^}\s>]+)/g)].map((m) => ({ file, value: m[1]!, at: m.index })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const { file, value, at } of links) {
      // A Wikipedia link, or one of the extension's own pages (options.html), by a relative literal.
      expect(value, `${file}: an href neither built by wikipediaUrl() nor an extension page`).toMatch(/^(wikipediaUrl\(|"[a-z-]+\.html")/);
      const tag = read(file).slice(at, at + 300).split('>')[0]!;
      if (/target="_blank"/.test(tag)) {
        expect(tag, `${file}: a link opening a new tab without rel="noopener noreferrer"`).toMatch(/rel="noopener noreferrer"/);
      }
    }
    const url = read('extension/card/card-facts.ts').match(/export function wikipediaUrl[\s\S]*?\n}/)?.[0] ?? '';
    expect(url).toContain('`https://en.wikipedia.org/wiki/${encodeURIComponent(title)}`');
  });
});
