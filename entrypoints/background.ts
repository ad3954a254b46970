import pack from 'virtual:backstory-pack';
import { browser } from 'wxt/browser';
import { directionOf } from '../extension/keyboard/commands';
import { isMessage, type StepRequest } from '../extension/messaging/protocol';
import { LOOKUP_MENU_ID, LOOKUP_MENU_TITLE, lookupRequest, type MenuClick } from '../extension/search/lookup-menu';
import { PackSearch } from '../extension/search/pack-search';

/**
 * The background keeps the toolbar badge (how many entities Backstory
 * highlighted in each tab), hands pages the pack's cards, turns the keyboard
 * commands into steps in the active tab, and answers the "Look up … in
 * Backstory" menu item. It sees
 * counts and the words a reader selected for a lookup, never page text.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = sender.tab?.id;
    if (!isMessage(message, 'backstory:found-count') || tabId === undefined) return undefined;
    const text = message.count > 0 ? String(message.count) : '';
    return Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4252' }),
    ]).then(() => undefined);
  });

  // The cards stay here rather than in every page's pack.js (extension/dataset/pack-cards.ts).
  browser.runtime.onMessage.addListener((message: unknown) => (isMessage(message, 'backstory:cards') ? Promise.resolve(pack.entities) : undefined));

  // Firefox for Android has neither context menus nor keyboard commands: there the
  // badge still works, and the popup's list and search remain the way in.
  const { contextMenus, commands } = browser as Partial<typeof browser>;
  // Menu items persist across restarts of the worker or event page; created once per install or update.
  browser.runtime.onInstalled.addListener(() => {
    void contextMenus
      ?.removeAll()
      .then(() => contextMenus.create({ id: LOOKUP_MENU_ID, title: LOOKUP_MENU_TITLE, contexts: ['selection'] }));
  });
  contextMenus?.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));

  // Browser tests cannot click a native menu or press a global shortcut in a
  // headless browser: they call the very functions the listeners call, found
  // here on the background's global (reachable from extension contexts only).
  Object.assign(globalThis, { backstoryBackground: { onMenuClicked, onCommand } });
});

/** Built on the first lookup: most background wake-ups (badge counts) never search. */
let search: PackSearch | undefined;

/** The tab a command or menu click came from, else the active tab of the focused window. */
async function tabIdOf(tab: { id?: number } | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined && tab.id >= 0) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** Sends to the tab's content script; a tab without one (a browser page, a store) just does not answer. */
async function sendToTab(tabId: number, message: object): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/** "Look up “…” in Backstory": shows the best match's card beside the selection. */
async function onMenuClicked(info: MenuClick, tab?: { id?: number }): Promise<unknown> {
  search ??= new PackSearch(pack.entities);
  const request = lookupRequest(info, search);
  const tabId = await tabIdOf(tab);
  if (!request || tabId === undefined) return undefined;
  return sendToTab(tabId, request);
}

/** The "next mention" / "previous mention" commands: the tab steps and opens the card. */
async function onCommand(command: string, tab?: { id?: number }): Promise<unknown> {
  const direction = directionOf(command);
  const tabId = await tabIdOf(tab);
  if (direction === undefined || tabId === undefined) return undefined;
  const request: StepRequest = { type: 'backstory:step', direction };
  return sendToTab(tabId, request);
}
