/**
 * Hovering a highlighted name shows its card after a short dwell; moving away
 * closes it after a grace period; Escape closes it at once.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageDriver } from './harness/driver';
import { BROWSERS, useBrowser, waitForHighlights } from './harness/suite';
import { cardState, armMoveClock, waitForCard, waitForCardSettled, wordCenter } from './harness/page-fns';
import { SCREENSHOTS_DIR, VIEWPORT } from './harness/paths';

/** Opens the article, hovers the first "Peskov" and waits for the card; returns the dwell it took. */
async function hoverPeskov(page: PageDriver): Promise<{ dwell: number | null }> {
  await waitForHighlights(page);
  await page.bringToFront();
  const at = await page.evaluate(wordCenter, { word: 'Peskov', occurrence: 0 });
  expect((await page.evaluate(cardState)).visible, 'no card before the hover').toBe(false);
  await page.evaluate(armMoveClock);
  await page.mouse.move(at.x, at.y);
  const shown = await page.evaluate(waitForCard, { visible: true, timeout: 5_000 });
  expect(shown.ok, 'the card appears while the pointer rests on "Peskov"').toBe(true);
  return { dwell: shown.sinceMove };
}

/** A viewport point in the page margin, clear of the card. */
function farPoint(card: { left: number; top: number; width: number; height: number } | null): { x: number; y: number } {
  // The fixture's text column is 760 px wide and centred in a 1280 px viewport:
  // its side margins hold no text, so nothing there can be hovered.
  const { width: w, height: h } = VIEWPORT;
  const candidates = [
    { x: 12, y: h - 20 },
    { x: w - 12, y: h - 20 },
    { x: 12, y: h / 2 },
    { x: w - 12, y: h / 2 },
  ];
  const clear = candidates.find(
    (p) =>
      !card ||
      p.x < card.left - 20 ||
      p.x > card.left + card.width + 20 ||
      p.y < card.top - 20 ||
      p.y > card.top + card.height + 20,
  );
  return clear ?? candidates[0]!;
}

describe.each(BROWSERS)('hover card in %s', (name) => {
  const s = useBrowser(name);

  it('shows Peskov\'s card after a dwell: the Kremlin\'s spokesman', async () => {
    const page = await s.openArticle();
    const { dwell } = await hoverPeskov(page);
    // ~350 ms dwell: the card must not pop up the instant the pointer arrives.
    expect(dwell).not.toBeNull();
    expect(dwell!).toBeGreaterThanOrEqual(200);
    expect(dwell!).toBeLessThan(3_000);

    const card = await page.evaluate(cardState);
    expect(card.hosts).toBe(1);
    expect(card.hostHasOpenShadow).toBe(true);
    expect(card.role).toBe('dialog');
    expect(card.label ?? '').toContain('Peskov');
    expect(card.text).toContain('Peskov');
    expect(card.text).toMatch(/spokes/i);
    expect(card.text).toMatch(/Kremlin/i);
    // On screen, where the reader can see it.
    const r = card.rect!;
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.top).toBeGreaterThanOrEqual(0);
    expect(r.left + r.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(r.top + r.height).toBeLessThanOrEqual(VIEWPORT.height);

    // The README's picture, from the real build only (not from a stand-in pointed to by env).
    if (name === 'chromium' && !process.env.BACKSTORY_E2E_CHROME_DIR) {
      expect(await page.evaluate(waitForCardSettled, 3_000), 'the card finished fading in').toBe(true);
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot(resolve(SCREENSHOTS_DIR, 'card-moscowtimes.png'));
    }
  });

  it('closes the card after a grace period when the pointer moves far away', async () => {
    const page = await s.openArticle();
    await hoverPeskov(page);
    const away = farPoint((await page.evaluate(cardState)).rect);
    await page.evaluate(armMoveClock);
    await page.mouse.move(away.x, away.y);
    const closed = await page.evaluate(waitForCard, { visible: false, timeout: 5_000 });
    expect(closed.ok, 'the card closes once the pointer has left').toBe(true);
    // ~300 ms grace, so a pointer on its way to the card does not lose it.
    expect(closed.sinceMove!).toBeGreaterThanOrEqual(150);
    expect(closed.sinceMove!).toBeLessThan(3_000);
  });

  it('closes the card on Escape, and it stays closed', async () => {
    const page = await s.openArticle();
    await hoverPeskov(page);
    await page.keyboard.press('Escape');
    const closed = await page.evaluate(waitForCard, { visible: false, timeout: 1_500 });
    expect(closed.ok, 'Escape closes the card').toBe(true);
    // The pointer still rests on "Peskov" and has not moved: nothing should reopen it.
    const reopened = await page.evaluate(waitForCard, { visible: true, timeout: 700 });
    expect(reopened.ok).toBe(false);
  });
});
