/**
 * Functions the robustness tests run in the page's main world (through
 * `PageDriver.evaluate`). Each is sent as source, so each is self-contained.
 */

export interface SnapshotSummary {
  textNodes: number;
  elements: number;
}

/**
 * Takes the page as a reader and the page's scripts see it, and keeps it in
 * the page under `key`: every text node's data in document order (the whole
 * document, Backstory's `<backstory-card>` host left out) and the box of every
 * element of the body. Kept in the page so megabyte pages are not shipped
 * over the protocol twice.
 */
export const takeSnapshot = (key: string): SnapshotSummary => {
  const texts: string[] = [];
  const boxes: string[] = [];
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === 'backstory-card'
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const body = document.body;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      texts.push((n as Text).data);
    } else if (body && body.contains(n)) {
      const r = (n as Element).getBoundingClientRect();
      boxes.push(`${(n as Element).localName} ${r.x} ${r.y} ${r.width} ${r.height}`);
    }
  }
  const store = window as unknown as Record<string, unknown>;
  store[`__e2eSnapshot_${key}`] = { texts, boxes, scroll: [scrollX, scrollY] };
  return { textNodes: texts.length, elements: boxes.length };
};

export interface SnapshotDiff {
  textNodes: [number, number];
  elements: [number, number];
  /** Index and both sides of the first text node that differs, or null. */
  firstTextDiff: { index: number; a: string | null; b: string | null } | null;
  /** How many element boxes differ, and the first few. */
  boxDiffs: number;
  firstBoxDiffs: { index: number; a: string | null; b: string | null }[];
  scrollMoved: boolean;
}

/** Compares two snapshots kept by `takeSnapshot`. */
export const compareSnapshots = ({ a, b }: { a: string; b: string }): SnapshotDiff => {
  type Snap = { texts: string[]; boxes: string[]; scroll: number[] };
  const store = window as unknown as Record<string, Snap>;
  const x = store[`__e2eSnapshot_${a}`]!;
  const y = store[`__e2eSnapshot_${b}`]!;
  let firstTextDiff: SnapshotDiff['firstTextDiff'] = null;
  for (let i = 0; i < Math.max(x.texts.length, y.texts.length); i++) {
    if (x.texts[i] !== y.texts[i]) {
      const clip = (s: string | undefined) => (s === undefined ? null : s.length > 200 ? s.slice(0, 200) + '…' : s);
      firstTextDiff = { index: i, a: clip(x.texts[i]), b: clip(y.texts[i]) };
      break;
    }
  }
  const firstBoxDiffs: SnapshotDiff['firstBoxDiffs'] = [];
  let boxDiffs = 0;
  for (let i = 0; i < Math.max(x.boxes.length, y.boxes.length); i++) {
    if (x.boxes[i] !== y.boxes[i]) {
      boxDiffs += 1;
      if (firstBoxDiffs.length < 5) firstBoxDiffs.push({ index: i, a: x.boxes[i] ?? null, b: y.boxes[i] ?? null });
    }
  }
  return {
    textNodes: [x.texts.length, y.texts.length],
    elements: [x.boxes.length, y.boxes.length],
    firstTextDiff,
    boxDiffs,
    firstBoxDiffs,
    scrollMoved: x.scroll[0] !== y.scroll[0] || x.scroll[1] !== y.scroll[1],
  };
};

/** How many full passes Backstory has painted on this page (its `backstory:painted` User Timing marks). */
export const paintedPasses = (): number => performance.getEntriesByName('backstory:painted').length;

/** Words a reader sees in the body (its rendered text split on whitespace). */
export const visibleWords = (): number => (document.body?.innerText.match(/\S+/g) ?? []).length;

/**
 * Every range of Backstory's highlights that no longer points at the page:
 * a boundary in a node that left the document, or a collapsed range.
 */
export const staleHighlightRanges = (): string[] => {
  const out: string[] = [];
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (!h) continue;
    for (const r of h) {
      const stale = !r.startContainer.isConnected || !r.endContainer.isConnected || r.collapsed;
      if (stale) out.push(`${type}: ${JSON.stringify((r.startContainer.textContent ?? '').slice(r.startOffset, r.startOffset + 40))}`);
    }
  }
  return out;
};

