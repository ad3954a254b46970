import '../../assets/styles/highlights.css';
import type { ContentScriptContext } from '#imports';
import { browser } from 'wxt/browser';
import { annotatorPackFrom, PageAnnotator } from '../../extension/annotate/page-annotator';
import { CARD_HOST_TAG, CardHost } from '../../extension/card/card-host';
import { handleCardRequest } from '../../extension/card/card-requests';
import { cardSourceLoader, type CardSource } from '../../extension/card/card-source';
import { cardsFromBackground, type CardsLoader } from '../../extension/dataset/pack-cards';
import type { CardData } from '../../extension/dataset/pack';
import { readPack, typesOf } from '../../extension/dataset/pack-global';
import { HighlightLayer, highlightsSupported, type PaintedMention } from '../../extension/highlight/highlight-layer';
import { MentionSelection, startsBefore } from '../../extension/highlight/mention-selection';
import { StyledHighlightRegistry } from '../../extension/highlight/styled-registry';
import { HoverController } from '../../extension/hover/hover-controller';
import { clearLeftovers } from '../../extension/lifecycle/clear-leftovers';
import { quietly, watchInvalidation } from '../../extension/lifecycle/watch-invalidation';
import { MentionStepper } from '../../extension/keyboard/mention-stepper';
import { isMessage, type StatusResponse } from '../../extension/messaging/protocol';
import { markStart, recordPackReady, recordPass, recordSetup, recordSlice } from '../../extension/annotate/perf-marks';
import { readPageSettings, watchPageSettings } from '../../extension/settings/page-settings';
import { mentionFilter, type ReadingPrefs } from '../../extension/settings/reading-prefs';
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
  // WXT tells an older copy of this script to stop with a DOM event, and by
  // default also posts a message to the page's window. That message reaches
  // the page's own listeners (a page-visible trace of Backstory), and Chromium
  // records where postMessage was called from, which makes V8 re-parse the
  // whole of content.js for source positions: 7 to 8 ms on every page
  // (measured with a trace of the Moscow Times page: evaluation 20 → 12 ms).
  noScriptStartedPostMessage: true,

  async main(ctx) {
    markStart();
    if (!highlightsSupported()) return;
    clearLeftovers(CARD_HOST_TAG);
    const hostname = location.hostname;
    const settings = await readPageSettings(hostname);
    let prefs = settings.prefs;
    // One card host for the page, shared by the session and by lookups made where Backstory is off.
    const cardHost = new CardHost(ctx);
    // The pack's cards, from the background the first time this page shows or lists one.
    const loadCards = cardsFromBackground();
    let session = settings.active ? startSession(ctx, cardHost, prefs, loadCards) : null;
    let lookupSource: (() => Promise<CardSource>) | null = null;

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isMessage(message, 'backstory:status')) return undefined;
      return statusOf(hostname, session);
    });

    browser.runtime.onMessage.addListener((message: unknown) =>
      handleCardRequest(message, {
        host: cardHost,
        session: () => session,
        source: async () => {
          if (session) return session.source();
          if (!lookupSource) {
            const pack = readPack();
            if (!pack) return null;
            lookupSource = cardSourceLoader(pack.version, loadCards);
          }
          return lookupSource();
        },
      }),
    );

    const unwatch = watchPageSettings(hostname, {
      onPrefs: (next) => {
        prefs = next;
        session?.applyPrefs(next);
      },
      onActive: (next) => {
        if (next && !session) session = startSession(ctx, cardHost, prefs, loadCards);
        if (!next && session) {
          session.stop();
          session = null;
        }
      },
    });
    ctx.onInvalidated(() => {
      // The page first (highlights, card, listeners), then the storage
      // watcher, which throws once the extension context is gone.
      session?.stop();
      quietly(unwatch);
    });
    watchInvalidation(ctx);
  },
});

/**
 * Everything Backstory runs on a page while it is on: parsing the pack, the
 * annotator, the hover controller and the card. Built only when Backstory is
 * on for the site, and torn down whole when it is switched off.
 */
