/**
 * Reads the text a person reads on a page, as one string plus a map back to
 * the page's text nodes. The matcher works on that string; `ranges.ts` turns
 * its offsets back into DOM Ranges. Nothing here modifies the page.
 */

/**
 * Elements whose content no reader reads as prose; their whole subtree is
 * skipped. By `localName`, which is lowercase for HTML elements (and for
 * `svg` and `math`) in HTML and XHTML documents alike.
 */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option',
  'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'code', 'pre',
  'kbd', 'samp', 'button', 'nav',
]);

/**
 * Site chrome: menus, the masthead and the site footer repeat section names
 * and headline links on every page. They are not the story the reader is
 * reading, and lighting them up would be noise ("right, or silent").
 */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar']);

/**
 * A `<header>` or `<footer>` is the page's banner or footer only outside
 * these sectioning elements (HTML-AAM); inside an article it is the article's
 * own heading or byline, which is prose.
 */
const SECTIONING_SELECTOR = 'article, aside, main, nav, section, [role="main"], [role="article"]';

/**
 * The attributes that can make an element one Backstory skips. Most elements
 * carry none of them, and one `matches` call rules them out: cheaper on a
 * large page than reading four attributes of every element.
 */
const SKIP_ATTRIBUTES_SELECTOR = '[hidden], [aria-hidden], [role], [contenteditable]';

/**
 * Elements that break the flow of text. Between them a separator is inserted
 * so that a name can never be stitched together from a heading and the
 * paragraph after it. Tag-based rather than computed-style-based: reading
 * `display` for every element would cost a style lookup per node on large pages.
 */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'legend', 'body',
]);

/**
 * Inserted between blocks. A newline pair reads as a paragraph break to the
 * matcher, which never joins words across it.
 */
export const BLOCK_SEPARATOR = '\n\n';

/** One text node's place in the extracted string. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in `ExtractedText.text`. */
  start: number;
}

/** A page's readable text and where each piece came from. */
export interface ExtractedText {
  text: string;
  /** In document order, with strictly increasing `start`. */
  segments: TextSegment[];
}

export interface ExtractOptions {
  /** An element Backstory owns (its card host), never read. */
  ownHost?: Element | null;
}

export interface WalkOptions extends ExtractOptions {
  /**
   * Where to begin instead of `root`'s first node: a node inside `root`
   * whose ancestors are all read (the caller checks), e.g. the first block in
   * view, or where an earlier walk stopped (`TextWalker.position`).
   */
  from?: Node | null;
  /** Stop on reaching this node, before reading it: it starts a part read on its own. */
  until?: Node | null;
}

/**
 * Whether an element's subtree holds no prose a reader sees: skipped tags,
 * site chrome (navigation, masthead, site footer), editable regions (typing
 * there must never be disturbed), hidden elements.
 */
export function isSkippedElement(el: Element, ownHost?: Element | null): boolean {
  return skippedByMarkup(el, el.localName, ownHost) || !isShown(el);
}

/** The part of `isSkippedElement` that reads only the markup: tag, attributes, place in the page. */
function skippedByMarkup(el: Element, tag: string, ownHost: Element | null | undefined): boolean {
  if (el === ownHost || SKIPPED_TAGS.has(tag)) return true;
  if ((tag === 'header' || tag === 'footer') && el.parentElement?.closest(SECTIONING_SELECTOR) == null) return true;
  if (!el.matches(SKIP_ATTRIBUTES_SELECTOR)) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  // contenteditable="", "true" or "plaintext-only": an editor. Its descendants
  // are never reached, so the attribute is enough (no isContentEditable, which
  // costs a style lookup on every element).
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.trim().toLowerCase() !== 'false';
}

/**
 * Whether the element is rendered: `checkVisibility` where the engine has it
 * (it also sees a hidden ancestor). A `display: contents` element has no box
 * of its own yet shows its children, so it counts as shown.
 */
function isShown(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })) return true;
  return el.ownerDocument.defaultView?.getComputedStyle(el).display === 'contents';
}

/** DOM node types, as numbers so this module runs on any DOM implementation without its globals. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Flags of an element the walk has entered. */
const BLOCK = 1;
/** Its visibility has been checked (blocks on entry, inline elements at their first text). */
const SHOWN = 2;

/**
 * Walks `root` in document order and hands out its readable text in pieces,
 * so a large page can be read a slice at a time with the main thread free in
 * between. Each piece is self-contained: its offsets start at 0, and pieces
 * end only at block boundaries, so no name is ever cut in two by a piece.
 *
 * Whitespace is kept as it is (the matcher normalises it); only a separator
 * between blocks is added, and it maps to no node. The walk is iterative
 * (first child, next sibling, parent) so that it sees both the entry into and
 * the exit from each block, and so that deep nesting cannot overflow the stack.
 *
 * Cost per node is what reading a large page comes down to, so the walk does
 * as little as it can per element: nothing for an empty one, its tag and one
 * selector test for the others, and the visibility check (a style lookup)
 * only for blocks, where a hidden one prunes a whole subtree, and for inline
 * elements that hold text themselves. An inline wrapper around other elements
 * needs none: `checkVisibility` on the element holding the text sees a hidden
 * ancestor too.
 */
