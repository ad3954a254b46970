/**
 * Real news pages (test/fixtures/pages/: twelve sites in English, German,
 * French and Portuguese, up to 1.6 MB, with their ads, menus, comments and
 * inline scripts) in both browsers, served from 127.0.0.1 with every external
 * resource refused. On each, Backstory must leave the page exactly as it was
 * (text nodes, their order, every element's box), start no request, throw
 * nothing, and light up nothing a reader would call wrong: these pages are
 * not about the story, yet they name countries, outlets and politicians the
 * pack knows.
 *
 * "Before" is the page loaded with Backstory switched off for the site, so
 * the page's own scripts have run exactly as they do without it; "after" is
 * the same tab once Backstory has been switched on and has painted.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGES_DIR } from '../harness/paths';
import { BROWSERS, noHighlights, waitFor } from '../harness/suite';
import { readHighlights } from '../harness/page-fns';
import {
  compareSnapshots,
  highlightsInContext,
  misplacedHighlights,
  overlappingHighlights,
  paintedPasses,
  takeSnapshot,
  visibleWords,
} from './page-probes';
import { JUDGED_RIGHT } from './reviewed-mentions';
import { setSwitches, settledHighlights, useRobustSuite } from './support';

/** The one page of the story itself, the yardstick for the others' density. */
const ON_TOPIC = 'moscowtimes-biden-putin.html';
const PAGES = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort();

/**
 * Most mentions a reader would call wrong, per 1,000 words of an off-topic
 * page. "Wrong" is judged by a person (reviewed-mentions.ts), and anything lit
 * that nobody has read yet counts as wrong until someone does. A reader
 * forgives any number of right highlights (the BBC's interview with Obama
 * names him 23 times); what breaks trust is a wrong one. Two per 1,000 words is
 * at most one or two on a typical news article (600 to 1,200 words), under one
 * per screenful of text, and leaves room for a new entity in the pack to light
 * a couple of right mentions before someone reviews them.
 */
export const MAX_WRONG_PER_1000_WORDS = 2;

interface PageResult {
  browser: string;
  page: string;
  words: number;
  mentions: number;
  perThousand: number;
  /** Mentions beyond those judged right (judged wrong, or not reviewed yet). */
  wrong: number;
  list: string[];
}

const results: PageResult[] = [];

afterAll(() => {
  if (results.length === 0) return;
  const lines = results.map(
    (r) =>
      `${r.browser} ${r.page}: ${r.words} words, ${r.mentions} mentions (${r.perThousand.toFixed(1)}/1000), ` +
      `${r.wrong} wrong or unreviewed (${((r.wrong / r.words) * 1000).toFixed(2)}/1000)\n    ${r.list.join('\n    ')}`,
  );
  console.info(`Everything Backstory lit on the real pages:\n${lines.join('\n')}`);
});

/** Mentions beyond the counts judged right on `page`. */
function beyondJudgedRight(page: string, counts: Map<string, number>): number {
  const right = JUDGED_RIGHT[page] ?? {};
  let wrong = 0;
  for (const [key, n] of counts) wrong += Math.max(0, n - (right[key] ?? 0));
  return wrong;
}

describe.each(BROWSERS)('real pages in %s', (name) => {
  const s = useRobustSuite(name);

  it.each(PAGES)('%s: page untouched, nothing sent, nothing thrown, nothing wrong lit', async (file) => {
    await setSwitches(s, { enabledEverywhere: true, disabledSites: ['127.0.0.1'] });
    const page = await s.openPage(`/${file}`);
    // Backstory is off for the site: the page as its own scripts leave it.
    expect(noHighlights(await page.evaluate(readHighlights))).toBe(true);
    await page.evaluate(takeSnapshot, 'before');

    await setSwitches(s, { disabledSites: [] });
    await waitFor(() => page.evaluate(paintedPasses), (n) => n >= 1, {
      timeout: 30_000,
      interval: 100,
      what: `Backstory's first full pass on ${file}`,
    });
    const snap = await settledHighlights(page, { quietMs: 400 });
    await page.evaluate(takeSnapshot, 'after');
    const diff = await page.evaluate(compareSnapshots, { a: 'before', b: 'after' });
    expect(diff.firstTextDiff, 'first text node that changed').toBeNull();
    expect(diff.textNodes[1]).toBe(diff.textNodes[0]);
    expect(diff.elements[1], 'no element added to or removed from the body').toBe(diff.elements[0]);
    expect(diff.firstBoxDiffs, `element boxes that moved (${diff.boxDiffs})`).toEqual([]);
    expect(diff.scrollMoved).toBe(false);
    expect(await page.evaluate(misplacedHighlights), 'highlights where Backstory never reads').toEqual([]);
    expect(await page.evaluate(overlappingHighlights), 'overlapping highlights').toEqual([]);

    const words = await page.evaluate(visibleWords);
    const lit = await page.evaluate(highlightsInContext);
    const counts = new Map<string, number>();
    for (const m of lit) counts.set(`${m.type}:${m.text}`, (counts.get(`${m.type}:${m.text}`) ?? 0) + 1);
    const result: PageResult = {
      browser: name,
      page: file,
      words,
      mentions: snap.ranges.length,
      perThousand: (snap.ranges.length / words) * 1000,
      wrong: file === ON_TOPIC ? 0 : beyondJudgedRight(file, counts),
      list: lit.map((m) => `${m.type.padEnd(12)} ${m.context}`),
    };
    results.push(result);
    expect(lit.length).toBe(snap.ranges.length);
    if (file !== ON_TOPIC) {
      const over = [...counts].filter(([k, n]) => n > (JUDGED_RIGHT[file]?.[k] ?? 0)).map(([k, n]) => `${k}×${n}`);
      expect((result.wrong / words) * 1000, `wrong or unreviewed mentions per 1,000 words on ${file}: ${over.join(', ')}`).toBeLessThanOrEqual(
        MAX_WRONG_PER_1000_WORDS,
      );
    }

    // Switched off again, nothing is left: no highlight, and the page as before.
    await setSwitches(s, { disabledSites: ['127.0.0.1'] });
    await waitFor(() => page.evaluate(readHighlights), noHighlights, { timeout: 5_000, what: 'highlights gone after switching off' });
    await page.evaluate(takeSnapshot, 'off-again');
    const again = await page.evaluate(compareSnapshots, { a: 'before', b: 'off-again' });
    expect(again.firstTextDiff).toBeNull();
    expect(again.firstBoxDiffs).toEqual([]);
  });

  it('every page ran, and the story\'s own article is far denser than any off-topic page', () => {
    const mine = results.filter((r) => r.browser === name);
    const story = mine.find((r) => r.page === ON_TOPIC);
    const others = mine.filter((r) => r.page !== ON_TOPIC);
    expect(story, 'the on-topic page ran').toBeDefined();
    expect(others.length).toBe(PAGES.length - 1);
    // Density alone is not the bound (a page about Obama names Obama), but the
    // story's article must stand out: twice the densest off-topic page at least.
    expect(story!.perThousand).toBeGreaterThanOrEqual(2 * Math.max(...others.map((r) => r.perThousand)));
  });
});
