/**
 * Notices when the extension is reloaded, updated or removed under an open
 * page. The content script already running there is then orphaned: its
 * extension context is gone (`browser.runtime.id` is undefined), yet its
 * highlights, listeners and card would stay, and Chromium injects no new
 * content script into the tab to replace it. WXT tells `ctx.onInvalidated`
 * listeners only when something asks `ctx.isValid`, or when a newer copy of
 * the script starts in the page; this asks on a slow clock, so everything is
 * torn down within a second (found by test/e2e/robustness/lifecycle).
 *
 * Firefox removes a content script's code outright when its extension goes,
 * so nothing can run there; it also removes the extension's page stylesheet,
 * which is what hides whatever is left (assets/styles/highlights.css).
 */
import type { ContentScriptContext } from '#imports';

/**
 * How often an open page checks that its extension is still there. A second:
 * soon enough that a reloaded extension's highlights do not linger, rare
 * enough to cost nothing (browsers throttle it further in background tabs).
 */
export const INVALIDATION_CHECK_MS = 1_000;

/** Runs `ctx`'s invalidation listeners as soon as the extension context is found gone. */
export function watchInvalidation(ctx: ContentScriptContext): void {
  const timer = setInterval(() => {
    // Reading `isInvalid` is what makes WXT check `browser.runtime.id` and notify.
    if (ctx.isInvalid) clearInterval(timer);
  }, INVALIDATION_CHECK_MS);
  ctx.onInvalidated(() => clearInterval(timer));
}

/**
 * Runs a teardown step that touches extension APIs. Once the context is gone,
 * Chromium throws "Extension context invalidated" from them, even from
 * `removeListener`; the listeners died with the context anyway, and a throw
 * here would skip the steps after it and surface as an error on the page.
 */
export function quietly(step: () => void): void {
  try {
    step();
  } catch {
    // The context is gone, and what this step undoes went with it.
  }
}
