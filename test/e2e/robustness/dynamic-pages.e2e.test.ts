/**
 * Pages that change under Backstory (test/fixtures/hostile/): a single-page
 * app that re-renders, an endless feed that loads and drops posts, text
 * edited in place beside a clock that ticks every 30 ms, and editors. The
 * highlights must follow the text, never stay on text that went away, never
 * touch what the page's scripts own, and never appear in an editor.
 */
import { describe, expect, it } from 'vitest';
import type { PageDriver } from '../harness/driver';
import { readHighlights } from '../harness/page-fns';
import { BROWSERS, waitFor } from '../harness/suite';
import { foreignElements, misplacedHighlights, nameCoverage, staleHighlightRanges, type NameCoverage } from './page-probes';
import { HOSTILE_DIR, settledHighlights, useRobustSuite } from './support';

/** How long highlights may take to follow a change: the rescan debounce plus a pass, with room for a loaded machine. */
const FOLLOW_TIMEOUT_MS = 5_000;

/** Waits until the highlights are exactly the occurrences of `names` (see `nameCoverage`). */
async function expectExactly(page: PageDriver, names: string[], what: string, within?: string): Promise<NameCoverage> {
  return waitFor(
    () => page.evaluate(nameCoverage, { names, within }),
    (c) => c.missing.length === 0 && c.extra.length === 0,
    { timeout: FOLLOW_TIMEOUT_MS, interval: 50, what: `highlights on exactly ${names.join(', ')} (${what})` },
  );
}

/** Puts the caret at the end of an editable element or field and focuses it. */
const caretToEnd = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector)!;
  el.focus();
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.setSelectionRange(el.value.length, el.value.length);
  } else {
    const sel = getSelection()!;
    sel.selectAllChildren(el);
    sel.collapseToEnd();
  }
};

/** What an editor holds and where its caret is, as the page sees it. */
const editorState = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector)!;
  const w = window as unknown as { __inputs: number };
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    return { text: el.value, caretAtEnd: el.selectionStart === el.value.length, inputs: w.__inputs, focused: document.activeElement === el };
  }
  const sel = getSelection()!;
  const caret = sel.rangeCount ? sel.getRangeAt(0) : null;
  // The caret is at the end when all of the editor's text lies before it.
  const upToCaret = document.createRange();
  upToCaret.setStart(el, 0);
  if (caret) upToCaret.setEnd(caret.endContainer, caret.endOffset);
  // Editors write a typed trailing space as a no-break space.
  const text = (el.textContent ?? '').replace(/\u00a0/g, ' ');
  return {
    text,
    caretAtEnd: caret !== null && caret.collapsed && upToCaret.toString().length === (el.textContent ?? '').length,
    inputs: w.__inputs,
    focused: document.activeElement === el,
  };
};

