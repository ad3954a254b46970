/**
 * The one node Backstory adds to a page: the `<backstory-card>` host of a
 * shadow root holding the card. Created on first use (a page where nobody
 * hovers is never touched), placed beside the mention with Floating UI and
 * kept inside the viewport, unmounted symmetrically when Backstory stops.
 */
import { Fragment, render, type VNode } from 'preact';
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type Placement } from '@floating-ui/dom';
import { createIsolatedElement } from '@webext-core/isolated-element';
import type { ContentScriptContext } from '#imports';
import cardCss from '../../assets/styles/card.css?inline';
import { CardBrowser } from './CardBrowser';
import type { CardSource } from './card-source';
import { NoMatch } from './NoMatch';

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

/**
 * Where a card goes when it has no mention to sit beside (a lookup whose
 * selection went away): the top centre of the viewport, where a reader looks
 * first, this far below the top edge.
 */
const UNANCHORED_TOP_PX = 16;

export interface ShowOptions {
  /** Moves keyboard focus into the card (keyboard stepping, popup, lookups); hover never steals focus. */
  focus?: boolean;
  /** Called once when this card goes: hidden, replaced, or removed. */
  onHide?: () => void;
}

/** A Floating UI reference for a Range: its boxes, line by line, so a wrapped mention is handled by `inline()`. */
function rangeReference(range: Range) {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}

/**
 * The card's shadow root: its host element in the page and the container the card renders into.
 * Made with `createIsolatedElement`, the library WXT's `createShadowRootUi` wraps: the wrapper's
 * anchoring and auto-mount machinery (a MutationObserver-based element waiter with its own
 * dependencies) added 2.5 KB gzipped to every page for a host that only ever goes at the end of `<html>`.
 */
interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
}

/** Keeps page styles from inheriting into the card (what `createShadowRootUi` adds by default). */
const SHADOW_RESET_CSS = ':host{all:initial !important;}';

const unanchoredReference = {
  getBoundingClientRect: () => new DOMRect(window.innerWidth / 2, UNANCHORED_TOP_PX, 0, 0),
};

export class CardHost {
  private ui: ShadowHost | null = null;
  /** Set when the page kept Backstory from creating its host (see `mount`). */
  private refused = false;
  private stopAutoUpdate: (() => void) | null = null;
  private onHide: (() => void) | undefined;
  /** The element that had focus before a card took it, given back when the card goes. */
  private returnFocus: HTMLElement | null = null;
  /** Bumped per card shown, so each show starts fresh (its own in-place history). */
  private shown = 0;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** The host element while it is mounted, for telling the card's events from the page's. */
  get element(): HTMLElement | null {
    return this.ui?.host ?? null;
  }

  /**
   * Shows `content` (a card) beside `anchor`, or at the top of the viewport
   * when there is none, replacing any card already shown.
   */
  async show(content: VNode, anchor: Range | null, options: ShowOptions = {}): Promise<void> {
    const ui = await this.mount();
    if (!ui) return;
    this.stopFollowing();
    this.fireOnHide();
    this.onHide = options.onHide;
    if (options.focus && !this.hasFocus()) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    render(<Fragment key={++this.shown}>{content}</Fragment>, ui.container);
    const floating = ui.container.firstElementChild as HTMLElement | null;
    if (!floating) return;
    const reference = anchor ? rangeReference(anchor) : unanchoredReference;
    const placement: Placement = anchor ? 'bottom-start' : 'bottom';
    const place = () =>
      computePosition(reference, floating, {
        strategy: 'fixed',
        placement,
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
      })
        .then(({ x, y }) => {
          floating.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        })
        // A page being torn down (navigation, a closing tab) has no computed
        // styles in Firefox: `getComputedStyle` returns null and Floating UI
        // throws. A card that cannot be placed then is going away with the page.
        .catch(() => undefined);
    this.stopAutoUpdate = autoUpdate(reference, floating, place);
    if (options.focus) floating.focus({ preventScroll: true });
  }

  /** Shows the card of `entity`, which can open its related entities' cards in place. */
  showEntity(source: CardSource, entity: string, anchor: Range | null, options: ShowOptions = {}): Promise<void> {
    return this.show(<CardBrowser source={source} entity={entity} onClose={() => this.hide()} floating />, anchor, options);
  }

  /** Says beside `anchor` that nothing in the pack matches `query`. */
  showNoMatch(query: string, packVersion: string, anchor: Range | null): Promise<void> {
    return this.show(<NoMatch query={query} packVersion={packVersion} onClose={() => this.hide()} />, anchor, { focus: true });
  }

  /** Hides the card, giving focus back to where it was if the card had it; the host stays for the next one. */
  hide(): void {
    const hadFocus = this.hasFocus();
    this.stopFollowing();
    this.fireOnHide();
    if (this.ui) render(null, this.ui.container);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Removes the host from the page altogether. */
  remove(): void {
    this.hide();
    this.ui?.host.remove();
    this.ui = null;
  }

  /** Whether keyboard focus is inside the card. */
  private hasFocus(): boolean {
    return this.ui !== null && document.activeElement === this.ui.host;
  }

  private fireOnHide(): void {
    const onHide = this.onHide;
    this.onHide = undefined;
    onHide?.();
  }

  private stopFollowing(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
  }

  /**
   * Creates the host on first use. Null when the page will not let Backstory
   * make it: a page that defines `<backstory-card>` itself runs its own
   * constructor for the host, which can take the shadow root first. Backstory
   * then shows no card on that page rather than throw into it (found by
   * test/e2e/robustness, custom-element-trap.html).
   */
  private async mount(): Promise<ShadowHost | null> {
    if (this.ui) return this.ui;
    if (this.refused) return null;
    let ui: ShadowHost;
    try {
      const { parentElement, isolatedElement } = await createIsolatedElement({
        name: CARD_HOST_TAG,
        mode: 'open',
        css: { textContent: `${SHADOW_RESET_CSS}\n${cardCss}` },
      });
      ui = { host: parentElement, container: isolatedElement };
    } catch {
      this.refused = true;
      return null;
    }
    document.documentElement.append(ui.host);
    this.ctx.onInvalidated(() => this.remove());
    for (const [prop, value] of Object.entries(HOST_STYLE)) ui.host.style.setProperty(prop, value, 'important');
    this.ui = ui;
    return ui;
  }
}