export class TextWalker {
  private node: Node | null;
  private pendingBreak = false;
  private readonly until: Node | null;
  /** The elements entered and not yet left, innermost last, with their flags. */
  private readonly entered: Element[] = [];
  private readonly flags: number[] = [];
  /** Outside the entered elements (a walk begun inside the tree): the last parent found shown. */
  private shownOuterParent: Node | null = null;

  constructor(
    private readonly root: Node,
    private readonly options: WalkOptions = {},
  ) {
    this.node = options.from ?? (root.nodeType === TEXT_NODE ? root : root.firstChild);
    this.until = options.until ?? null;
    // A document in design mode is one big editor.
    if (root.ownerDocument?.designMode === 'on') this.node = null;
  }

  /** Whether the walk is over: `root` read to its end, or `until` reached. */
  get done(): boolean {
    return this.node === null || this.node === this.until;
  }

  /** Whether the walk stopped at `until` (rather than at the end of `root`). */
  get reachedUntil(): boolean {
    return this.node !== null && this.node === this.until;
  }

  /** The next node to read (where a later walk can take over with `from`), or null at the end. */
  get position(): Node | null {
    return this.node;
  }

  /**
   * The next piece: text nodes in order until the piece holds at least
   * `minChars` characters and a block ends, or `root` is exhausted. Null
   * once everything has been read.
   */
  next(minChars = Infinity): ExtractedText | null {
    if (this.done) return null;
    const segments: TextSegment[] = [];
    const parts: string[] = [];
    const until = this.until;
    const ownHost = this.options.ownHost;
    const entered = this.entered;
    const flags = this.flags;
    let length = 0;
    let node: Node | null = this.node;
    while (node && node !== until) {
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (!this.parentShown(node)) {
            // The element holding this text is hidden: leave it.
            if (flags.length > 0) {
              entered.pop();
              flags.pop();
            }
            node = this.after(node.parentNode!);
            continue;
          }
          if (this.pendingBreak && length > 0) {
            if (length >= minChars) break;
            parts.push(BLOCK_SEPARATOR);
            length += BLOCK_SEPARATOR.length;
          }
          this.pendingBreak = false;
          segments.push({ node: node as Text, start: length });
          parts.push(data);
          length += data.length;
        }
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const tag = el.localName;
        const block = BLOCK_TAGS.has(tag);
        if (block) this.pendingBreak = true;
        const first = el.firstChild;
        if (first !== null && !skippedByMarkup(el, tag, ownHost) && (!block || isShown(el))) {
          entered.push(el);
          flags.push(block ? BLOCK | SHOWN : 0);
          node = first;
          continue;
        }
      }
      node = this.after(node);
    }
    this.node = node;
    return { text: parts.join(''), segments };
  }

  /** Whether the element holding `text` is shown, checking it the first time it holds text. */
  private parentShown(text: Node): boolean {
    const top = this.flags.length - 1;
    if (top >= 0) {
      if (this.flags[top]! & SHOWN) return true;
      if (!isShown(this.entered[top]!)) return false;
      this.flags[top]! |= SHOWN;
      return true;
    }
    // Text directly under an element the walk did not enter (it began inside
    // the tree, or this is the root): check that element once.
    const parent = text.parentNode;
    if (parent === null || parent === this.shownOuterParent || parent.nodeType !== ELEMENT_NODE) return true;
    if (!isShown(parent as Element)) return false;
    this.shownOuterParent = parent;
    return true;
  }

  /** The node after `node`'s subtree in document order, inside `root`; noting the blocks it leaves. */
  private after(node: Node): Node | null {
    let current: Node | null = node;
    while (current && current !== this.root && !current.nextSibling) {
      current = current.parentNode;
      if (!current || current === this.root) break;
      const left = this.flags.length > 0 ? (this.entered.pop(), this.flags.pop()!) : -1;
      if (left === -1 ? current.nodeType === ELEMENT_NODE && isBlock(current as Element) : left & BLOCK) this.pendingBreak = true;
    }
    return current && current !== this.root ? current.nextSibling : null;
  }
}

/** All of `root`'s readable text at once: for small roots, tools and tests. */
export function extractText(root: Node, options: ExtractOptions = {}): ExtractedText {
  return new TextWalker(root, options).next() ?? { text: '', segments: [] };
}

/** Whether an element starts and ends a block of text (a paragraph, a list item, a cell…). */
export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}
