/**
 * Reads the text a person reads on a page, as one string plus a map back to
 * the page's text nodes. The matcher works on that string; `ranges.ts` turns
 * its offsets back into DOM Ranges. Nothing here modifies the page.
 */

/** Elements whose content no reader reads as prose; their whole subtree is skipped. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'CODE', 'PRE',
  'KBD', 'SAMP', 'BUTTON',
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
 * Elements that break the flow of text. Between them a separator is inserted
 * so that a name can never be stitched together from a heading and the
 * paragraph after it. Tag-based rather than computed-style-based: reading
 * `display` for every element would cost a style lookup per node on large pages.
 */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION', 'LEGEND', 'BODY',
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

/**
 * Whether an element's subtree holds no prose a reader sees: skipped tags,
 * site chrome (navigation, masthead, site footer), editable regions (typing there must never be disturbed), hidden elements.
 * `checkVisibility` is used where the engine has it; `display: contents`
 * elements have no box of their own yet show their children, so they pass.
 */
export function isSkippedElement(el: Element, ownHost?: Element | null): boolean {
  if (el === ownHost) return true;
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (isSiteChrome(el, tag)) return true;
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true') return true;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })) {
    return el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'contents';
  }
  return false;
}

/** Navigation, masthead and site footer, by element and by ARIA landmark role. */
function isSiteChrome(el: Element, tag: string): boolean {
  if (tag === 'NAV') return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  return (tag === 'HEADER' || tag === 'FOOTER') && el.parentElement?.closest(SECTIONING_SELECTOR) == null;
}

/** DOM node types, as numbers so this module runs on any DOM implementation without its globals. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

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
 */
export class TextWalker {
  private node: Node | null;
  private pendingBreak = false;

  constructor(
    private readonly root: Node,
    private readonly options: ExtractOptions = {},
  ) {
    this.node = root.nodeType === TEXT_NODE ? root : root.firstChild;
  }

  /** Whether the whole of `root` has been read. */
  get done(): boolean {
    return this.node === null;
  }

  /**
   * The next piece: text nodes in order until the piece holds at least
   * `minChars` characters and a block ends, or `root` is exhausted. Null
   * once everything has been read.
   */
  next(minChars = Infinity): ExtractedText | null {
    if (this.node === null) return null;
    const segments: TextSegment[] = [];
    const parts: string[] = [];
    let length = 0;
    let node: Node | null = this.node;
    while (node) {
      let descend = false;
      if (node.nodeType === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
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
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        if (isBlock(el)) this.pendingBreak = true;
        descend = !isSkippedElement(el, this.options.ownHost) && el.firstChild !== null;
      }
      node = descend ? node.firstChild : this.after(node);
    }
    this.node = node;
    return { text: parts.join(''), segments };
  }

  /** The node after `node`'s subtree in document order, inside `root`; noting the blocks it leaves. */
  private after(node: Node): Node | null {
    let current: Node | null = node;
    while (current && current !== this.root && !current.nextSibling) {
      current = current.parentNode;
      if (current && current.nodeType === ELEMENT_NODE && isBlock(current as Element)) this.pendingBreak = true;
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
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}
