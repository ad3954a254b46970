/**
 * Cards without a hover: the keyboard commands step through the page's
 * mentions (scroll into view, open the card, focus inside it, Escape gives
 * focus back), and "Look up “…” in Backstory" opens the best match's card
 * beside the selection. Both are driven by calling the background's own
 * handlers (./background-call.ts says why).
 */
import { describe, expect, it } from 'vitest';
import type { PageDriver } from '../harness/driver';
import { cardState } from '../harness/page-fns';
import { BROWSERS, useBrowser, waitFor, waitForHighlights } from '../harness/suite';
import { callBackground } from './background-call';
import { cardParts, currentMark, focusElement, focusInfo, scrollToTop, selectWord } from './ux-fns';

/** Presses the "next mention" or "previous mention" command for `page`'s tab. */
async function step(s: ReturnType<typeof useBrowser>, page: PageDriver, command: 'next-mention' | 'previous-mention') {
  const tabId = await s.browser.tabIdOf(page);
  await callBackground(s.browser, 'onCommand', command, { id: tabId });
}

/** Waits until the card shows `name`, with focus inside it. */
async function cardWithFocus(page: PageDriver, what: string) {
  return waitFor(
    async () => ({ parts: await page.evaluate(cardParts), focus: await page.evaluate(focusInfo), mark: await page.evaluate(currentMark) }),
    (v) => v.parts.open && v.focus.inCard,
    { timeout: 5_000, what },
  );
}

/** The open card's box once it has stopped moving: a step may smooth-scroll the page, and the card follows its mention. */
async function cardAtRest(page: PageDriver) {
  const { now } = await waitFor(
    async () => {
      const before = await page.evaluate(cardParts);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { before, now: await page.evaluate(cardParts) };
    },
    ({ before, now }) => now.rect != null && before.rect?.top === now.rect.top,
    { timeout: 5_000, what: 'the card at rest' },
  );
  return now.rect!;
}

