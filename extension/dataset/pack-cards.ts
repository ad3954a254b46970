/**
 * The pack's cards as a page gets them: asked of the background, which holds the whole pack,
 * when the page first shows a card or the popup first lists its names, and kept for the page.
 * They are two thirds of the pack, and most pages never show one (see `pack-global.ts`).
 */
import { browser } from 'wxt/browser';
import type { CardsRequest } from '../messaging/protocol';
import type { CardData } from './pack';

/** Resolves to the pack's cards; the first call asks the background, later ones share its answer. */
export type CardsLoader = () => Promise<readonly CardData[]>;

/**
 * A `CardsLoader` over `send` (`runtime.sendMessage` by default). A failed request (the
 * background being restarted, an answer that is not a list) is not kept: the next call asks again.
 */
export function cardsFromBackground(send: (request: CardsRequest) => Promise<unknown> = (request) => browser.runtime.sendMessage(request)): CardsLoader {
  let cards: Promise<readonly CardData[]> | undefined;
  return () => {
    if (cards) return cards;
    const asked = send({ type: 'backstory:cards' }).then((reply) => {
      if (!Array.isArray(reply)) throw new Error('backstory: the background answered the cards request with no list');
      return reply as CardData[];
    });
    cards = asked;
    asked.catch(() => {
      if (cards === asked) cards = undefined;
    });
    return asked;
  };
}
