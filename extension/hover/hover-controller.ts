/**
 * Runs the hover intent machine on a page: turns pointer and key events into
 * intent events, and carries out its effects (timers, showing and hiding the
 * card). Decisions stay in `intent.ts`; this file only listens and acts.
 */
import type { PaintedMention } from '../highlight/highlight-layer';
import { DEFAULT_TIMING, IDLE, hoverTransition, type HoverEffect, type HoverEvent, type HoverState, type HoverTiming } from './intent';

/** What the controller needs from the page; injected so it is testable and thin. */
export interface HoverDeps {
  mentionAt(x: number, y: number): PaintedMention | null;
  /** The card host element, when mounted: events inside it are "on the card". */
  cardHost(): Element | null;
  show(mention: PaintedMention): void;
  hide(): void;
  /** Listener registration that dies with the content script (WXT's `ctx.addEventListener`). */
  listen<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
}

type Zone = { kind: 'none' } | { kind: 'card' } | { kind: 'mention'; mention: PaintedMention };

const sameMention = (a: PaintedMention, b: PaintedMention) => a.range === b.range;

export class HoverController {
  private state: HoverState<PaintedMention> = IDLE;
  private zone: Zone = { kind: 'none' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPointer: PointerEvent | null = null;
  private enabled = true;
  private timing: HoverTiming = DEFAULT_TIMING;

  constructor(private readonly deps: HoverDeps, doc: Document = document) {
    deps.listen(doc, 'pointermove', (e) => this.onPointerMove(e), { passive: true, capture: true });
    deps.listen(doc, 'pointerout', (e) => { if (!e.relatedTarget) this.setZone({ kind: 'none' }); }, { passive: true, capture: true });
    deps.listen(doc, 'keydown', (e) => {
      if (e.key === 'Escape' && this.state.kind !== 'idle') this.dispatch({ kind: 'escape' });
    }, { capture: true });
  }

  /** Stops reacting to the pointer (Backstory switched off) and closes any card. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.reset();
  }

  /** Uses the reader's dwell (options page) from the next hover on; the grace stays as designed. */
  setDwell(dwellMs: number): void {
    this.timing = { ...DEFAULT_TIMING, dwellMs };
  }

  /** Closes any card and forgets the hover, e.g. when the page was re-annotated. */
  reset(): void {
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.state.kind !== 'idle') this.deps.hide();
    this.state = IDLE;
    this.zone = { kind: 'none' };
  }

  /** Hit-tests at most once per frame: pointermove fires far more often than the screen changes. */
  private onPointerMove(event: PointerEvent): void {
    if (!this.enabled) return;
    this.lastPointer = event;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const e = this.lastPointer;
      if (e) this.setZone(this.zoneOf(e));
    });
  }

  private zoneOf(event: PointerEvent): Zone {
    const host = this.deps.cardHost();
    if (host && event.composedPath().includes(host)) return { kind: 'card' };
    const mention = this.deps.mentionAt(event.clientX, event.clientY);
    return mention ? { kind: 'mention', mention } : { kind: 'none' };
  }

  private setZone(next: Zone): void {
    const prev = this.zone;
    if (prev.kind === next.kind && (next.kind !== 'mention' || sameMention((prev as typeof next).mention, next.mention))) return;
    this.zone = next;
    if (prev.kind === 'mention') this.dispatch({ kind: 'leaveMention' });
    if (prev.kind === 'card') this.dispatch({ kind: 'leaveCard' });
    if (next.kind === 'mention') this.dispatch({ kind: 'enterMention', target: next.mention });
    if (next.kind === 'card') this.dispatch({ kind: 'enterCard' });
  }

  private dispatch(event: HoverEvent<PaintedMention>): void {
    const step = hoverTransition(this.state, event, sameMention, this.timing);
    this.state = step.state;
    step.effects.forEach((effect) => this.apply(effect));
  }

  private apply(effect: HoverEffect<PaintedMention>): void {
    switch (effect.kind) {
      case 'startTimer':
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.dispatch({ kind: 'timer' }), effect.ms);
        break;
      case 'cancelTimer':
        clearTimeout(this.timer);
        break;
      case 'show':
        this.deps.show(effect.target);
        break;
      case 'hide':
        this.deps.hide();
        break;
    }
  }
}
