/**
 * Removes what an earlier copy of Backstory left in a page. When Firefox
 * removes the extension (an update, a reinstall, a disable and enable), it
 * removes the old content script's code without letting it clean up; the new
 * copy it injects into the open tab then finds the old highlights still in
 * the page's registry and the old card host still in its DOM, hidden only
 * while the stylesheet was gone (assets/styles/highlights.css). Found by
 * test/e2e/robustness/lifecycle.e2e.test.ts.
 */

import { ENTITY_TYPES } from '../dataset/pack';
import { HIGHLIGHT_STYLES, styledHighlightName } from '../highlight/highlight-styles';
import { CURRENT_HIGHLIGHT } from '../keyboard/mention-stepper';

/** Every name Backstory may register a highlight under: each type in each style, and the keyboard's current mark. */
export function backstoryHighlightNames(): string[] {
  return [...ENTITY_TYPES.flatMap((type) => HIGHLIGHT_STYLES.map((style) => styledHighlightName(type, style))), CURRENT_HIGHLIGHT];
}

/**
 * Deletes Backstory's highlights (`names`) from the page's registry and
 * removes every card host (`hostTag`) with an open shadow root, the kind
 * Backstory makes. Called before this copy paints or mounts anything, so all
 * it finds belongs to an earlier one. By name, never by walking the
 * registry: in Firefox a content script may not touch the page's own
 * highlights in it ("Permission denied to access object").
 */
export function clearLeftovers(
  hostTag: string,
  names: readonly string[] = backstoryHighlightNames(),
  doc: Document = document,
  registry: Pick<HighlightRegistry, 'delete'> = CSS.highlights,
): void {
  for (const name of names) registry.delete(name);
  for (const host of doc.querySelectorAll(hostTag)) {
    if (host.shadowRoot) host.remove();
  }
}
