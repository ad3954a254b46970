/**
 * A dataset entry that carries <script>, event handlers, javascript: URLs and
 * markup (test/fixtures/hostile/dataset/) goes through the real pack compiler
 * and the real card component, in both browsers: every string shows as text,
 * nothing runs, nothing loads, and the one link is https://en.wikipedia.org/.
 * (The compiler's side, what it accepts and rejects, is
 * test/unit/security/hostile-dataset.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../../extension/dataset/build-pack';
import type { CompiledPack } from '../../../extension/dataset/pack';
import { ROOT } from '../harness/paths';
import { BROWSERS } from '../harness/suite';
import { HOSTILE_DIR, scratchDir, useRobustSuite } from './support';

/** Bundles render-cards.tsx (the card component and its CSS) into one page script. */
async function bundleCards(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    plugins: [preact()],
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'render-cards.tsx'), formats: ['iife'], name: 'BackstoryCardsUnderTest', fileName: 'cards' },
    },
  });
  const result = Array.isArray(out) ? out[0]! : out;
  const chunk = (result as { output: { code?: string }[] }).output[0];
  if (!chunk?.code) throw new Error('no bundle for render-cards.tsx');
  return chunk.code;
}

/** Everything in the rendered cards that could run, load or mislead. */
const inspectCards = () => {
  const hosts = [...document.querySelectorAll('backstory-card-under-test')];
  const dangerous = 'script, iframe, object, embed, form, input, img, marquee, base, link, meta, frame, video, audio, source';
  const out = {
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    cards: hosts.length,
    text: '',
    dangerousElements: [] as string[],
    handlerAttributes: [] as string[],
    javascriptUrls: [] as string[],
    links: [] as string[],
    styles: 0,
    baseURI: document.baseURI,
    resources: performance.getEntriesByType('resource').map((e) => e.name),
  };
  for (const host of hosts) {
    const root = host.shadowRoot!;
    out.text += ' ' + (root.textContent ?? '');
    out.styles += root.querySelectorAll('style').length;
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(dangerous)) out.dangerousElements.push(el.localName);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) out.handlerAttributes.push(`${el.localName}[${a.name}]`);
        if (/javascript:/i.test(a.value)) out.javascriptUrls.push(`${el.localName}[${a.name}=${a.value}]`);
      }
      if (el.localName === 'a' && el.hasAttribute('href')) out.links.push((el as HTMLAnchorElement).href);
    }
  }
  return out;
};

describe.each(BROWSERS)('a hostile dataset through the compiler and the card in %s', (name) => {
  const dir = scratchDir(`inert-${name}`);
  let pack: CompiledPack;
  beforeAll(async () => {
    pack = buildPackFromDir(join(HOSTILE_DIR, 'dataset'));
    writeFileSync(join(dir, 'cards.js'), await bundleCards());
    writeFileSync(
      join(dir, 'cards.html'),
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Cards</title></head><body><script src="cards.js"></script></body></html>',
    );
  }, 60_000);
  const s = useRobustSuite(name, { root: dir, strictPageErrors: true });

  it('renders every string as text: nothing runs, nothing loads, links only to https://en.wikipedia.org/wiki/', async () => {
    const page = await s.openPage('/cards.html');
    const baseURI = await page.evaluate(() => document.baseURI);
    expect(await page.evaluate((p) => (window as unknown as { __renderCards(p: unknown): number }).__renderCards(p), pack)).toBe(3);

    // Handlers would fire within a frame or two (a failed image, an SVG load); watch for a while.
    const until = Date.now() + 1_000;
    let seen = await page.evaluate(inspectCards);
    while (Date.now() < until) {
      expect(seen.pwned, 'a script from the dataset ran').toBeNull();
      await new Promise((r) => setTimeout(r, 100));
      seen = await page.evaluate(inspectCards);
    }
    expect(seen.cards).toBe(3);
    expect(seen.dangerousElements).toEqual([]);
    expect(seen.handlerAttributes).toEqual([]);
    expect(seen.javascriptUrls).toEqual([]);
    expect(seen.styles, 'only the card\'s own stylesheet in each card').toBe(3);
    expect(seen.baseURI, 'no <base> took effect').toBe(baseURI);
    expect(seen.resources.filter((r) => !/\/(cards\.js|favicon\.ico)$/.test(r)), 'resources loaded').toEqual([]);
    expect(seen.links.length).toBeGreaterThan(0);
    for (const link of seen.links) {
      const url = new URL(link);
      expect(`${url.protocol}//${url.host}${url.pathname.slice(0, 6)}`, link).toBe('https://en.wikipedia.org/wiki/');
    }
    // The markup is there, as text a reader can see.
    for (const literal of [
      '<script>window.__pwned = "name"</script>Ivan <b>Bold</b>',
      '<svg onload="window.__pwned = \'role\'"></svg>',
      '<a href="javascript:window.__pwned=\'link\'">click</a>',
      '"><svg/onload=window.__pwned="org">',
      '<a href="https://evil.example/">a link that must stay text</a>',
    ]) {
      expect(seen.text, `"${literal}" shown as text`).toContain(literal);
    }
  });
});
