/**
 * Paints mentions with the CSS Custom Highlight API: one named Highlight per
 * entity type, styled by `::highlight(backstory-<type>)` rules in the page's
 * content-script stylesheet. No element is wrapped and no text node is split,
 * so the page's own scripts (React re-renders, editors) never meet a foreign
 * node; highlighters that wrap text are known to break such pages.
 */
import type { EntityType } from '../dataset/pack';

/** Name of each type's highlight in `CSS.highlights`, and of its `::highlight()` rule. */
export const HIGHLIGHT_NAMES: Readonly<Record<EntityType, string>> = {
  person: 'backstory-person',
  organization: 'backstory-organization',
  place: 'backstory-place',
  event: 'backstory-event',
};

/** A mention placed on the page. */
export interface PaintedMention {
  range: Range;
  entity: string;
  type: EntityType;
  /** The text nodes the range touches, for hit-testing by node. */
  nodes: Text[];
}

/** The part of `HighlightRegistry` Backstory uses; injectable for tests. */
export type HighlightRegistryLike = Pick<HighlightRegistry, 'set' | 'delete'>;

/** Whether this engine can paint highlights at all (Chrome 105+, Firefox 140+, Safari 17.2+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Owns Backstory's highlights on one page: adds mentions as they are found
 * (so a large page lights up progressively), drops those whose text went
 * away, clears them all, and finds the mention under a point.
 */
export class HighlightLayer {
  private mentions = new Set<PaintedMention>();
  private byNode = new Map<Text, PaintedMention[]>();
  private highlights = new Map<EntityType, Highlight>();

  constructor(private readonly registry: HighlightRegistryLike = CSS.highlights) {}

  /** Everything currently painted, in the order it was added. */
  get painted(): readonly PaintedMention[] {
    return [...this.mentions];
  }

  /** How many mentions are painted. */
  get size(): number {
    return this.mentions.size;
  }

  /** Paints `mentions` in addition to what is already painted. */
  add(mentions: readonly PaintedMention[]): void {
    for (const m of mentions) {
      this.mentions.add(m);
      this.highlightFor(m.type).add(m.range);
      for (const node of m.nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(m);
        else this.byNode.set(node, [m]);
      }
    }
  }

  /** Unpaints every mention for which `drop` is true; returns how many went. */
  removeWhere(drop: (m: PaintedMention) => boolean): number {
    let removed = 0;
    for (const m of this.mentions) {
      if (!drop(m)) continue;
      removed += 1;
      this.mentions.delete(m);
      this.highlights.get(m.type)?.delete(m.range);
      for (const node of m.nodes) {
        const rest = this.byNode.get(node)?.filter((x) => x !== m) ?? [];
        if (rest.length > 0) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
    }
    return removed;
  }

  /** Replaces every painted mention with `mentions`. */
  paint(mentions: readonly PaintedMention[]): void {
    this.clear();
    this.add(mentions);
  }

  /** Removes every highlight Backstory painted; the page looks as if Backstory never ran. */
  clear(): void {
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.registry.delete(name);
    this.highlights.clear();
    this.mentions.clear();
    this.byNode.clear();
  }

  /** The type's Highlight, registered on first use so unused types leave no entry. */
  private highlightFor(type: EntityType): Highlight {
    let highlight = this.highlights.get(type);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(type, highlight);
      this.registry.set(HIGHLIGHT_NAMES[type], highlight);
    }
    return highlight;
  }

  /**
   * The painted mention under the viewport point (x, y), if any. The caret
   * under the point names a text node; its mentions are then checked against
   * their boxes, since the caret API also answers for points beside the text.
   */
  mentionAt(x: number, y: number, doc: Document = document): PaintedMention | null {
    const node = caretNodeAt(doc, x, y);
    if (!node) return null;
    for (const m of this.byNode.get(node) ?? []) {
      for (const rect of m.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return m;
      }
    }
    return null;
  }
}

/** The text node under a viewport point, through whichever caret API the engine has. */
function caretNodeAt(doc: Document, x: number, y: number): Text | null {
  let node: Node | null | undefined;
  if (typeof doc.caretPositionFromPoint === 'function') {
    node = doc.caretPositionFromPoint(x, y)?.offsetNode;
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    node = doc.caretRangeFromPoint(x, y)?.startContainer;
  }
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}
