import { render } from 'preact';
import pack from 'virtual:backstory-pack';
import { browser } from 'wxt/browser';
import { Popup } from '../../extension/popup/Popup';
import { isMessage, type RevealRequest, type StatusResponse } from '../../extension/messaging/protocol';
import '../../assets/styles/card.css';
import '../../assets/styles/popup.css';

/** `?tab=` names the tab when the popup is opened as a page (the browser tests do this). */
const tabFromQuery = Number(new URLSearchParams(location.search).get('tab'));
const openedAsPage = Number.isInteger(tabFromQuery) && tabFromQuery > 0;

/** The tab the popup speaks for: the active tab of its window, or the one named by `?tab=`. */
async function targetTabId(): Promise<number | undefined> {
  if (openedAsPage) return tabFromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function mount(tabId: number | undefined): void {
  const requestStatus = async (): Promise<StatusResponse | null> => {
    if (tabId === undefined) return null;
    try {
      return ((await browser.tabs.sendMessage(tabId, { type: 'backstory:status' })) as StatusResponse) ?? null;
    } catch {
      return null; // No content script there: a browser page, a store, or a tab opened before install.
    }
  };

  const onTabRepainted = (callback: () => void) => {
    const listener = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (isMessage(message, 'backstory:found-count') && sender.tab?.id === tabId) callback();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  };

  const reveal = (entity: string) => {
    if (tabId === undefined) return;
    const request: RevealRequest = { type: 'backstory:reveal', entity, at: 'first-mention' };
    void browser.tabs
      .sendMessage(tabId, request)
      .catch(() => undefined)
      // A real popup closes so the card on the page is in view and has the focus;
      // opened as a page, it stays.
      .then(() => openedAsPage || window.close());
  };

  const openOptions = () => {
    void browser.runtime.openOptionsPage().then(() => openedAsPage || window.close());
  };

  render(
    <Popup pack={pack} requestStatus={requestStatus} onTabRepainted={onTabRepainted} reveal={reveal} openOptions={openOptions} />,
    document.getElementById('app')!,
  );
}

void targetTabId().then(mount);
