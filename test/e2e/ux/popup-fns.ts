/**
 * Page functions for the popup and options pages (self-contained: sent as source).
 */

/** The popup's "On this page" list: groups with their headings, counts and entity buttons. */
export const foundGroups = () =>
  [...document.querySelectorAll<HTMLElement>('#found > li')].map((group) => ({
    type: group.dataset.type ?? '',
    heading: (group.querySelector('h3')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    count: Number(group.querySelector('.found__count')?.textContent),
    entities: [...group.querySelectorAll<HTMLButtonElement>('button.found__entity')].map((b) => ({
      id: b.dataset.entity ?? '',
      text: (b.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));

/** Clicks the element matching `selector` (what Enter or Space on a focused control dispatches). */
export const click = (selector: string) => {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.click();
  return true;
};

/** Types `text` into the input matching `selector`, as the browser reports typing to the page. */
export const typeInto = ({ selector, text }: { selector: string; text: string }) => {
  const input = document.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no input ${selector}`);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
};

/** The popup's search: its results and the inline card, if one is open. */
export const searchState = () => ({
  results: [...document.querySelectorAll<HTMLButtonElement>('#search-results button')].map((b) => b.dataset.entity ?? ''),
  status: document.getElementById('search-status')?.textContent ?? '',
  card: document.querySelector('.search__card .card__name')?.textContent ?? null,
  cardRole: document.querySelector('.search__card .card')?.getAttribute('role') ?? null,
  focusInCard: Boolean(document.activeElement?.closest('.search__card')),
});
