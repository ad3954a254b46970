/**
 * Accessibility and looks: axe-core finds no serious or critical violation in
 * the popup (its list and its inline card), the options page, and a card
 * open on a page, in light and dark; the card stays readable on a dark page
 * and in a narrow window, beside a mention that wraps. Chromium also takes
 * the README's screenshots (docs/screenshots/).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageDriver } from '../harness/driver';
import { cardState, waitForCardSettled } from '../harness/page-fns';
import { SCREENSHOTS_DIR } from '../harness/paths';
import { BROWSERS, useBrowser, waitFor, waitForHighlights } from '../harness/suite';
import { blockingViolations } from './axe';
import { callBackground } from './background-call';
import { chromiumPage } from './chromium-page';
import { click, foundGroups, typeInto } from './popup-fns';
import { cardParts, selectWord } from './ux-fns';

/** Screenshots come from the real build in Chromium only (not from a stand-in build named by env). */
const SHOOT = !process.env.BACKSTORY_E2E_CHROME_DIR;
const shot = (name: string) => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return resolve(SCREENSHOTS_DIR, name);
};

/** Opens the card of the entity `selectionText` names, beside `word` selected in the article. */
async function lookUp(s: ReturnType<typeof useBrowser>, page: PageDriver, word: string, selectionText = word) {
  await page.evaluate(selectWord, { word, occurrence: 0 });
  // Near the top of the window, as a reader's eyes are: the whole card fits below.
  await page.evaluate(() => scrollBy({ top: getSelection()!.getRangeAt(0).getBoundingClientRect().top - 40, behavior: 'instant' }));
  const tabId = await s.browser.tabIdOf(page);
  await callBackground(s.browser, 'onMenuClicked', { menuItemId: 'backstory-lookup', selectionText }, { id: tabId });
  await waitFor(() => page.evaluate(cardState), (c) => c.visible, { timeout: 5_000, what: `the card for "${selectionText}"` });
  await page.evaluate(waitForCardSettled, 3_000);
  // The selection was only the way in; the screenshot shows the page as read.
  await page.evaluate(() => getSelection()?.removeAllRanges());
}

const CARD = [['backstory-card', 'article.card']];

describe.each(BROWSERS)('accessibility in %s', (name) => {
  const s = useBrowser(name);

  it('an open card: a labelled dialog, with no serious or critical axe violation', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    await lookUp(s, page, 'security demands');
    const parts = await page.evaluate(cardParts);
    // An event card: its timeline puts the demands among the story's other events, in order.
    expect(parts.current).toHaveLength(1);
    expect(parts.timeline.length).toBeGreaterThanOrEqual(3);
    expect(parts.footer).toMatch(/pack \d{4}\.\d{2}\.\d{2} · reviewed \d+ \w+ \d{4}/);
    expect(await blockingViolations(page, CARD)).toEqual([]);
    if (name === 'chromium' && SHOOT) {
      await page.screenshot(shot('card-light.png'));
      await chromiumPage(page).emulateMedia({ colorScheme: 'dark' });
      await page.evaluate(waitForCardSettled, 3_000);
      expect(await blockingViolations(page, CARD), 'dark').toEqual([]);
      await page.screenshot(shot('card-dark.png'));
      await chromiumPage(page).emulateMedia({ colorScheme: null });
    }
  });

  it('on a dark page in light mode, the card keeps its own opaque colours', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    await page.evaluate(() => {
      document.body.style.background = '#111';
      document.body.style.color = '#eee';
    });
    await lookUp(s, page, 'Peskov');
    const bg = await page.evaluate(() => {
      const card = document.querySelector('backstory-card')!.shadowRoot!.querySelector('.card')!;
      return getComputedStyle(card).backgroundColor;
    });
    expect(bg).toBe('rgb(255, 255, 255)');
    expect(await blockingViolations(page, CARD)).toEqual([]);
  });

  it('the popup, with its list and an inline card, has no serious or critical axe violation', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    const popup = await s.openExtensionPage(`popup.html?tab=${await s.browser.tabIdOf(page)}`);
    await waitFor(() => popup.evaluate(foundGroups), (g) => g.length > 0, { timeout: 5_000, what: 'the popup’s list' });
    expect(await blockingViolations(popup)).toEqual([]);
    if (name === 'chromium' && SHOOT) {
      const raw = chromiumPage(popup);
      await raw.setViewportSize({ width: 360, height: 600 });
      await raw.screenshot({ path: shot('popup.png'), fullPage: true });
    }
    await popup.evaluate(typeInto, { selector: '#search', text: 'Peskov' });
    await waitFor(() => popup.evaluate(() => document.querySelectorAll('#search-results button').length), (n) => n > 0, {
      timeout: 3_000,
      what: 'search results',
    });
    await popup.evaluate(click, '#search-results button');
    await waitFor(() => popup.evaluate(() => document.querySelector('.search__card .card') !== null), Boolean, { timeout: 3_000, what: 'inline card' });
    expect(await blockingViolations(popup)).toEqual([]);
    if (name === 'chromium' && SHOOT) await chromiumPage(popup).screenshot({ path: shot('popup-search.png'), fullPage: true });
  });

  it('the options page has no serious or critical axe violation', async () => {
    const options = await s.openExtensionPage('options.html');
    await waitFor(() => options.evaluate(() => document.querySelectorAll('input[name="types"]').length), (n) => n === 4, {
      timeout: 5_000,
      what: 'the options form',
    });
    expect(await blockingViolations(options)).toEqual([]);
    if (name === 'chromium' && SHOOT) {
      const raw = chromiumPage(options);
      await raw.setViewportSize({ width: 760, height: 800 });
      await raw.screenshot({ path: shot('options.png'), fullPage: true });
    }
  });
});

describe('card placement in chromium', () => {
  const s = useBrowser('chromium');

  it('stays inside a narrow window, beside a mention that wraps across lines', async () => {
    const page = await s.openArticle();
    await chromiumPage(page).setViewportSize({ width: 360, height: 640 });
    await waitForHighlights(page);
    await page.bringToFront();
    const word = 'Organization for Security and Co-operation in Europe';
    const lines = await page.evaluate(selectWord, { word, occurrence: 0 });
    const wraps = await page.evaluate(() => getSelection()!.getRangeAt(0).getClientRects().length);
    expect(wraps, 'the name wraps at this width').toBeGreaterThan(1);
    const tabId = await s.browser.tabIdOf(page);
    await callBackground(s.browser, 'onMenuClicked', { menuItemId: 'backstory-lookup', selectionText: word }, { id: tabId });
    const card = await waitFor(() => page.evaluate(cardState), (c) => c.visible, { timeout: 5_000, what: 'the OSCE card' });
    const r = card.rect!;
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.left + r.width).toBeLessThanOrEqual(360);
    expect(r.top + r.height).toBeLessThanOrEqual(640);
    expect(lines.width).toBeGreaterThan(0);
  });
});
