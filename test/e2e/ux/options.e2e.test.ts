/**
 * The options page applies at once to the tabs already open, without a
 * reload: which types are highlighted, the highlight style, every mention or
 * the first only, the hover delay, the sites where Backstory is off; and
 * "Reset to defaults" brings everything back.
 */
import { describe, expect, it } from 'vitest';
import type { PageDriver } from '../harness/driver';
import { armMoveClock, waitForCard, wordCenter } from '../harness/page-fns';
import { BROWSERS, noHighlights, useBrowser, waitFor, waitForHighlights } from '../harness/suite';
import { readHighlights } from '../harness/page-fns';
import { click, typeInto } from './popup-fns';
import { highlightsByName } from './ux-fns';

/** How many painted ranges contain `word`, over all of Backstory's highlights. */
const rangesWith = (h: Record<string, string[]>, word: string) =>
  Object.entries(h)
    .filter(([name]) => name !== 'backstory-current')
    .flatMap(([, texts]) => texts)
    .filter((t) => t.includes(word)).length;

/** Highlights compared as sets: names and texts sorted, since repainting may register them in another order. */
const sameHighlights = (a: Record<string, string[]>, b: Record<string, string[]>) => {
  const norm = (h: Record<string, string[]>) => JSON.stringify(Object.keys(h).sort().map((k) => [k, [...h[k]!].sort()]));
  return norm(a) === norm(b);
};

async function openOptions(s: ReturnType<typeof useBrowser>): Promise<PageDriver> {
  const options = await s.openExtensionPage('options.html');
  await waitFor(() => options.evaluate(() => document.querySelectorAll('input[name="types"]:checked').length), (n) => n === 4, {
    timeout: 5_000,
    what: 'the options page, showing all four types on',
  });
  return options;
}