/** Nodes in the document that are not the page's own: anything but the card host that Backstory could have added. */
export const foreignElements = (): string[] =>
  [...document.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('backstory') || el.hasAttribute('data-backstory') || el.id.startsWith('backstory'))
    .map((el) => el.localName);

/** Each Backstory highlight with the words around it, for reading the list of what was lit. */
export const highlightsInContext = (): { type: string; text: string; context: string }[] => {
  const out: { type: string; text: string; context: string }[] = [];
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (!h) continue;
    for (const r of h) {
      const start = r.startContainer.parentElement;
      const block = (start?.closest('p, li, h1, h2, h3, h4, h5, h6, td, dd, figcaption, blockquote, div') ?? start) as Element | null;
      if (!block) continue;
      const before = document.createRange();
      before.setStart(block, 0);
      before.setEnd(r.startContainer, r.startOffset);
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const after = document.createRange();
      after.setStart(r.endContainer, r.endOffset);
      after.setEnd(block, block.childNodes.length);
      const squeeze = (t: string) => t.replace(/\s+/g, ' ');
      out.push({
        type,
        text: live.toString(),
        context: `${squeeze(before.toString()).slice(-40)}[${live.toString()}]${squeeze(after.toString()).slice(0, 40)}`,
      });
    }
  }
  return out;
};

/** Pairs of Backstory highlights that overlap (each piece of text links to one entity at most). */
export const overlappingHighlights = (): string[] => {
  const all: { type: string; range: Range }[] = [];
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (!h) continue;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      all.push({ type, range });
    }
  }
  all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const out: string[] = [];
  for (let i = 1; i < all.length; i++) {
    const prev = all[i - 1]!;
    const cur = all[i]!;
    // Overlap: the current one starts before the previous one ends.
    if (cur.range.compareBoundaryPoints(Range.START_TO_END, prev.range) < 0) {
      out.push(`${prev.type}:${prev.range.toString()} / ${cur.type}:${cur.range.toString()}`);
    }
  }
  return out;
};

/**
 * Highlights where the README says Backstory never reads: scripts, styles,
 * form fields and buttons, editable regions, SVG and MathML, code, hidden
 * elements, and site chrome (navigation, a masthead or site footer outside
 * any article or section, ARIA landmarks of the same roles).
 */
export const misplacedHighlights = (): string[] => {
  const never =
    'head, script, style, noscript, template, textarea, input, select, option, button, svg, math, code, pre, kbd, samp, ' +
    'nav, [hidden], [aria-hidden="true"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], ' +
    '[role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], [role="menu"], [role="menubar"], [role="toolbar"]';
  const sectioning = 'article, aside, main, nav, section, [role="main"], [role="article"]';
  const why = (node: Node): string | null => {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) return 'detached';
    const bad = el.closest(never);
    if (bad) return bad.localName + (bad.getAttribute('role') ? `[role=${bad.getAttribute('role')}]` : '');
    if ((el as HTMLElement).isContentEditable) return 'editable';
    for (let e: Element | null = el; e; e = e.parentElement) {
      if ((e.localName === 'header' || e.localName === 'footer') && !e.parentElement?.closest(sectioning)) return `site ${e.localName}`;
    }
    return null;
  };
  const out: string[] = [];
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (!h) continue;
    for (const r of h) {
      const reason = why(r.startContainer) ?? why(r.endContainer);
      if (reason) out.push(`${type} in ${reason}: ${(r.startContainer.textContent ?? '').slice(r.startOffset, r.startOffset + 40)}`);
    }
  }
  return out;
};

export interface NameCoverage {
  /** Occurrences of a listed name that no highlight covers exactly. */
  missing: string[];
  /** Highlights whose text is not one of the listed names, or that are stale. */
  extra: string[];
  /** How many highlights there are in all. */
  total: number;
}

/**
 * Checks that Backstory's highlights are exactly the occurrences of `names`
 * in the live text of the page (within `within`, the body by default): every
 * occurrence covered by a range of just that text, and no other range, none
 * pointing at text that left the page.
 */