describe.each(BROWSERS)('pages that change under Backstory in %s', (name) => {
  const s = useRobustSuite(name, { root: HOSTILE_DIR, strictPageErrors: true });

  it('a single-page app re-renders (innerHTML swaps, keyed updates): highlights follow, the app sees only its own nodes', async () => {
    const page = await s.openPage('/spa.html');
    const names = ['Vladimir Putin', 'Dmitry Peskov', 'NATO', 'Sergei Lavrov', 'OSCE', 'Antony Blinken', 'Vienna', 'Jens Stoltenberg'];
    for (const [i, step] of [0, 1, 2, 0, 1].entries()) {
      if (i > 0) await page.evaluate((n) => (window as unknown as { __spa: { render(n: number): void } }).__spa.render(n), step);
      const c = await expectExactly(page, names, `render ${step}`);
      expect(c.total).toBeGreaterThan(0);
      const intact = await page.evaluate(() => (window as unknown as { __spa: { intact(): object } }).__spa.intact());
      expect(intact, `the app's DOM is what it rendered (render ${step})`).toEqual({ app: true, list: true, textNodes: true });
      expect(await page.evaluate(foreignElements)).toEqual([]);
      expect(await page.evaluate(staleHighlightRanges)).toEqual([]);
    }
  });

  it('an endless feed loads posts as it scrolls and drops old ones: new posts lit, none left on dropped ones', async () => {
    const page = await s.openPage('/feed.html');
    const names = ['Vladimir Putin', 'NATO', 'Dmitry Peskov', 'Sergei Lavrov', 'Brussels', 'Geneva'];
    await expectExactly(page, names, 'first posts');
    const loaded = () => page.evaluate(() => (window as unknown as { __feed: { loaded(): number } }).__feed.loaded());
    for (let round = 0; round < 5; round++) {
      const before = await loaded();
      // Up, then down: the sentinel leaves the viewport and comes back, as when a reader scrolls on.
      await page.evaluate(async () => {
        window.scrollTo(0, 0);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        window.scrollTo(0, document.documentElement.scrollHeight);
      });
      await waitFor(loaded, (n) => n > before, { timeout: FOLLOW_TIMEOUT_MS, what: `the feed loading more (round ${round})` });
    }
    const first = await page.evaluate(() => (window as unknown as { __feed: { first(): string } }).__feed.first());
    expect(first, 'old posts were dropped').not.toBe('post-0');
    const c = await expectExactly(page, names, 'after five loads');
    expect(c.total).toBeGreaterThanOrEqual(10);
    expect(await page.evaluate(staleHighlightRanges)).toEqual([]);
  });

  it('text edited in place (rewritten, replaced, appended, split, merged) beside a 30 ms clock: highlights keep up', async () => {
    const page = await s.openPage('/live-edit.html');
    await expectExactly(page, ['Vladimir Putin', 'NATO'], 'as loaded');
    const edit = (op: string) => page.evaluate((o) => (window as unknown as { __edit: Record<string, () => void> }).__edit[o]!(), op);

    await edit('rewrite');
    await expectExactly(page, ['Sergei Lavrov', 'NATO'], 'text node rewritten');
    await edit('replacePart');
    await expectExactly(page, ['Dmitry Peskov', 'NATO'], 'part replaced');
    await edit('append');
    await expectExactly(page, ['Dmitry Peskov', 'Antony Blinken', 'NATO'], 'text appended');
    await edit('split');
    // "NATO" now spans two text nodes: still one highlight, over both.
    await waitFor(
      () => page.evaluate(readHighlights),
      (h) => h.ranges.filter((r) => r.text === 'NATO').length === 1,
      { timeout: FOLLOW_TIMEOUT_MS, what: 'one NATO highlight across the split' },
    );
    expect(await page.evaluate(staleHighlightRanges)).toEqual([]);
    await edit('merge');
    await expectExactly(page, ['Dmitry Peskov', 'Antony Blinken', 'NATO'], 'merged back');
    await edit('clear');
    await expectExactly(page, ['NATO'], 'names removed');
    expect(await page.evaluate(staleHighlightRanges)).toEqual([]);
  });

  it('inputs, textareas and editors are never lit, typing in them is untouched, and an article turned editor loses its highlights', async () => {
    const page = await s.openPage('/editable.html');
    await page.bringToFront();
    await expectExactly(page, ['Vladimir Putin', 'NATO', 'Jens Stoltenberg'], 'as loaded', '#control, #later');
    expect(await page.evaluate(misplacedHighlights)).toEqual([]);

    for (const selector of ['#rich', '#plain', '#box', '#area', '#field']) {
      await page.evaluate(caretToEnd, selector);
      const before = await page.evaluate(editorState, selector);
      const typed = ' Vladimir Putin called NATO.';
      await page.keyboard.type(typed);
      const after = await page.evaluate(editorState, selector);
      expect(after.text, `${selector} holds what was typed`).toBe(before.text + typed);
      expect(after.inputs - before.inputs, `${selector}: one input event per character`).toBe(typed.length);
      expect(after.caretAtEnd && after.focused, `${selector}: caret still at the end, focus kept`).toBe(true);
    }
    await settledHighlights(page, { quietMs: 300 });
    expect(await page.evaluate(misplacedHighlights), 'no highlight in any editor after typing').toEqual([]);

    // The page turns a lit article into an editor, and the reader types in it.
    await page.evaluate(() => {
      document.getElementById('later')!.contentEditable = 'true';
    });
    await page.evaluate(caretToEnd, '#later p');
    await page.keyboard.type(' Sergei Lavrov agreed.');
    await waitFor(() => page.evaluate(misplacedHighlights), (m) => m.length === 0, {
      timeout: FOLLOW_TIMEOUT_MS,
      what: 'no highlight left in the article once it is an editor being typed in',
    });
    expect((await page.evaluate(editorState, '#later')).text).toContain('Sergei Lavrov agreed.');
  });
});