describe.each(BROWSERS)('options in %s', (name) => {
  const s = useBrowser(name);

  it('types, style, first-mention-only and reset apply to an open tab at once', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    await page.evaluate(() => ((window as unknown as { __e2eMark: number }).__e2eMark = 1));
    const options = await openOptions(s);
    try {
      // People off: no person is painted; the other types stay.
      await options.evaluate(click, 'input[name="types"][value="person"]');
      const noPeople = await waitFor(() => page.evaluate(highlightsByName), (h) => !h['backstory-person']?.length, {
        timeout: 5_000,
        what: 'no person highlighted',
      });
      expect(noPeople['backstory-organization']?.length).toBeGreaterThan(0);
      await options.evaluate(click, 'input[name="types"][value="person"]');
      await waitFor(() => page.evaluate(highlightsByName), (h) => (h['backstory-person']?.length ?? 0) > 0, { timeout: 5_000, what: 'people back' });

      // Underline only: the same mentions, registered under the style's names.
      const before = await page.evaluate(highlightsByName);
      await options.evaluate(click, 'input[name="style"][value="underline"]');
      const underlined = await waitFor(() => page.evaluate(highlightsByName), (h) => (h['backstory-person-underline']?.length ?? 0) > 0, {
        timeout: 5_000,
        what: 'highlights in the underline style',
      });
      expect(underlined['backstory-person']).toBeUndefined();
      expect(underlined['backstory-person-underline']?.sort()).toEqual(before['backstory-person']?.sort());

      // First mention only: Peskov, named twice, is painted once.
      expect(rangesWith(before, 'Peskov')).toBeGreaterThan(1);
      await options.evaluate(click, 'input[name="mentions"][value="first"]');
      const firstOnly = await waitFor(() => page.evaluate(highlightsByName), (h) => rangesWith(h, 'Peskov') === 1, {
        timeout: 5_000,
        what: 'Peskov painted once',
      });
      for (const texts of Object.values(firstOnly)) expect(texts.length).toBeGreaterThan(0);

      // Reset: every default back, in the page and in the form.
      await options.evaluate(click, '#reset');
      await waitFor(() => page.evaluate(highlightsByName), (h) => sameHighlights(h, before), {
        timeout: 5_000,
        what: 'the default highlights back after reset',
      });
      const form = await waitFor(
        () =>
          options.evaluate(() => ({
            types: document.querySelectorAll('input[name="types"]:checked').length,
            style: document.querySelector<HTMLInputElement>('input[name="style"]:checked')?.value,
            mentions: document.querySelector<HTMLInputElement>('input[name="mentions"]:checked')?.value,
            delay: document.querySelector<HTMLInputElement>('input[name="delay"]:checked')?.value,
            saved: document.getElementById('saved')?.textContent ?? '',
          })),
        // The form shows the defaults at once; the "Saved" line waits for the writes.
        (f) => f.style === 'tint' && f.mentions === 'every' && /default/.test(f.saved),
        { timeout: 3_000, what: 'the form back to defaults, and saved' },
      );
      expect(form).toMatchObject({ types: 4, style: 'tint', mentions: 'every', delay: '350' });
      expect(await page.evaluate(() => (window as unknown as { __e2eMark?: number }).__e2eMark), 'no reload').toBe(1);
    } finally {
      await options.evaluate(click, '#reset');
    }
  });

  it('the hover delay applies to the next hover', async () => {
    const page = await s.openArticle();
    await waitForHighlights(page);
    const options = await openOptions(s);
    try {
      await options.evaluate(click, 'input[name="delay"][value="1000"]');
      // A delay cannot be seen until a hover, so a change after it shows when the tab has it: the
      // tab hears of the writes in order and reads every setting again at each.
      await options.evaluate(click, 'input[name="style"][value="underline"]');
      await waitFor(() => page.evaluate(highlightsByName), (h) => (h['backstory-person-underline']?.length ?? 0) > 0, {
        timeout: 5_000,
        what: 'the tab following the options (the style chosen after the delay)',
      });
      await page.bringToFront();
      const at = await page.evaluate(wordCenter, { word: 'Peskov', occurrence: 0 });
      await page.evaluate(armMoveClock);
      await page.mouse.move(at.x, at.y);
      const shown = await page.evaluate(waitForCard, { visible: true, timeout: 5_000 });
      expect(shown.ok).toBe(true);
      expect(shown.sinceMove!).toBeGreaterThanOrEqual(900);
    } finally {
      await options.evaluate(click, '#reset');
    }
  });

  it('adds a site to the list where Backstory is off, and removes it', async () => {
    const other = await s.openArticle('localhost');
    await waitForHighlights(other);
    const options = await openOptions(s);
    try {
      // A whole address is accepted; what is kept is its host name.
      await options.evaluate(typeInto, { selector: '#site-input', text: 'not a site' });
      await options.evaluate(click, '.add-site button[type="submit"]');
      await waitFor(() => options.evaluate(() => document.getElementById('site-error')?.textContent ?? ''), (t) => t.length > 0, {
        timeout: 3_000,
        what: 'an error for a bad site',
      });
      await options.evaluate(typeInto, { selector: '#site-input', text: 'http://localhost:1234/some/page' });
      await options.evaluate(click, '.add-site button[type="submit"]');
      await waitFor(() => other.evaluate(readHighlights), noHighlights, { timeout: 5_000, what: 'localhost cleared' });
      // The options page hears of the write on its own, maybe after the tab did.
      const listed = await waitFor(
        () => options.evaluate(() => [...document.querySelectorAll('#sites li span')].map((e) => e.textContent)),
        (sites) => sites.length > 0,
        { timeout: 3_000, what: 'the site listed' },
      );
      expect(listed).toEqual(['localhost']);

      await options.evaluate(click, '#sites li button');
      await waitForHighlights(other);
      await waitFor(() => options.evaluate(() => document.querySelectorAll('#sites li').length), (n) => n === 0, {
        timeout: 3_000,
        what: 'the list empty again',
      });
    } finally {
      await options.evaluate(() => document.querySelectorAll<HTMLButtonElement>('#sites li button').forEach((b) => b.click()));
    }
  });
});
