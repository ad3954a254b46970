import { browser } from 'wxt/browser';
import { isMessage } from '../extension/messaging/protocol';

/**
 * The background only keeps the toolbar badge: how many entities Backstory
 * highlighted in each tab. It sees counts, never page text.
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
});
