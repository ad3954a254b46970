/**
 * Pages built to fight the extension (test/fixtures/hostile/): a strict
 * Content-Security-Policy, page CSS aimed at everything an extension adds,
 * scripts that replace or freeze the globals an extension might use, and a
 * page that defines Backstory's own custom element first. Backstory must keep
 * working (highlights, and a card that renders, readable and on top) or stay
 * silent, and never throw into the page.
 */
import { describe, expect, it } from 'vitest';
import type { PageDriver } from '../harness/driver';
import { cardState, readHighlights, waitForCard, waitForCardSettled, wordCenter } from '../harness/page-fns';
import { VIEWPORT } from '../harness/paths';
import { BROWSERS, waitFor, waitForHighlights } from '../harness/suite';
import { cardLook, pageStyles, type CardLook } from './page-probes';
import { HOSTILE_DIR, useRobustSuite } from './support';

/** The strictest policy there is: nothing may load or run, inline or not. */
const STRICT_CSP = "default-src 'none'";

/** Rests the pointer on the first `word` of the page and waits for the card. */
async function hoverForCard(page: PageDriver, word: string): Promise<void> {
  await page.bringToFront();
  const at = await page.evaluate(wordCenter, { word, occurrence: 0 });
  await page.mouse.move(at.x, at.y);
  const shown = await page.evaluate(waitForCard, { visible: true, timeout: 5_000 });
  expect(shown.ok, `a card opens on "${word}"`).toBe(true);
  expect(await page.evaluate(waitForCardSettled, 3_000), 'the card finished appearing').toBe(true);
}

/** What "readable and on top" means for a card, whatever the page does. */
function expectReadableOnTop(look: CardLook): void {
  expect(look.shown).toBe(true);
  expect(look.host).toMatchObject({ opacity: '1', visibility: 'visible', transform: 'none', filter: 'none', 'clip-path': 'none' });
  expect(look.host.display).not.toBe('none');
  expect(look.card).toMatchObject({ opacity: '1', visibility: 'visible' });
  expect(parseFloat(look.card['font-size'] ?? '0'), 'card text size in px').toBeGreaterThanOrEqual(12);
  expect(look.contrast, 'contrast of the card text on its background (WCAG AA: 4.5)').toBeGreaterThanOrEqual(4.5);
  expect(look.onTop, 'nothing of the page painted over the card').toBe(true);
  const r = look.rect!;
  expect(r.left).toBeGreaterThanOrEqual(0);
  expect(r.top).toBeGreaterThanOrEqual(0);
  expect(r.left + r.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(r.top + r.height).toBeLessThanOrEqual(VIEWPORT.height);
}

/** Starts recording Content-Security-Policy violations in the page. */
const recordViolations = () => {
  const w = window as unknown as { __violations?: string[] };
  w.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__violations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
  );
};
const violations = () => (window as unknown as { __violations?: string[] }).__violations ?? [];