export const nameCoverage = ({ names, within }: { names: string[]; within?: string }): NameCoverage => {
  const root = (within ? document.querySelector(within) : document.body) ?? document.body;
  const ranges: { text: string; range: Range; live: boolean }[] = [];
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (!h) continue;
    for (const r of h) {
      const live = r.startContainer.isConnected && r.endContainer.isConnected && !r.collapsed;
      const range = document.createRange();
      if (live) {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      }
      ranges.push({ text: live ? range.toString() : '(stale)', range, live });
    }
  }
  const missing: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    // Only text a reader reads: not scripts, styles, or field contents.
    if (text.parentElement?.closest('script, style, noscript, template, textarea, title')) continue;
    for (const name of names) {
      for (let i = text.data.indexOf(name); i >= 0; i = text.data.indexOf(name, i + name.length)) {
        const covered = ranges.some(
          ({ range, live, text: t }) =>
            live && t === name && range.startContainer === text && range.startOffset === i,
        );
        if (!covered) missing.push(`${name} in "${text.data.slice(0, 60)}"`);
      }
    }
  }
  const inside = (r: Range) => root.contains(r.startContainer);
  const extra = ranges
    .filter(({ live, text, range }) => !live || (inside(range) && !names.includes(text)))
    .map(({ text }) => text);
  return { missing, extra, total: ranges.length };
};

export interface CardLook {
  shown: boolean;
  /** The host's computed styles that could hide it or push it under the page. */
  host: Record<string, string>;
  /** The card's own computed styles, as a reader sees them. */
  card: Record<string, string>;
  /** WCAG contrast ratio of the card's text on its background. */
  contrast: number;
  /** Whether the card is what the reader sees at its centre (nothing of the page painted over it). */
  onTop: boolean;
  rect: { left: number; top: number; width: number; height: number } | null;
}

/** How the shown card looks: visible, legible, on top of the page. */
export const cardLook = (): CardLook => {
  const host = document.querySelector('backstory-card') as HTMLElement | null;
  const card = host?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
  const pick = (el: Element | null | undefined, props: string[]) => {
    const cs = el ? getComputedStyle(el) : null;
    return Object.fromEntries(props.map((p) => [p, cs ? cs.getPropertyValue(p) : '']));
  };
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const cardStyle = pick(card, ['color', 'background-color', 'font-size', 'font-family', 'letter-spacing', 'width', 'opacity', 'visibility', 'display']);
  const fg = parse(cardStyle.color ?? '');
  const bg = parse(cardStyle['background-color'] ?? '');
  // A transparent background is not a background: contrast is then unknown, reported as 1.
  const contrast =
    fg.length >= 3 && bg.length >= 3 && (bg[3] ?? 1) > 0.99
      ? (Math.max(lum(fg), lum(bg)) + 0.05) / (Math.min(lum(fg), lum(bg)) + 0.05)
      : 1;
  const r = card?.getBoundingClientRect() ?? null;
  let onTop = false;
  if (r && r.width > 0) {
    // From the document the shadow content is seen as its host; check a few points inside the card.
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 10, r.top + 10],
      [r.right - 10, r.bottom - 10],
    ];
    onTop = points.every(([x, y]) => document.elementFromPoint(x!, y!) === host && host!.shadowRoot!.elementFromPoint(x!, y!) !== null);
  }
  return {
    shown: Boolean(card?.isConnected),
    host: pick(host, ['display', 'position', 'z-index', 'opacity', 'visibility', 'transform', 'filter', 'clip-path', 'pointer-events', 'width', 'height']),
    card: cardStyle,
    contrast,
    onTop,
    rect: r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null,
  };
};

/** Computed styles of page elements that matter to a reader, to tell whether anything reached them. */
export const pageStyles = (selectors: string[]): Record<string, Record<string, string>> => {
  const props = ['display', 'width', 'height', 'margin-top', 'padding-top', 'border-top-width', 'color', 'background-color', 'font-size', 'font-family', 'font-weight', 'letter-spacing', 'box-shadow', 'border-radius'];
  const out: Record<string, Record<string, string>> = {};
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const cs = el ? getComputedStyle(el) : null;
    out[sel] = Object.fromEntries(props.map((p) => [p, cs ? cs.getPropertyValue(p) : '(missing)']));
  }
  return out;
};
