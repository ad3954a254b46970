/**
 * Exploring without hovering, from the popup: the entities found on the page,
 * grouped by type with counts, each opening its card at its first mention;
 * and a typo-tolerant search over the whole pack that shows the card inline.
 */
import { describe, expect, it } from 'vitest';
import type { PageDriver } from '../harness/driver';
import { BROWSERS, useBrowser, waitFor, waitForHighlights } from '../harness/suite';
import { click, foundGroups, searchState, typeInto } from './popup-fns';
import { cardParts, currentMark, focusInfo } from './ux-fns';

async function openPopupFor(s: ReturnType<typeof useBrowser>, page: PageDriver): Promise<PageDriver> {
  const popup = await s.openExtensionPage(`popup.html?tab=${await s.browser.tabIdOf(page)}`);
  await waitFor(() => popup.evaluate(foundGroups), (g) => g.some((x) => x.type === 'person' && x.entities.length > 0), {
    timeout: 5_000,
    what: 'the popup’s list of people found',
  });
  return popup;
}

describe.each(BROWSERS)('exploring from the popup in %s', (name) => {
  const s = useBrowser(name);

  it('lists the entities found, grouped by type with counts; each opens its card at its first mention', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    const popup = await openPopupFor(s, page);
    const groups = await popup.evaluate(foundGroups);
    expect(groups.map((g) => g.type)).toEqual(['person', 'organization', 'place', 'event'].filter((t) => groups.some((g) => g.type === t)));
    for (const g of groups) {
      expect(g.count, `${g.type}: the count is the number of entities listed`).toBe(g.entities.length);
      for (const e of g.entities) expect(e.text).toMatch(/\d+ mentions?$/);
    }
    const people = groups.find((g) => g.type === 'person')!;
    expect(people.heading).toMatch(/^People \d+$/);
    expect(people.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['dmitry-peskov', 'sergey-lavrov']));

    // Lavrov is named once, far down the article: the page scrolls there and opens his card with focus.
    await popup.evaluate(click, 'button.found__entity[data-entity="sergey-lavrov"]');
    const shown = await waitFor(
      async () => ({ parts: await page.evaluate(cardParts), mark: await page.evaluate(currentMark), focus: await page.evaluate(focusInfo) }),
      (v) => /Lavrov/.test(v.parts.name ?? '') && v.focus.inCard && v.mark !== null && v.mark.top >= 0 && v.mark.bottom <= v.mark.viewport,
      { timeout: 5_000, what: 'Lavrov’s card at his first mention, in view, with focus' },
    );
    expect(shown.mark?.text).toMatch(/Lavrov/);
  });

  it('searches the whole pack, forgiving typos, and shows the card inline', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    const popup = await openPopupFor(s, page);
    for (const [query, id] of [
      ['Peskow', 'dmitry-peskov'],
      ['OSCE', 'osce'],
      ['geneva talks', 'geneva-security-talks-2022-01'],
    ] as const) {
      await popup.evaluate(typeInto, { selector: '#search', text: query });
      // Waiting for any results could take the previous query's, still on screen.
      const found = await waitFor(() => popup.evaluate(searchState), (st) => st.results[0] === id, {
        timeout: 3_000,
        what: `${id} as the best match for "${query}"`,
      });
      expect(found.status).toMatch(/\d+ match/);
    }
    // Enter opens the best match's card inline, with focus in it; it is an event, so it has a timeline.
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('#search')!.focus());
    await popup.keyboard.press('Enter');
    const open = await waitFor(() => popup.evaluate(searchState), (st) => st.card !== null, { timeout: 3_000, what: 'the inline card' });
    expect(open.card).toMatch(/Geneva/);
    expect(open.cardRole).toBe('dialog');
    expect(open.focusInCard).toBe(true);
    const moments = await popup.evaluate(() => [...document.querySelectorAll('.search__card .card__moment')].map((m) => m.textContent));
    expect(moments.length).toBeGreaterThanOrEqual(3);
    // Escape closes it and puts the reader back in the search box.
    await popup.keyboard.press('Escape');
    await waitFor(() => popup.evaluate(searchState), (st) => st.card === null && st.results.length > 0, { timeout: 3_000, what: 'back to the results' });
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('search');
  });
});
