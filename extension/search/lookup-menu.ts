/**
 * The context-menu item "Look up “…” in Backstory" for selected text. The
 * background resolves the selection to the pack's best match (fuse.js, so a
 * misspelt or partial name still finds its entity) and asks the tab's content
 * script to show that card beside the selection, with focus in it. Only the
 * selected words reach the background, never the page.
 */
import type { NoMatchRequest, RevealRequest } from '../messaging/protocol';
import type { PackSearch } from './pack-search';

/** The menu item's id. */
export const LOOKUP_MENU_ID = 'backstory-lookup';

/** The menu item's title; browsers put the selected text in place of `%s`. */
export const LOOKUP_MENU_TITLE = 'Look up “%s” in Backstory';

/** What the handler reads of the browser's click event and of the tab. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/**
 * The message for the tab when the lookup item is clicked: the best match's
 * card beside the selection, or a note that nothing matches. Undefined for
 * other menu items or an empty selection.
 */
export function lookupRequest(click: MenuClick, search: PackSearch): RevealRequest | NoMatchRequest | undefined {
  const text = click.selectionText?.trim();
  if (click.menuItemId !== LOOKUP_MENU_ID || !text) return undefined;
  const best = search.best(text);
  return best ? { type: 'backstory:reveal', entity: best.id, at: 'selection' } : { type: 'backstory:no-match', query: text };
}
