import { render } from 'preact';
import pack from 'virtual:backstory-pack';
import { browser } from 'wxt/browser';
import { Popup } from '../../extension/popup/Popup';
import { isMessage, type StatusResponse } from '../../extension/messaging/protocol';
import '../../assets/styles/popup.css';

/**
 * The tab the popup speaks for: the active tab of its window, or the one named
 * by `?tab=` when the popup is opened as a page (the browser tests do this).
 */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
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

  render(
    <Popup
      packVersion={pack.version}
      entityCount={pack.entities.length}
      requestStatus={requestStatus}
      onTabRepainted={onTabRepainted}
    />,
    document.getElementById('app')!,
  );
}

void targetTabId().then(mount);
