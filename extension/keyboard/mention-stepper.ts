/**
 * Keyboard stepping through the page's mentions: the manifest's commands
 * ("next mention", "previous mention") land here. Each step scrolls the
 * mention into view, marks it, and opens its card with focus inside, so a
 * reader who never touches a pointer reads every card of the page.
 */
import type { PaintedMention } from '../highlight/highlight-layer';
import { startsBefore } from '../highlight/mention-selection';
import type { Direction } from './commands';
import { partitionPoint, stepIndex } from './step';

/** Name of the highlight marking the mention stepped to (styled in highlights.css). */
export const CURRENT_HIGHLIGHT = 'backstory-current';

/**
 * A mention this far from the top or bottom of the viewport counts as in
 * view; nearer the edge it is scrolled towards the middle, leaving the card
 * room beside it.
 */
export const COMFORT_MARGIN = 0.2;

export interface StepperDeps {
  /** The painted mentions, in any order. */
  mentions(): readonly PaintedMention[];
  /** Opens the mention's card with focus in it; `onHide` runs when that card goes. */
  open(mention: PaintedMention, onHide: () => void): void;
  /** Where the mark is registered: `CSS.highlights` unless a test gives another. */
  registry?: Pick<HighlightRegistry, 'get' | 'set' | 'delete'>;
}

function inDocumentOrder(mentions: readonly PaintedMention[]): PaintedMention[] {
  return [...mentions].sort((a, b) => (startsBefore(a, b) ? -1 : startsBefore(b, a) ? 1 : 0));
}

/** Brings the mention into view unless it already sits comfortably inside it. */
function scrollToMention(range: Range): void {
  const rect = range.getBoundingClientRect();
  const margin = window.innerHeight * COMFORT_MARGIN;
  if (rect.top >= margin && rect.bottom <= window.innerHeight - margin) return;
  // Smooth, unless the reader asked for less motion or the page is hidden (a
  // hidden page is not animated, so a smooth scroll there would never arrive).
  const still = document.hidden || matchMedia('(prefers-reduced-motion: reduce)').matches;
  const behavior: ScrollBehavior = still ? 'instant' : 'smooth';
  const block = range.startContainer.parentElement;
  // A block shorter than the viewport is centred (this also scrolls any inner
  // scroller holding it); inside a taller one, the window moves to the mention.
  if (block && block.getBoundingClientRect().height < window.innerHeight * (1 - 2 * COMFORT_MARGIN)) {
    block.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
  } else {
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior });
  }
}

export class MentionStepper {
  private current: PaintedMention | null = null;

  constructor(private readonly deps: StepperDeps) {}

  /** Steps to the next or previous mention; returns it, or null when the page has none. */
  step(direction: Direction): PaintedMention | null {
    const ordered = inDocumentOrder(this.deps.mentions()).filter((m) => m.range.getClientRects().length > 0);
    const current = this.current ? ordered.indexOf(this.current) : -1;
    const firstInView = current >= 0 ? 0 : partitionPoint(ordered.length, (i) => ordered[i]!.range.getBoundingClientRect().bottom <= 0);
    const next = ordered[stepIndex(ordered.length, current, direction, firstInView)];
    if (!next) return null;
    this.goTo(next);
    return next;
  }

  /** Scrolls to `mention`, marks it and opens its card; later steps continue from it. */
  goTo(mention: PaintedMention): void {
    this.current = mention;
    scrollToMention(mention.range);
    const mark = new Highlight(mention.range);
    // Above the type's own highlight, which has the default priority 0.
    mark.priority = 1;
    const registry = this.deps.registry ?? CSS.highlights;
    registry.set(CURRENT_HIGHLIGHT, mark);
    this.deps.open(mention, () => {
      // Only this step's mark: a later step may have set its own already.
      if (registry.get(CURRENT_HIGHLIGHT) === mark) registry.delete(CURRENT_HIGHLIGHT);
    });
  }

  /** Forgets the position and the mark (Backstory switched off, page read again). */
  reset(): void {
    this.current = null;
    (this.deps.registry ?? CSS.highlights).delete(CURRENT_HIGHLIGHT);
  }
}
