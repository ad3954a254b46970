/**
 * Finds where the reader is looking, so the annotator can paint the text in
 * view before the rest of a long page opened part-way down. A handful of hit tests down the middle
 * of the viewport name the first block of prose on screen; nothing is
 * measured element by element, so the cost does not grow with the page.
 */
import { isBlock, isSkippedElement } from '../text/extract';

/**
 * Points hit-tested, as fractions of the viewport's width and height, in
 * order: down the middle, then down a column to the left of it (pages with a
 * sidebar on the right). The first readable hit wins, so a masthead pinned to
 * the top of the screen only costs the rows it covers.
 */
const PROBE_ROWS = [0.08, 0.2, 0.35, 0.5, 0.65, 0.8];
const PROBE_COLUMNS = [0.5, 0.3];

/**
 * The first block of readable text in view: the block around the text under
 * the topmost probe point that lands in prose inside `root`. Null at the top
 * of the page, when no probe lands in readable text (an empty page, a page
 * scrolled onto a picture), or when the engine has no hit-testing: then the
 * page is simply read in document order.
 */
export function firstBlockInView(root: Node, ownHost: Element | null): Element | null {
  const doc = root.ownerDocument;
  const view = doc?.defaultView;
  if (!doc || !view || view.innerWidth === 0 || view.innerHeight === 0) return null;
  // At the top of the page, what is in view is where the page begins, which a
  // read in document order paints first anyway. The first hit test of a page
  // costs up to a millisecond (it brings the page's hit-testing data up to
  // date), so it is spent only where it buys something: a page opened
  // scrolled (a reload, a link to an anchor, a single-page app).
  if (view.scrollY === 0) return null;
  for (const fy of PROBE_ROWS) {
    for (const fx of PROBE_COLUMNS) {
      const hit = nodeAt(doc, view.innerWidth * fx, view.innerHeight * fy);
      const block = hit && readableBlockAround(hit, root, ownHost);
      if (block) return block;
    }
  }
  return null;
}

/** The node under a viewport point: the text node the caret would land in, else the element. */
function nodeAt(doc: Document, x: number, y: number): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  if (typeof doc.caretRangeFromPoint === 'function') return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return typeof doc.elementFromPoint === 'function' ? doc.elementFromPoint(x, y) : null;
}

/**
 * The nearest block around `node` strictly inside `root`, provided nothing
 * from `node` up to `root` is a region Backstory never reads (site chrome, a
 * hidden panel, an editor). A hit on `root` itself gives nothing: starting
 * there is reading in document order.
 */
function readableBlockAround(node: Node, root: Node, ownHost: Element | null): Element | null {
  let block: Element | null = null;
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n === root) return block;
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (isSkippedElement(el, ownHost)) return null;
    if (!block && isBlock(el)) block = el;
  }
  // Climbed out of the document without meeting `root`: the hit lies outside it.
  return null;
}