function startSession(ctx: ContentScriptContext, cardHost: CardHost, prefs: ReadingPrefs, loadCards: CardsLoader) {
  const setupStart = performance.now();
  const pack = readPack();
  if (!pack) return null;
  // The reader's choices (options page) sit in front of the layer: the style
  // picks the highlights' names, the filter which mentions are painted.
  const registry = new StyledHighlightRegistry(prefs.style);
  const layer = new HighlightLayer(registry);
  const selection = new MentionSelection(layer, mentionFilter(prefs));
  const context = { date: articleDate(document), lang: articleLang(document) };
  const source = cardSourceLoader(pack.version, loadCards, context.date);
  // The cards once they are in, for the popup's list of names (`statusOf` fetches them first).
  let cards: readonly CardData[] | undefined;
  const cardsForNames = () => loadCards().then((loaded) => void (cards = loaded));
  // A card asked for (hover, keyboard) opens once the cards are in, unless a later hover, step
  // or hide has overtaken it by then: the first card of a page waits on the background.
  let cardsAsked = 0;
  const openCard = (open: (source: CardSource) => Promise<void>) => {
    const asked = ++cardsAsked;
    source().then(
      (ready) => (asked === cardsAsked ? open(ready) : undefined),
      () => undefined,
    );
  };
  // For the toolbar badge. Never throws: once the extension is reloaded under
  // the page, Chromium throws "Extension context invalidated" synchronously.
  const reportCount = async (count: number) => {
    try {
      await browser.runtime.sendMessage({ type: 'backstory:found-count', count });
    } catch {
      // No badge to update.
    }
  };

  const annotator = new PageAnnotator(annotatorPackFrom(pack.matcher, typesOf(pack), () => cards), selection, {
    root: () => document.body,
    ownHost: () => cardHost.element,
    context,
    onPainted: (count) => void reportCount(count),
    onSlice: recordSlice,
    onPass: recordPass,
  });
  recordPackReady(setupStart, performance.now());

  const hover = new HoverController({
    mentionAt: (x, y) => layer.mentionAt(x, y),
    cardHost: () => cardHost.element,
    show: (mention) => openCard((ready) => cardHost.showEntity(ready, mention.entity, mention.range)),
    hide: () => {
      cardsAsked += 1;
      cardHost.hide();
    },
    listen: (target, type, handler, options) => ctx.addEventListener(target, type, handler, options),
  });
  hover.setDwell(prefs.hoverDelayMs);

  // Keyboard stepping and reveals open cards with focus in them; a hover in progress gives way.
  const stepper = new MentionStepper({
    mentions: () => layer.painted,
    open: (mention, onHide) => {
      hover.reset();
      openCard((ready) => cardHost.showEntity(ready, mention.entity, mention.range, { focus: true, onHide }));
    },
  });

  recordSetup(setupStart, performance.now());
  void annotator.start();
  return {
    annotator,
    source,
    cardsForNames,
    stepper,
    firstMention: (entity: string) =>
      layer.painted.filter((m) => m.entity === entity).reduce<PaintedMention | undefined>((first, m) => (!first || startsBefore(m, first) ? m : first), undefined),
    /** Applies changed options at once: style, which mentions, hover delay. */
    applyPrefs(next: ReadingPrefs) {
      registry.setStyle(next.style);
      selection.setFilter(mentionFilter(next));
      hover.setDwell(next.hoverDelayMs);
      void reportCount(annotator.entityCount());
    },
    stop() {
      // A card still waiting for the cards must not open once Backstory is off here.
      cardsAsked += 1;
      hover.setEnabled(false);
      stepper.reset();
      annotator.stop();
      cardHost.remove();
    },
  };
}

/** What the popup asks of the page: whether Backstory is on here, and the names it found (so the cards first). */
async function statusOf(hostname: string, session: ReturnType<typeof startSession>): Promise<StatusResponse> {
  await session?.cardsForNames().catch(() => undefined);
  return {
    hostname,
    active: session !== null,
    found: session?.annotator.found() ?? [],
    capped: session?.annotator.capped ?? false,
  };
}
