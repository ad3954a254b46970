/**
 * Pieces both browser drivers share: tab-id discovery and error bookkeeping.
 */
import type { Diagnostic } from './driver';

export interface TabInfo {
  id?: number;
  url?: string;
  pendingUrl?: string;
}

/** Lists the browser's tabs from an extension context (`browser.tabs` or `chrome.tabs`). */
export const LIST_TABS = async (): Promise<TabInfo[]> => {
  const g = globalThis as unknown as {
    browser?: { tabs: { query(q: object): Promise<TabInfo[]> } };
    chrome?: { tabs: { query(q: object): Promise<TabInfo[]> } };
  };
  const api = g.browser ?? g.chrome;
  if (!api?.tabs) throw new Error('no tabs API in this extension context');
  const tabs = await api.tabs.query({});
  return tabs.map((t) => ({ id: t.id, url: t.url, pendingUrl: t.pendingUrl }));
};

/**
 * The browser's tabs as `evaluateInExtension` lists them, or undefined when no
 * extension context can answer yet (the worker is starting, the popup loading):
 * tab discovery then falls back to URL matching alone.
 */
export async function listTabsOrNothing(
  evaluateInExtension: (fn: typeof LIST_TABS) => Promise<TabInfo[]>,
): Promise<TabInfo[] | undefined> {
  try {
    return await evaluateInExtension(LIST_TABS);
  } catch {
    return undefined;
  }
}

/**
 * Finds a page's tab id. First by URL (works when the extension may see tab URLs:
 * the `tabs` permission or a host permission for the page); else by the tab that
 * appeared when the harness opened the page (`createdId`), which needs no permission.
 */
export function pickTabId(tabs: TabInfo[], url: string, createdId: number | undefined): number {
  const byUrl = tabs.filter((t) => t.url === url || t.pendingUrl === url);
  const only = byUrl.length === 1 ? byUrl[0] : undefined;
  if (typeof only?.id === 'number') return only.id;
  if (createdId !== undefined && tabs.some((t) => t.id === createdId)) return createdId;
  throw new Error(
    `cannot tell the tab id of ${url}: ${byUrl.length} tabs have that URL and no tab was seen to open for it; tabs: ${JSON.stringify(tabs)}`,
  );
}

/** The one tab id in `after` that is not in `before`, if exactly one appeared. */
export function newTabId(before: TabInfo[], after: TabInfo[]): number | undefined {
  const old = new Set(before.map((t) => t.id));
  const fresh = after.filter((t) => typeof t.id === 'number' && !old.has(t.id));
  return fresh.length === 1 ? fresh[0]?.id : undefined;
}

/**
 * Whether a diagnostic comes from the extension: its script URL or text names the
 * extension's origin, or it was logged in an extension context (page or worker).
 */
export function isFromExtension(d: Diagnostic, extensionBase: string, extensionId: string): boolean {
  const hay = `${d.where}\n${d.source ?? ''}\n${d.text}`;
  return (
    hay.includes(extensionBase) ||
    hay.includes(extensionId) ||
    /chrome-extension:\/\/|moz-extension:\/\//.test(hay) ||
    /backstory/i.test(d.text) ||
    d.where === 'service-worker' ||
    d.where === 'background'
  );
}
