import '../../assets/styles/highlights.css';
import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import { PageAnnotator } from '../../extension/annotate/page-annotator';
import { CardHost } from '../../extension/card/card-host';
import { readPack } from '../../extension/dataset/pack-global';
import { HighlightLayer, highlightsSupported } from '../../extension/highlight/highlight-layer';
import { HoverController } from '../../extension/hover/hover-controller';
import { isMessage, type StatusResponse } from '../../extension/messaging/protocol';
import { recordSlice } from '../../extension/annotate/perf-marks';
import { readActiveFor, watchActiveFor } from '../../extension/settings/items';
import { articleDate, articleLang } from '../../extension/text/article-meta';

/**
 * Wires Backstory's modules together on a page. Runs in the top frame only:
 * same-origin iframes are mostly ads, comment widgets and embeds, not the
 * article, and skipping them keeps one annotator per tab.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The highlight styles go to the page through the manifest (no <style> node
  // is added); the card's styles are passed to its shadow root inline.
  cssInjectionMode: 'manifest',

  async main(ctx) {
    if (!highlightsSupported()) return;
    const hostname = location.hostname;
    const active = await readActiveFor(hostname);
    let session = active ? startSession(ctx) : null;

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message, 'backstory:status')) return undefined;
      const response: StatusResponse = {
        hostname,
        active: session !== null,
        found: session?.annotator.found() ?? [],
        capped: session?.annotator.capped ?? false,
      };
      return Promise.resolve(response);
    });

    const unwatch = watchActiveFor(hostname, (next) => {
      if (next && !session) session = startSession(ctx);
      if (!next && session) {
        session.stop();
        session = null;
      }
    });
    ctx.onInvalidated(() => {
      unwatch();
      session?.stop();
    });
  },
});

/**
 * Everything Backstory runs on a page while it is on: parsing the pack, the
 * annotator, the hover controller and the card. Built only when Backstory is
 * on for the site, and torn down whole when it is switched off.
 */
function startSession(ctx: ContentScriptContext) {
  const pack = readPack();
  if (!pack) return null;
  const layer = new HighlightLayer();
  const cardHost = new CardHost(ctx);
  const context = { date: articleDate(document), lang: articleLang(document) };
  const reportCount = (count: number) =>
    browser.runtime.sendMessage({ type: 'backstory:found-count', count }).catch(() => undefined);

  const annotator = new PageAnnotator(pack, layer, {
    root: () => document.body,
    ownHost: () => cardHost.element,
    context,
    onPainted: (found) => void reportCount(found.length),
    onSlice: recordSlice,
  });

  const hover = new HoverController({
    mentionAt: (x, y) => layer.mentionAt(x, y),
    cardHost: () => cardHost.element,
    show: (mention) => {
      const card = annotator.card(mention.entity);
      if (!card) return;
      const related = card.related.flatMap((id) => annotator.card(id) ?? []);
      void cardHost.show({ card, related, packVersion: pack.version, articleDate: context.date }, mention.range);
    },
    hide: () => cardHost.hide(),
    listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler, options),
  });

  void annotator.start();
  return {
    annotator,
    stop() {
      hover.setEnabled(false);
      annotator.stop();
      cardHost.remove();
    },
  };
}