describe.each(BROWSERS)('keyboard and lookup in %s', (name) => {
  const s = useBrowser(name);

  it('steps to the next and previous mention: card open with focus in it, scrolled into view, wrapping at the ends', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    await page.evaluate(scrollToTop);

    await step(s, page, 'next-mention');
    const first = await cardWithFocus(page, 'the first mention’s card, focused');
    expect(first.focus.inside).toMatch(/^article\.card/);
    expect(first.mark?.text).toBeTruthy();
    // Visible once its fade-in has run (instant under reduced motion).
    const state = await waitFor(() => page.evaluate(cardState), (c) => c.visible, { timeout: 3_000, what: 'card visible' });
    expect(state.role).toBe('dialog');
    expect(state.label).toBe(first.parts.name);

    await step(s, page, 'next-mention');
    await waitFor(
      async () => ({ mark: await page.evaluate(currentMark), focus: await page.evaluate(focusInfo) }),
      (v) => v.mark !== null && v.mark.at !== first.mark?.at && v.focus.inCard,
      { timeout: 5_000, what: 'the second mention marked, its card focused' },
    );
    await step(s, page, 'previous-mention');
    await waitFor(() => page.evaluate(currentMark), (m) => m?.at === first.mark?.at, { timeout: 5_000, what: 'back on the first mention' });

    // Before the first mention: round to the last, at the foot of the article, scrolled into view.
    await step(s, page, 'previous-mention');
    const last = await waitFor(
      async () => ({ mark: await page.evaluate(currentMark), scrollY: await page.evaluate(() => scrollY), focus: await page.evaluate(focusInfo) }),
      (v) => v.mark !== null && v.mark.at !== first.mark?.at && v.scrollY > 0 && v.mark.top >= 0 && v.mark.bottom <= v.mark.viewport && v.focus.inCard,
      { timeout: 5_000, what: 'the last mention scrolled into view, its card focused' },
    );
    expect(last.mark?.text).toBeTruthy();
  });

  it('Escape closes a card opened from the keyboard and gives focus back to where it was', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    expect(await page.evaluate(focusElement, 'a[href="#related-1"]')).toBe(true);
    await step(s, page, 'next-mention');
    await cardWithFocus(page, 'a card, focused');
    await page.keyboard.press('Escape');
    await waitFor(() => page.evaluate(cardState), (c) => !c.visible, { timeout: 3_000, what: 'card closed by Escape' });
    expect(await page.evaluate(focusInfo)).toMatchObject({ inCard: false, page: 'a' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#related-1');
    expect(await page.evaluate(currentMark), 'the current-mention mark goes with the card').toBeNull();
  });

  it('opens related entities’ cards in place from the keyboard, and goes back', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    await page.evaluate(scrollToTop);
    await step(s, page, 'next-mention');
    const first = await cardWithFocus(page, 'a card, focused');
    expect(first.parts.chips.length).toBeGreaterThan(0);
    const firstAt = await cardAtRest(page);
    // Tab to the first chip (past close button, timeline links) and open it with Enter.
    const chipName = await page.evaluate(() => {
      const root = document.querySelector('backstory-card')!.shadowRoot!;
      const chip = root.querySelector<HTMLButtonElement>('button.card__chip')!;
      chip.focus();
      return chip.textContent!.trim();
    });
    await page.keyboard.press('Enter');
    const opened = await waitFor(() => page.evaluate(cardParts), (p) => p.name === chipName, { timeout: 3_000, what: `${chipName}'s card in place` });
    expect(opened.rect?.top).toBeCloseTo(firstAt.top, -1);
    await waitFor(() => page.evaluate(focusInfo), (f) => /^article\.card/.test(f.inside ?? ''), { timeout: 3_000, what: 'focus on the new card' });
    await page.evaluate(() => document.querySelector('backstory-card')!.shadowRoot!.querySelector<HTMLButtonElement>('.card__back')!.focus());
    await page.keyboard.press('Enter');
    await waitFor(() => page.evaluate(cardParts), (p) => p.name === first.parts.name, { timeout: 3_000, what: 'back to the first card' });
  });

  it('"Look up “Lavrov” in Backstory" opens Sergey Lavrov’s card beside the selection', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    const selected = await page.evaluate(selectWord, { word: 'Lavrov', occurrence: 0 });
    const tabId = await s.browser.tabIdOf(page);
    await callBackground(s.browser, 'onMenuClicked', { menuItemId: 'backstory-lookup', selectionText: 'Lavrov' }, { id: tabId });
    const shown = await cardWithFocus(page, 'Lavrov’s card after the lookup');
    expect(shown.parts.name).toMatch(/Lavrov/);
    expect(shown.parts.line).toMatch(/Foreign (Minister|Affairs)/i);
    // Beside the selection: just below (or above) it, overlapping it horizontally.
    const card = shown.parts.rect!;
    const gap = Math.min(Math.abs(card.top - selected.bottom), Math.abs(selected.top - (card.top + card.height)));
    expect(gap).toBeLessThan(40);
    expect(card.left).toBeLessThanOrEqual(selected.left + selected.width);
  });

  it('a misspelt lookup still finds its entity, and one that matches nothing says so', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.bringToFront();
    await page.evaluate(selectWord, { word: 'Zelenskiy', occurrence: 0 });
    const tabId = await s.browser.tabIdOf(page);
    await callBackground(s.browser, 'onMenuClicked', { menuItemId: 'backstory-lookup', selectionText: 'Zelenskiy' }, { id: tabId });
    const shown = await cardWithFocus(page, 'Zelensky’s card');
    expect(shown.parts.name).toMatch(/Zelensky/);

    await page.evaluate(selectWord, { word: 'holiday', occurrence: 0 });
    await callBackground(s.browser, 'onMenuClicked', { menuItemId: 'backstory-lookup', selectionText: 'holiday' }, { id: tabId });
    const none = await waitFor(() => page.evaluate(cardParts), (p) => p.name === 'Not in Backstory', { timeout: 5_000, what: 'the no-match note' });
    expect(none.open).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(() => page.evaluate(cardState), (c) => !c.visible, { timeout: 3_000, what: 'note closed by Escape' });
  });
});
