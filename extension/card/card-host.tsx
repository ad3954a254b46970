/**
 * The one node Backstory adds to a page: the `<backstory-card>` host of a
 * shadow root holding the card. Created on first use (a page where nobody
 * hovers is never touched), placed beside the mention with Floating UI and
 * kept inside the viewport, unmounted symmetrically when Backstory stops.
 */
import { render } from 'preact';
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import cardCss from '../../assets/styles/card.css?inline';
import { Card, type CardProps } from './Card';

/** Tag of the host element; the only element Backstory ever adds to a page. */
export const CARD_HOST_TAG = 'backstory-card';

/** Gap between the mention and the card, in CSS pixels. */
const CARD_OFFSET_PX = 8;
/** Minimum distance kept between the card and the viewport's edges. */
const VIEWPORT_PADDING_PX = 8;

/**
 * Host styles set inline with `!important`: the host lives in the page's DOM
 * where page CSS reaches it, and it must never take space (no layout shift)
 * nor sit under the page's own overlays.
 */
const HOST_STYLE: Record<string, string> = {
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
};

export class CardHost {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private stopAutoUpdate: (() => void) | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** The host element while it is mounted, for telling the card's events from the page's. */
  get element(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** Shows the card for `props` next to `anchor`, replacing any card already shown. */
  async show(props: CardProps, anchor: Range): Promise<void> {
    const ui = await this.mount();
    this.stopFollowing();
    render(<Card {...props} />, ui.uiContainer);
    const floating = ui.uiContainer.firstElementChild as HTMLElement | null;
    if (!floating) return;
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const place = () =>
      computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(CARD_OFFSET_PX),
          flip({ padding: VIEWPORT_PADDING_PX }),
          shift({ padding: VIEWPORT_PADDING_PX }),
          // A card taller than the room on either side scrolls inside itself
          // rather than running off the screen (short windows, high zoom).
          size({
            padding: VIEWPORT_PADDING_PX,
            apply: ({ availableHeight }) => {
              floating.style.maxHeight = `${Math.max(0, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    this.stopAutoUpdate = autoUpdate(reference, floating, place);
  }

  /** Hides the card; the host stays for the next one. */
  hide(): void {
    this.stopFollowing();
    if (this.ui) render(null, this.ui.uiContainer);
  }

  /** Removes the host from the page altogether. */
  remove(): void {
    this.hide();
    this.ui?.remove();
    this.ui = null;
  }

  private stopFollowing(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
  }

  private async mount(): Promise<ShadowRootContentScriptUi<void>> {
    if (this.ui) return this.ui;
    const ui = await createShadowRootUi(this.ctx, {
      name: CARD_HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: cardCss,
      onMount: () => undefined,
    });
    ui.mount();
    for (const [prop, value] of Object.entries(HOST_STYLE)) ui.shadowHost.style.setProperty(prop, value, 'important');
    this.ui = ui;
    return ui;
  }
}
