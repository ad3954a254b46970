/**
 * The popup's two switches act on open tabs at once, without a reload: "everywhere"
 * on every site, "this site" on the tab's site only.
 */
import { describe, expect, it } from 'vitest';
import type { PageDriver } from './harness/driver';
import { BROWSERS, highlightTexts, noHighlights, useBrowser, waitFor, waitForHighlights } from './harness/suite';
import { readHighlights } from './harness/page-fns';

const EVERYWHERE = '#switch-everywhere';
const SITE = '#switch-site';

/** State of the popup's switches and its list of what was found. */
const popupState = () => {
  const sw = (sel: string) => {
    const el = document.querySelector<HTMLInputElement>(sel);
    return el ? { checked: el.checked, role: el.getAttribute('role'), type: el.type, disabled: el.disabled } : null;
  };
  return {
    everywhere: sw('#switch-everywhere'),
    site: sw('#switch-site'),
    found: [...document.querySelectorAll('#found li, #found [role="listitem"]')].map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  };
};

/** Clicks a switch (a click is what a user's tap or Space dispatches) and waits for its new state. */
async function setSwitch(popup: PageDriver, selector: string, on: boolean): Promise<void> {
  const now = await popup.evaluate(
    ({ selector, on }) => {
      const el = document.querySelector<HTMLInputElement>(selector);
      if (!el) throw new Error(`no ${selector} in the popup`);
      if (el.disabled) throw new Error(`${selector} is disabled`);
      if (el.checked !== on) el.click();
      return el.checked;
    },
    { selector, on },
  );
  if (now !== on) {
    await waitFor(
      () => popup.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.checked, selector),
      (c) => c === on,
      { timeout: 3_000, what: `${selector} checked=${on}` },
    );
  }
}

/** Marks the page's window, to tell later that it was not reloaded. */
const mark = () => {
  (window as unknown as { __e2eNoReload?: string }).__e2eNoReload = 'still-here';
};
const marked = () => (window as unknown as { __e2eNoReload?: string }).__e2eNoReload === 'still-here';

async function openPopupFor(s: ReturnType<typeof useBrowser>, page: PageDriver): Promise<PageDriver> {
  const tabId = await s.browser.tabIdOf(page);
  const popup = await s.openExtensionPage(`popup.html?tab=${tabId}`);
  await waitFor(
    () => popup.evaluate(popupState),
    // The site switch stays disabled until the popup knows the tab's site.
    (p) => p.everywhere !== null && p.site !== null && !p.everywhere.disabled && !p.site.disabled,
    { timeout: 5_000, what: 'both popup switches, enabled' },
  );
  return popup;
}

describe.each(BROWSERS)('popup switches in %s', (name) => {
  const s = useBrowser(name);

  it('shows two switches, on, and what was found on the page, per type with counts', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    const popup = await openPopupFor(s, page);
    const state = await waitFor(
      () => popup.evaluate(popupState),
      (p) => p.found.some((t) => /People\D*\d+/.test(t)),
      { timeout: 5_000, what: '"People <n>" in #found' },
    );
    expect(state.everywhere).toMatchObject({ checked: true, role: 'switch', type: 'checkbox' });
    expect(state.site).toMatchObject({ checked: true, role: 'switch', type: 'checkbox' });
    const people = Number(/People\D*(\d+)/.exec(state.found.find((t) => /People/.test(t))!)![1]);
    expect(people).toBeGreaterThan(0);
  });

  it('"everywhere" off removes every highlight from the open page, on restores them, without reload', async () => {
    const page = await s.openArticle();
    const before = highlightTexts(await waitForHighlights(page));
    await page.evaluate(mark);
    const popup = await openPopupFor(s, page);
    try {
      await setSwitch(popup, EVERYWHERE, false);
      await waitFor(() => page.evaluate(readHighlights), noHighlights, {
        timeout: 5_000,
        what: 'all four highlights gone after "everywhere" off',
      });
      await setSwitch(popup, EVERYWHERE, true);
      const back = await waitFor(
        () => page.evaluate(readHighlights),
        (h) => JSON.stringify(highlightTexts(h)) === JSON.stringify(before),
        { timeout: 5_000, what: 'the same highlights back after "everywhere" on' },
      );
      expect(highlightTexts(back)).toEqual(before);
      expect(await page.evaluate(marked), 'the page was not reloaded').toBe(true);
    } finally {
      await setSwitch(popup, EVERYWHERE, true);
    }
  });

  it('"this site" off for 127.0.0.1 clears that tab and leaves the page on localhost highlighted', async () => {
    const local = await s.openArticle('127.0.0.1');
    const other = await s.openArticle('localhost');
    const before = highlightTexts(await waitForHighlights(local));
    const otherBefore = highlightTexts(await waitForHighlights(other));
    await local.evaluate(mark);
    const popup = await openPopupFor(s, local);
    try {
      await setSwitch(popup, SITE, false);
      await waitFor(() => local.evaluate(readHighlights), noHighlights, {
        timeout: 5_000,
        what: 'no highlights on 127.0.0.1 after "this site" off',
      });
      // The other site keeps its highlights (watched for a while, as the change reaches every tab).
      const watchUntil = Date.now() + 500;
      do {
        expect(highlightTexts(await other.evaluate(readHighlights))).toEqual(otherBefore);
        await new Promise((r) => setTimeout(r, 100));
      } while (Date.now() < watchUntil);
      // A popup opened now reads the switch from storage (it shows "on" until it has): off for
      // 127.0.0.1, and still on in localhost's own popup.
      const again = await openPopupFor(s, local);
      await waitFor(() => again.evaluate(popupState), (p) => p.site?.checked === false, {
        timeout: 3_000,
        what: 'a new popup for 127.0.0.1 showing its site off',
      });
      const otherPopup = await openPopupFor(s, other);
      expect((await otherPopup.evaluate(popupState)).site?.checked).toBe(true);
      expect((await popup.evaluate(popupState)).site?.checked).toBe(false);

      await setSwitch(popup, SITE, true);
      await waitFor(
        () => local.evaluate(readHighlights),
        (h) => JSON.stringify(highlightTexts(h)) === JSON.stringify(before),
        { timeout: 5_000, what: 'the highlights back on 127.0.0.1 after "this site" on' },
      );
      expect(await local.evaluate(marked), 'the page was not reloaded').toBe(true);
    } finally {
      await setSwitch(popup, SITE, true);
    }
  });
});
