/**
 * Bundled at test time (inert-data.e2e.test.ts) into a page script: renders
 * the card of every entity of a compiled pack, each in its own shadow root
 * with the card's own CSS, as the content script does. The pack comes from
 * the test, compiled by the real pack compiler from a hostile dataset.
 */
import { render } from 'preact';
import cardCss from '../../../assets/styles/card.css?inline';
import { CardBrowser } from '../../../extension/card/CardBrowser';
import { cardSource } from '../../../extension/card/card-source';
import type { CompiledPack } from '../../../extension/dataset/pack';

function renderCards(pack: CompiledPack): number {
  const source = cardSource(pack);
  for (const entity of pack.entities) {
    const host = document.createElement('backstory-card-under-test');
    host.dataset.entity = entity.id;
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const container = document.createElement('div');
    shadow.append(style, container);
    document.body.append(host);
    render(<CardBrowser source={source} entity={entity.id} />, container);
  }
  return pack.entities.length;
}

(window as unknown as { __renderCards: typeof renderCards }).__renderCards = renderCards;
