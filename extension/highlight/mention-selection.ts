/**
 * Sits between the page annotator and the highlight layer and paints only
 * what the reader chose (`select-mentions.ts`). It keeps every mention found,
 * painted or not, so a change of choice in the options repaints open tabs at
 * once without reading the page again, and so that with "first mention only"
 * the next mention of an entity takes over when the first leaves the page.
 */
import type { HighlightLayer, PaintedMention } from './highlight-layer';
import { selectMentions, type MentionFilter } from './select-mentions';

/** The part of the highlight layer the annotator uses; this class offers the same. */
export type PaintTarget = Pick<HighlightLayer, 'add' | 'removeWhere' | 'clear' | 'size' | 'painted'>;

/**
 * Whether `a` starts before `b` in the document. Ranges whose text left the
 * page cannot be compared (they may sit in detached trees): they never win.
 */
export function startsBefore(a: PaintedMention, b: PaintedMention): boolean {
  try {
    return a.range.compareBoundaryPoints(Range.START_TO_START, b.range) < 0;
  } catch {
    return false;
  }
}

export class MentionSelection implements PaintTarget {
  private found: PaintedMention[] = [];
  /** With `firstOnly`: the painted mention of each entity. */
  private readonly firstPainted = new Map<string, PaintedMention>();

  constructor(
    private readonly layer: HighlightLayer,
    private filter: MentionFilter,
    private readonly before: (a: PaintedMention, b: PaintedMention) => boolean = startsBefore,
  ) {}

  /** Every mention found, painted or not: the annotator's cap counts these. */
  get size(): number {
    return this.found.length;
  }

  /** The mentions on screen, for the popup's list, the badge and keyboard stepping. */
  get painted(): readonly PaintedMention[] {
    return this.layer.painted;
  }

  add(mentions: readonly PaintedMention[]): void {
    this.found.push(...mentions);
    this.admit(mentions);
  }

  removeWhere(drop: (m: PaintedMention) => boolean): number {
    const before = this.found.length;
    this.found = this.found.filter((m) => !drop(m));
    this.layer.removeWhere(drop);
    const orphaned = new Set<string>();
    for (const [entity, m] of this.firstPainted) {
      if (!drop(m)) continue;
      this.firstPainted.delete(entity);
      orphaned.add(entity);
    }
    // The entity's next mention, if any is left, becomes its first.
    if (orphaned.size > 0) this.admit(this.found.filter((m) => orphaned.has(m.entity)));
    return before - this.found.length;
  }

  clear(): void {
    this.found = [];
    this.firstPainted.clear();
    this.layer.clear();
  }

  /** Applies a new choice to everything found so far. */
  setFilter(filter: MentionFilter): void {
    this.filter = filter;
    this.firstPainted.clear();
    this.layer.clear();
    this.admit(this.found);
  }

  private admit(mentions: readonly PaintedMention[]): void {
    const { paint, unpaint } = selectMentions(mentions, this.firstPainted, this.filter, this.before);
    if (unpaint.length > 0) {
      const gone = new Set(unpaint);
      this.layer.removeWhere((m) => gone.has(m));
    }
    if (this.filter.firstOnly) for (const m of paint) this.firstPainted.set(m.entity, m);
    this.layer.add(paint);
  }
}
