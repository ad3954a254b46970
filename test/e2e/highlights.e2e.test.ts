/**
 * The story's names are highlighted with the CSS Custom Highlight API, in the
 * article only, and the page's DOM is left as the server sent it.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, waitFor, waitForHighlights } from './harness/suite';
import {
  cardState,
  compareWithServerHtml,
  highlightCoverage,
  readHighlights,
  armMoveClock,
  waitForCard,
  wordCenter,
} from './harness/page-fns';

describe.each(BROWSERS)('highlights in %s', (name) => {
  const s = useBrowser(name);

  it('highlights every mention of Peskov, Lavrov, NATO and the OSCE, with the right type', async () => {
    const page = await s.openArticle();
    const snap = await waitForHighlights(page);
    const texts = snap.ranges.map((r) => r.text);
    for (const word of ['Peskov', 'Lavrov', 'NATO', 'Organization for Security and Co-operation in Europe']) {
      expect(texts.some((t) => t.includes(word)), `a highlight range contains "${word}"`).toBe(true);
    }
    const coverage = await page.evaluate(highlightCoverage, [
      { find: 'Peskov', type: 'person' },
      { find: 'Lavrov', type: 'person' },
      { find: 'NATO', type: 'organization' },
      { find: 'Organization for Security and Co-operation in Europe', type: 'organization' },
    ]);
    for (const c of coverage) {
      expect(c.occurrences, `"${c.find}" occurs in the fixture`).toBeGreaterThan(0);
      expect(c, `every "${c.find}" is in backstory-${c.type}`).toMatchObject({ covered: c.occurrences, misses: [] });
    }
  });

  it('puts no highlight in the header, nav, footer, scripts or form fields', async () => {
    const page = await s.openArticle();
    const snap = await waitForHighlights(page);
    // The site chrome of the fixture names NATO, the Kremlin, Putin, Ukraine and
    // its <script> names Peskov and Lavrov: a scanner that ignored the skip rules would light them.
    const misplaced = snap.ranges.filter((r) => r.forbidden !== null);
    expect(misplaced).toEqual([]);
  });

  it('leaves the page DOM as served: same nodes in the same order, only <backstory-card> added', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    // Show the card too, so its host exists while the DOM is compared.
    await page.bringToFront();
    const at = await page.evaluate(wordCenter, { word: 'Peskov', occurrence: 0 });
    await page.evaluate(armMoveClock);
    await page.mouse.move(at.x, at.y);
    expect(await page.evaluate(waitForCard, { visible: true, timeout: 5_000 })).toMatchObject({ ok: true });

    const cmp = await page.evaluate(compareWithServerHtml);
    expect(cmp.textNodes).toBeGreaterThan(50);
    expect(cmp.firstDiff, 'first node that differs from the served HTML').toBeNull();
    expect(cmp.textNodesEqual).toBe(true);
    expect(cmp.live).toBe(cmp.parsed);
    expect(cmp.added).toEqual(['backstory-card']);
    const card = await page.evaluate(cardState);
    expect(card).toMatchObject({ hosts: 1, hostHasOpenShadow: true, hostLightChildren: 0 });

    // Still intact after the card has closed again.
    await page.keyboard.press('Escape');
    await waitFor(() => page.evaluate(cardState), (c) => !c.visible, { timeout: 3_000, what: 'card closed' });
    const after = await page.evaluate(compareWithServerHtml);
    expect(after.firstDiff).toBeNull();
    expect(after.added.every((t) => t === 'backstory-card')).toBe(true);
    // The highlights are still registered: the comparison above ran on the live, highlighted page.
    expect((await page.evaluate(readHighlights)).ranges.length).toBeGreaterThan(0);
  });
});
