/**
 * Functions that run inside the page's main world through `PageDriver.evaluate`.
 * Each is sent as source text, so each must be self-contained: no imports, no
 * references to anything outside its own body.
 */

export const HIGHLIGHT_TYPES = ['person', 'organization', 'place', 'event'] as const;
export type HighlightType = (typeof HIGHLIGHT_TYPES)[number];

export interface HighlightRangeInfo {
  type: string;
  text: string;
  /** The first skipped-region ancestor (`header`, `nav`, `script`...) the range touches, if any. */
  forbidden: string | null;
}

export interface HighlightSnapshot {
  /** Per type: whether `CSS.highlights` has an entry for `backstory-<type>`, and how many ranges. */
  sizes: Record<string, number | null>;
  ranges: HighlightRangeInfo[];
}

/** Every range of the four Backstory highlights, as the page's own realm sees them. */
export const readHighlights = (): HighlightSnapshot => {
  const types = ['person', 'organization', 'place', 'event'];
  const forbiddenSel = 'head, header, nav, footer, script, style, noscript, template, input, textarea, select';
  const sizes: Record<string, number | null> = {};
  const ranges: { type: string; text: string; forbidden: string | null }[] = [];
  const elementOf = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  for (const type of types) {
    const h = CSS.highlights.get('backstory-' + type);
    sizes[type] = h ? h.size : null;
    if (!h) continue;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const bad =
        elementOf(r.startContainer)?.closest(forbiddenSel) ?? elementOf(r.endContainer)?.closest(forbiddenSel);
      ranges.push({ type, text: range.toString(), forbidden: bad ? bad.tagName.toLowerCase() : null });
    }
  }
  return { sizes, ranges };
};

export interface CoverageTarget {
  /** Text to find in the article body. */
  find: string;
  /** The highlight it must be in. */
  type: string;
}
export interface CoverageResult {
  find: string;
  type: string;
  occurrences: number;
  /** Occurrences inside a range of `type` whose text is the mention (not a whole paragraph). */
  covered: number;
  /** For each uncovered occurrence: the types of any ranges that do cover it (wrong type). */
  misses: string[];
}

/**
 * For each target, every occurrence in the article's text and whether a range of
 * the expected highlight covers it.
 */
export const highlightCoverage = (targets: CoverageTarget[]): CoverageResult[] => {
  const root = document.querySelector('article') ?? document.body;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  const all: { type: string; range: AbstractRange }[] = [];
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (h) for (const r of h) all.push({ type, range: r });
  }
  return targets.map(({ find, type }) => {
    let occurrences = 0;
    let covered = 0;
    const misses: string[] = [];
    for (const node of texts) {
      for (let i = node.data.indexOf(find); i >= 0; i = node.data.indexOf(find, i + find.length)) {
        occurrences++;
        const by = all.filter(({ range }) => {
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          return (
            live.isPointInRange(node, i) &&
            live.isPointInRange(node, i + find.length) &&
            live.toString().length <= find.length + 40
          );
        });
        if (by.some((b) => b.type === type)) covered++;
        else misses.push(`"${node.data.slice(Math.max(0, i - 20), i + find.length + 20)}" in [${by.map((b) => b.type).join(',')}]`);
      }
    }
    return { find, type, occurrences, covered, misses };
  });
};

/**
 * Scrolls the `occurrence`-th (0-based) appearance of `word` in the article into
 * the middle of the viewport and returns the centre of the word, in viewport CSS px.
 */
export const wordCenter = async ({ word, occurrence }: { word: string; occurrence: number }) => {
  const root = document.querySelector('article') ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    for (let i = text.data.indexOf(word); i >= 0; i = text.data.indexOf(word, i + word.length)) {
      if (seen++ < occurrence) continue;
      text.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + word.length);
      const rects = [...range.getClientRects()];
      const rect = rects[0] ?? range.getBoundingClientRect();
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        rect: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
        viewport: { width: innerWidth, height: innerHeight },
      };
    }
  }
  throw new Error(`"${word}" #${occurrence} not found in the article`);
};

export interface CardState {
  hosts: number;
  hostHasOpenShadow: boolean;
  hostLightChildren: number;
  visible: boolean;
  role: string | null;
  /** Accessible name: `aria-label`, else the text that `aria-labelledby` points at. */
  label: string | null;
  text: string;
  rect: { left: number; top: number; width: number; height: number } | null;
}

/** The `<backstory-card>` host and its `.card`, as a user would see it. */
export const cardState = (): CardState => {
  const hosts = document.querySelectorAll('backstory-card');
  const host = hosts[0];
  const card = host?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
  const r = card?.getBoundingClientRect();
  const visible = Boolean(
    card &&
      card.isConnected &&
      card.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      r &&
      r.width > 0 &&
      r.height > 0,
  );
  return {
    hosts: hosts.length,
    hostHasOpenShadow: Boolean(host?.shadowRoot),
    hostLightChildren: host ? host.childNodes.length : 0,
    visible,
    role: card?.getAttribute('role') ?? null,
    // The accessible name: aria-label, else the text of the aria-labelledby targets (in the card's own root).
    label:
      card?.getAttribute('aria-label') ??
      (card?.getAttribute('aria-labelledby')
        ? card
            .getAttribute('aria-labelledby')!
            .split(/\s+/)
            .map((id) => (card.getRootNode() as ShadowRoot | Document).getElementById(id)?.textContent ?? '')
            .join(' ')
            .trim() || null
        : null),
    text: (card?.innerText || card?.textContent || '').replace(/\s+/g, ' ').trim(),
    rect: r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null,
  };
};