describe.each(BROWSERS)('pages that fight back in %s', (name) => {
  const s = useRobustSuite(name, {
    root: HOSTILE_DIR,
    strictPageErrors: true,
    // custom-element-trap.html throws from its own connectedCallback, if it
    // ever runs; the strict CSP blocks the browser's own favicon request.
    pageErrorsAllowed: /page trap|favicon\.ico/,
    headers: (path) => (path === '/csp.html' ? { 'content-security-policy': STRICT_CSP } : undefined),
  });
  /** The card's own look on the CSP page, where no page style exists: the reference for the hostile page. */
  let reference: CardLook | undefined;

  it(`a strict Content-Security-Policy (${STRICT_CSP}): highlights and a readable card, no violation`, async () => {
    const page = await s.openPage('/csp.html');
    await page.evaluate(recordViolations);
    const snap = await waitForHighlights(page);
    expect(snap.ranges.map((r) => r.text)).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Vladimir Putin', 'NATO']));
    const lookalikes = ['#lookalike', '#lookalike h2', '#lookalike p'];
    const twins = ['#twin', '#twin h2', '#twin p'];
    const before = await page.evaluate(pageStyles, [...lookalikes, ...twins]);

    await hoverForCard(page, 'Peskov');
    reference = await page.evaluate(cardLook);
    expectReadableOnTop(reference);
    expect((await page.evaluate(cardState)).text).toMatch(/Peskov/);
    expect(await page.evaluate(violations), 'CSP violations while Backstory ran').toEqual([]);

    // Backstory's CSS stays in its shadow root: elements named like the card's
    // parts look exactly like their plain twins, before and after the card opened.
    const after = await page.evaluate(pageStyles, [...lookalikes, ...twins]);
    expect(after).toEqual(before);
    lookalikes.forEach((sel, i) => expect(after[sel], `${sel} styled like ${twins[i]}`).toEqual(after[twins[i]!]));
  });

  it('hostile page CSS (all: unset !important, its own ::highlight rules, max z-index overlays, no pointer events on body, rules aimed at the card): the card is unchanged, readable and on top; nothing leaks out', async () => {
    const page = await s.openPage('/hostile-css.html');
    const snap = await waitForHighlights(page);
    expect(snap.ranges.map((r) => r.text)).toEqual(expect.arrayContaining(['Dmitry Peskov', 'Vladimir Putin', 'NATO']));
    // The page's own highlight is still its own.
    const pageMark = () => {
      const h = CSS.highlights.get('page-mark');
      const r = h ? [...h][0] : undefined;
      return r ? `${h!.size} ${(r.startContainer as Text).data.slice(r.startOffset, r.endOffset)}` : null;
    };
    expect(await page.evaluate(pageMark)).toBe('1 sentence');
    const pageParts = ['#page-card', '#page-card h2', '#page-card p', '#overlay', '#widget', '#lead'];
    const before = await page.evaluate(pageStyles, pageParts);

    await hoverForCard(page, 'Peskov');
    const look = await page.evaluate(cardLook);
    expectReadableOnTop(look);
    // Page CSS does not get in: the card looks as it does on a page with no styles at all.
    if (reference) expect(look.card).toEqual(reference.card);
    // Backstory's CSS does not get out: the page's elements, its card lookalike included, are untouched.
    expect(await page.evaluate(pageStyles, pageParts)).toEqual(before);
    expect(await page.evaluate(pageMark)).toBe('1 sentence');
  });

  it('page scripts that replace or freeze globals (DOM methods, Range, MutationObserver, timers, CSS, JSON, Promise): Backstory works, never calls them and posts the page no message', async () => {
    const page = await s.openPage('/tampered-globals.html');
    type Real = { __real: { highlightCount(): number; centerOf(w: string): { x: number; y: number } | null }; __trapped: string[]; __errors: string[]; __messages: string[] };
    await waitFor(() => page.evaluate(() => (window as unknown as Real).__real.highlightCount()), (n) => n >= 3, {
      timeout: 10_000,
      what: 'highlights on the tampered page',
    });
    await page.bringToFront();
    const at = await page.evaluate(() => (window as unknown as Real).__real.centerOf('Peskov'));
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await waitFor(
      () => page.evaluate(() => Boolean(document.getElementsByTagName('backstory-card')[0]?.shadowRoot?.querySelector('.card'))),
      (shown) => shown,
      { timeout: 5_000, what: 'the card on the tampered page' },
    );
    // Look with the page's globals put back (the prototypes it froze stay frozen).
    const seen = await page.evaluate(() => {
      const w = window as unknown as Real & { __untamper(): void };
      const trapped = [...w.__trapped];
      w.__untamper();
      return { trapped, errors: [...w.__errors], messages: [...w.__messages] };
    });
    expect(seen.trapped, 'tampered globals called by anyone but the page').toEqual([]);
    expect(seen.errors, 'errors the page saw').toEqual([]);
    expect(seen.messages, 'messages posted to the page').toEqual([]);
    expect((await page.evaluate(readHighlights)).ranges.map((r) => r.text)).toEqual(
      expect.arrayContaining(['Dmitry Peskov', 'Vladimir Putin', 'NATO']),
    );
    expect((await page.evaluate(waitForCard, { visible: true, timeout: 3_000 })).ok, 'the card, visible').toBe(true);
    expect((await page.evaluate(cardState)).text).toMatch(/Peskov/);
  });

  it('a page that defines <backstory-card> itself: highlights still work, and Backstory shows a working card or none, throwing nothing', async () => {
    const page = await s.openPage('/custom-element-trap.html');
    await waitForHighlights(page);
    await page.bringToFront();
    const at = await page.evaluate(wordCenter, { word: 'Peskov', occurrence: 0 });
    await page.mouse.move(at.x, at.y);
    // The dwell is 350 ms: wait well past it, for a card that may rightly never come.
    const shown = await page.evaluate(waitForCard, { visible: true, timeout: 2_500 });
    const state = await page.evaluate(() => {
      const w = window as unknown as { __errors: string[]; __constructed: number };
      return { errors: w.__errors.filter((e) => !e.includes('page trap')), constructed: w.__constructed };
    });
    expect(state.errors, 'errors in the page other than its own trap').toEqual([]);
    if (shown.ok) expect((await page.evaluate(cardState)).text).toMatch(/Peskov/);
    // Either way the page's highlights stay, and moving on works.
    expect((await page.evaluate(readHighlights)).ranges.length).toBeGreaterThan(0);
    await page.mouse.move(5, 5);
  });
});
