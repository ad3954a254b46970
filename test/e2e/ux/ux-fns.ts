/**
 * Page functions for the reader-experience tests, run in the page's main
 * world through `PageDriver.evaluate`. Like the harness's own
 * (../harness/page-fns.ts), each is self-contained: it is sent as source.
 */

export interface FocusInfo {
  /** Focus is inside the `<backstory-card>` shadow root. */
  inCard: boolean;
  /** What has focus inside the card: `article.card`, `button.card__chip`… */
  inside: string | null;
  /** The page element that has focus, outside any card. */
  page: string | null;
}

/** Where keyboard focus is, as a screen reader would follow it. */
export const focusInfo = (): FocusInfo => {
  const active = document.activeElement;
  const describe = (el: Element | null) => (el ? `${el.localName}${el.classList.length ? '.' + [...el.classList].join('.') : ''}` : null);
  if (active?.localName === 'backstory-card') {
    return { inCard: true, inside: describe(active.shadowRoot?.activeElement ?? null), page: null };
  }
  return { inCard: false, inside: null, page: active === document.body ? 'body' : describe(active) };
};

/** The card's visible text broken into its parts, for checking what a card says. */
export const cardParts = () => {
  const card = document.querySelector('backstory-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
  const text = (sel: string) => [...(card?.querySelectorAll(sel) ?? [])].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  return {
    open: Boolean(card),
    name: text('.card__name')[0] ?? null,
    type: text('.card__type')[0] ?? null,
    line: text('.card__line')[0] ?? null,
    timeline: text('.card__moment'),
    current: text('.card__moment--current'),
    chips: text('.card__chip'),
    footer: text('.card__foot')[0] ?? null,
    rect: card ? card.getBoundingClientRect().toJSON() : null,
  };
};

/** The range marked as "current" by keyboard stepping: its text and where it is in the viewport. */
export const currentMark = () => {
  const h = CSS.highlights.get('backstory-current');
  const range = h ? ([...h][0] as Range | undefined) : undefined;
  if (!range) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  const r = live.getBoundingClientRect();
  // `at` names the mention whatever the scroll: its text and place in the document.
  const at = `${live.toString()}@${Math.round(r.left)},${Math.round(r.top + scrollY)}`;
  return { text: live.toString(), at, top: r.top, bottom: r.bottom, viewport: innerHeight };
};

/** Focuses the first element matching `selector` and says what has focus. */
export const focusElement = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  el?.focus();
  return document.activeElement === el;
};

/** Selects the `occurrence`-th "word" in the article, as a reader's drag would. */
export const selectWord = ({ word, occurrence }: { word: string; occurrence: number }) => {
  const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    for (let i = text.data.indexOf(word); i >= 0; i = text.data.indexOf(word, i + 1)) {
      if (seen++ < occurrence) continue;
      text.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + word.length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, bottom: r.bottom, width: r.width };
    }
  }
  throw new Error(`"${word}" #${occurrence} not in the article`);
};

/** Every Backstory highlight registered on the page, by name, with its range count and texts. */
export const highlightsByName = () => {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((h, name) => {
    if (!name.startsWith('backstory-')) return;
    out[name] = [...h].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  });
  return out;
};

/** Scrolls the page to the top, at once. */
export const scrollToTop = () => {
  window.scrollTo({ top: 0, behavior: 'instant' });
  return scrollY;
};