/**
 * Starts a clock at the next mousemove the page sees (main world, capture phase).
 * Only the first move after arming counts: browsers also send synthetic
 * mousemoves after scrolls and layout changes, which must not restart it.
 */
export const armMoveClock = () => {
  const w = window as unknown as { __e2eFirstMove?: number; __e2eArmed?: boolean; __e2eMoveHook?: boolean };
  w.__e2eFirstMove = undefined;
  w.__e2eArmed = true;
  if (w.__e2eMoveHook) return;
  w.__e2eMoveHook = true;
  window.addEventListener(
    'mousemove',
    (e) => {
      if (w.__e2eArmed) {
        w.__e2eArmed = false;
        w.__e2eFirstMove = e.timeStamp;
      }
    },
    { capture: true, passive: true },
  );
};

/**
 * Waits in the page until the card's visibility is `visible`; returns how long
 * after the armed mousemove that happened, in ms of the page's clock.
 */
export const waitForCard = async ({ visible, timeout }: { visible: boolean; timeout: number }) => {
  const w = window as unknown as { __e2eFirstMove?: number };
  const isVisible = () => {
    const card = document.querySelector('backstory-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
    if (!card || !card.isConnected) return false;
    const r = card.getBoundingClientRect();
    return card.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && r.width > 0 && r.height > 0;
  };
  const start = performance.now();
  while (performance.now() - start < timeout) {
    if (isVisible() === visible) {
      const now = performance.now();
      return { ok: true, sinceMove: w.__e2eFirstMove === undefined ? null : now - w.__e2eFirstMove };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { ok: false, sinceMove: null };
};

export interface DomComparison {
  /** Nodes (elements, text, comments) of the live document outside `<backstory-card>`. */
  live: number;
  /** Nodes of the same HTML freshly parsed. */
  parsed: number;
  /** First differing position, with both sides, or null when identical. */
  firstDiff: { index: number; live: string | null; parsed: string | null } | null;
  /** Text nodes only: same data, same order? */
  textNodesEqual: boolean;
  textNodes: number;
  /** Tag names of the elements that are in the live document but not in the page's HTML. */
  added: string[];
}

/**
 * Compares the live document with the page's HTML as the server sent it,
 * parsed afresh by the page's own parser (DOMParser: same tree builder, no
 * scripts run, no extension). Each node is written as depth + kind + content
 * (elements with all their attributes), in document order; the subtree of
 * `<backstory-card>` hosts is left out of the live side and counted apart.
 */
export const compareWithServerHtml = async (): Promise<DomComparison> => {
  const html = await (await fetch(location.href, { cache: 'no-store' })).text();
  const parsedDoc = new DOMParser().parseFromString(html, 'text/html');
  const describe = (doc: Document, skipCards: boolean) => {
    const out: string[] = [];
    const texts: string[] = [];
    const added: string[] = [];
    const visit = (node: Node, depth: number) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.ELEMENT_NODE) {
          const el = child as Element;
          if (skipCards && el.localName === 'backstory-card') {
            added.push(el.localName);
            continue;
          }
          const attrs = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
          out.push(`${depth} <${el.localName}${attrs ? ' ' + attrs : ''}>`);
          visit(el, depth + 1);
          // <template> content lives in a fragment of its own.
          if (el instanceof HTMLTemplateElement) visit(el.content, depth + 1);
        } else if (child.nodeType === Node.TEXT_NODE) {
          const data = (child as Text).data;
          out.push(`${depth} #text ${JSON.stringify(data)}`);
          texts.push(data);
        } else if (child.nodeType === Node.COMMENT_NODE) {
          out.push(`${depth} #comment ${JSON.stringify((child as Comment).data)}`);
        }
      }
    };
    visit(doc, 0);
    return { out, texts, added };
  };
  const live = describe(document, true);
  const parsed = describe(parsedDoc, false);
  let firstDiff: DomComparison['firstDiff'] = null;
  for (let i = 0; i < Math.max(live.out.length, parsed.out.length); i++) {
    if (live.out[i] !== parsed.out[i]) {
      firstDiff = { index: i, live: live.out[i] ?? null, parsed: parsed.out[i] ?? null };
      break;
    }
  }
  return {
    live: live.out.length,
    parsed: parsed.out.length,
    firstDiff,
    textNodesEqual:
      live.texts.length === parsed.texts.length && live.texts.every((t, i) => t === parsed.texts[i]),
    textNodes: live.texts.length,
    added: live.added,
  };
};

/** Waits until the card's transitions and animations have finished (for a clean screenshot). */
export const waitForCardSettled = async (timeout: number) => {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    const card = document.querySelector('backstory-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
    if (card) {
      const running = card.getAnimations({ subtree: true }).some((a) => a.playState === 'running');
      if (!running && getComputedStyle(card).opacity === '1') return true;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
};
