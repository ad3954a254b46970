/**
 * Functions the browser benchmark runs in the page's main world (through
 * playwright's `page.evaluate`). Each is sent as source text, so each must be
 * self-contained: no imports, nothing from outside its own body.
 *
 * Backstory's content script runs in an isolated world, but User Timing
 * entries and `CSS.highlights` belong to the window, so the page's realm sees
 * the extension's `backstory:*` marks and measures, and its highlights.
 */

/**
 * Installed before any page script (an init script): records long tasks and
 * long animation frames from the very start of the page.
 */
export const OBSERVE_LONG_WORK = `(() => {
  // tsx compiles the probes with esbuild's keepNames, which calls __name(); the page has none.
  globalThis.__name ??= (f) => f;
  const seen = (globalThis.__benchLong = { tasks: [], frames: [], viewCheck: null, frameGap: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  // On a page opened part-way down, watch the frames the reader sees while
  // Backstory works: when the first one shows a highlight in view, and the
  // longest gap between frames, until Backstory has painted the whole page.
  if (new URLSearchParams(location.search).has('scroll-middle')) {
    let last = null;
    const frame = (now) => {
      // Gaps count from Backstory's start: before it, the page is still loading.
      const started = performance.getEntriesByName('backstory:start')[0];
      if (last !== null && started && last >= started.startTime) seen.frameGap = Math.max(seen.frameGap || 0, now - last);
      last = now;
      if (!seen.viewCheck) {
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('backstory-')) continue;
          for (const range of highlight) {
            const r = range.getBoundingClientRect();
            if (r.bottom > 0 && r.top < innerHeight && r.width > 0) {
              seen.viewCheck = { at: performance.now(), whole: performance.getEntriesByName('backstory:painted').length > 0 };
              break;
            }
          }
          if (seen.viewCheck) break;
        }
      }
      if (performance.getEntriesByName('backstory:painted').length === 0) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        seen.frames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL || '', duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

/**
 * With `?scroll-middle`, opens the page halfway down (at its `#middle`
 * paragraph if it has one) before Backstory starts, as a reload or a link to
 * an anchor does; Backstory runs at document_idle, later.
 */
export const SCROLL_TO_MIDDLE = `document.addEventListener('DOMContentLoaded', () => {
  if (!new URLSearchParams(location.search).has('scroll-middle')) return;
  const middle = document.getElementById('middle');
  if (middle) middle.scrollIntoView({ block: 'start', behavior: 'instant' });
  else window.scrollTo(0, Math.floor(document.documentElement.scrollHeight / 2));
});`;

/** One span of time on the page's clock (ms). */
export interface Span {
  start: number;
  duration: number;
}

/** What Backstory left on the timeline of one page load. */
export interface LoadTimeline {
  start: number | null;
  viewport: number | null;
  painted: number | null;
  pack: Span | null;
  setup: Span | null;
  /** Every slice measure, in order. */
  slices: Span[];
  longTasks: Span[];
  /** Long animation frames that ran a script of an extension, with that script's share. */
  extensionFrames: { start: number; duration: number; scriptMs: number }[];
  /**
   * On a page opened part-way down: the first rendered frame with a highlight
   * in view (and whether the whole page was painted by then), and the longest
   * gap between frames while Backstory worked.
   */
  viewCheck: { at: number; whole: boolean } | null;
  frameGap: number | null;
  /** Highlight ranges registered, and those intersecting the viewport. */
  ranges: number;
  rangesInView: number;
  scrollY: number;
}

/** Reads Backstory's marks and measures, the long tasks and the highlights, once the first pass has painted. */
export const readLoadTimeline = (): LoadTimeline => {
  const first = (name: string) => performance.getEntriesByName(name)[0] ?? null;
  const span = (e: PerformanceEntry | null) => (e ? { start: e.startTime, duration: e.duration } : null);
  const long = (
    globalThis as unknown as {
      __benchLong?: {
        tasks: Span[];
        frames: { start: number; duration: number; scripts: { url: string; duration: number }[] }[];
        viewCheck: { at: number; whole: boolean } | null;
        frameGap: number | null;
      };
    }
  ).__benchLong ?? { tasks: [], frames: [], viewCheck: null, frameGap: null };
  let ranges = 0;
  let rangesInView = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const range of highlight) {
      ranges++;
      if (!(range instanceof Range)) continue;
      const r = range.getBoundingClientRect();
      if (r.bottom > 0 && r.top < innerHeight && r.width > 0) rangesInView++;
    }
  }
  return {
    start: first('backstory:start')?.startTime ?? null,
    viewport: first('backstory:viewport')?.startTime ?? null,
    painted: first('backstory:painted')?.startTime ?? null,
    pack: span(first('backstory:pack')),
    setup: span(first('backstory:setup')),
    slices: performance.getEntriesByName('backstory:slice').map((e) => ({ start: e.startTime, duration: e.duration })),
    longTasks: long.tasks,
    extensionFrames: long.frames
      .filter((f) => f.scripts.some((s) => /^(chrome|moz)-extension:/.test(s.url)))
      .map((f) => ({
        start: f.start,
        duration: f.duration,
        scriptMs: f.scripts.filter((s) => /^(chrome|moz)-extension:/.test(s.url)).reduce((a, s) => a + s.duration, 0),
      })),
    viewCheck: long.viewCheck,
    frameGap: long.frameGap,
    ranges,
    rangesInView,
    scrollY,
  };
};

/** The floor: one bare TreeWalker pass over the body that reads every text node's text into one string. */
export interface FloorResult {
  /** The first pass on the freshly loaded page, as Backstory's first pass is. */
  coldMs: number;
  /** Median of later passes. */
  warmMs: number;
  textNodes: number;
  chars: number;
  elements: number;
}

export const measureFloor = (warmRuns: number): FloorResult => {
  const pass = () => {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
    const text = parts.join('');
    return { ms: performance.now() - t0, nodes: parts.length, chars: text.length };
  };
  const cold = pass();
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push(pass().ms);
  warm.sort((a, b) => a - b);
  return {
    coldMs: cold.ms,
    warmMs: warm[Math.floor(warm.length / 2)] ?? cold.ms,
    textNodes: cold.nodes,
    chars: cold.chars,
    elements: document.body.getElementsByTagName('*').length,
  };
};

/** A highlighter of the usual kind, timed on the page: one task, matches wrapped in `<mark>`. */
export interface WrapResult {
  /** Main-thread time, or the projection to all aliases when the budget ran out first. */
  ms: number;
  marks: number;
  /** Aliases searched within the budget, of all. */
  searched: number;
  aliases: number;
}

/**
 * The usual approach as mark.js does it with its defaults: each keyword in
 * turn (longest first) becomes a regex, every letter a class of its
 * accented forms (`diacritics: true`), spaces `\s+`, case-insensitive; each
 * keyword walks every text node outside scripts and styles, and each match
 * is split out and wrapped in a `<mark>`; then the layout the wrapping
 * invalidated. One pass per keyword is what makes such highlighters block a
 * page for seconds with a few thousand names. Keywords are searched until
 * `budgetMs` is spent; the time for all of them is then projected from the
 * share searched (each keyword walks the same page, so each costs alike).
 */
export const wrapLikeMarkJs = ({ aliases, budgetMs }: { aliases: string[]; budgetMs: number }): WrapResult => {
  // mark.js 8's diacritics table: each letter stands for its class.
  const table = [
    'aàáảãạăằắẳẵặâầấẩẫậäåāą', 'cçćč', 'dđď', 'eèéẻẽẹêềếểễệëěēę', 'iìíỉĩịîïī', 'lł', 'nñňń',
    'oòóỏõọôồốổỗộơởỡớờợöøō', 'rř', 'sšśșş', 'tťțţ', 'uùúủũụưừứửữựûüůū', 'yýỳỷỹỵÿ', 'zžżź',
  ];
  const classOf = new Map<string, string>();
  for (const row of table) for (const ch of row) classOf.set(ch, `[${row}${row.toUpperCase()}]`);
  const pattern = (alias: string) =>
    [...alias.trim()]
      .map((ch) => (/\s/.test(ch) ? '\\s+' : (classOf.get(ch.toLowerCase()) ?? ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))))
      .join('')
      .replace(/(\\s\+)+/g, '\\s+');
  const skip = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|MARK)$/;
  const sorted = [...new Set(aliases)].sort((a, b) => b.length - a.length);
  const t0 = performance.now();
  let marks = 0;
  let searched = 0;
  for (const alias of sorted) {
    if (performance.now() - t0 > budgetMs) break;
    searched++;
    const re = new RegExp(pattern(alias), 'gmi');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement && skip.test(n.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const node of nodes) {
      re.lastIndex = 0;
      const found: [number, number][] = [];
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        if (m[0].length === 0) break;
        found.push([m.index, m.index + m[0].length]);
      }
      // Right to left, so earlier offsets stay valid as the node is split.
      for (let i = found.length - 1; i >= 0; i--) {
        const [start, end] = found[i]!;
        const middle = node.splitText(start);
        middle.splitText(end - start);
        const mark = document.createElement('mark');
        middle.replaceWith(mark);
        mark.append(middle);
        marks++;
      }
    }
  }
  document.body.getBoundingClientRect();
  const elapsed = performance.now() - t0;
  return { ms: searched < sorted.length ? (elapsed * sorted.length) / searched : elapsed, marks, searched, aliases: sorted.length };
};

/** One change a dynamic page makes, timed until Backstory has painted it. */
export interface ChangeResult {
  /** From the change to its highlight being registered (ms), or null if it never was. */
  latencyMs: number | null;
  /** Backstory's main-thread time on the change: the slices after it. */
  costMs: number;
  /** Characters of text the change added. */
  addedChars: number;
}

export type ChangeKind = 'append' | 'feed' | 'replace' | 'navigate';

/**
 * Makes one change of `kind` to the page, as a page script would, and waits
 * for Backstory's `backstory:rescanned` mark with the new text highlighted:
 * - append: one paragraph at the end of the article;
 * - feed: twenty paragraphs at once (an endless feed loading a page of posts);
 * - replace: one paragraph in the middle of the article rewritten;
 * - navigate: the article swapped for another (a single-page app's navigation).
 */
export const changeAndWait = async ({ kind, timeoutMs }: { kind: ChangeKind; timeoutMs: number }): Promise<ChangeResult> => {
  const NEW_TEXT = 'In a statement on Friday, Dmitry Peskov said that NATO had not answered the letter sent from Moscow.';
  const FILL = ' Officials said the talks would resume after the holiday, and that a date would be set within days.';
  // The article: the paragraphs Backstory reads, known by their highlights (a
  // page's last <p> is often in a hidden dialog or the site's footer).
  const lit = new Set<Element>();
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const range of highlight) {
      const p = (range.startContainer.parentElement ?? null)?.closest('p');
      if (p) lit.add(p);
    }
  }
  const paragraphs = [...document.querySelectorAll('p')].filter((p) => lit.has(p));
  if (paragraphs.length === 0) {
    // No name lit in a paragraph (ars-1 names only Facebook and Twitter, in its chrome): the
    // article is where the longest shown paragraph outside the site's chrome is.
    const shown = [...document.querySelectorAll('p')].filter(
      (p) => p.checkVisibility({ visibilityProperty: true }) && !p.closest('header, nav, footer, aside, [role="dialog"], [role="contentinfo"]'),
    );
    const longest = shown.reduce<HTMLParagraphElement | undefined>((a, b) => ((b.textContent?.length ?? 0) > (a?.textContent?.length ?? 0) ? b : a), undefined);
    paragraphs.push(...shown.filter((p) => p.parentElement === longest?.parentElement));
  }
  const last = paragraphs.at(-1);
  const container = last?.parentElement ?? document.body;
  const make = (i: number) => {
    const p = document.createElement('p');
    p.textContent = NEW_TEXT + FILL.repeat(1 + (i % 4));
    return p;
  };
  const before = new Set(performance.getEntriesByName('backstory:rescanned'));
  const posts = Array.from({ length: kind === 'feed' || kind === 'navigate' ? 20 : 1 }, (_, i) => make(i));
  const replaced = paragraphs[Math.floor(paragraphs.length / 2)] ?? container;
  const target: Element = kind === 'replace' ? replaced : kind === 'feed' ? posts[posts.length - 1]! : posts[0]!;
  const addedChars = kind === 'replace' ? NEW_TEXT.length : posts.reduce((n, p) => n + (p.textContent?.length ?? 0), 0);
  const t0 = performance.now();
  if (kind === 'append' || kind === 'feed') {
    for (const p of posts) container.append(p);
  } else if (kind === 'replace') {
    replaced.textContent = NEW_TEXT;
  } else {
    const article = last?.closest('article') ?? container;
    const fresh = document.createElement('article');
    fresh.append(...posts);
    article.replaceWith(fresh);
  }
  const isLit = () => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('backstory-')) continue;
      for (const range of highlight) if (target.contains(range.startContainer)) return true;
    }
    return false;
  };
  const deadline = t0 + timeoutMs;
  let latencyMs: number | null = null;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
    const marks = performance.getEntriesByName('backstory:rescanned').filter((e) => !before.has(e));
    if (marks.length > 0 && isLit()) {
      latencyMs = marks[marks.length - 1]!.startTime - t0;
      break;
    }
  }
  const costMs = performance
    .getEntriesByName('backstory:slice')
    .filter((e) => e.startTime >= t0)
    .reduce((sum, e) => sum + e.duration, 0);
  return { latencyMs, costMs, addedChars };
};

/** A pass over the whole page after the first: Backstory switched off and on again. */
export interface WarmPass {
  setupMs: number;
  /** Main-thread time of the pass (its slices). */
  scanMs: number;
}

/** Waits for the full pass painted after `since` (page clock) and sums its setup and slices; null on timeout. */
export const waitForPassAfter = async ({ since, timeoutMs }: { since: number; timeoutMs: number }): Promise<WarmPass | null> => {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const painted = performance.getEntriesByName('backstory:painted').find((e) => e.startTime > since);
    const setup = performance.getEntriesByName('backstory:setup').find((e) => e.startTime > since);
    if (painted && setup) {
      const scanMs = performance
        .getEntriesByName('backstory:slice')
        .filter((e) => e.startTime >= setup.startTime && e.startTime <= painted.startTime)
        .reduce((sum, e) => sum + e.duration, 0);
      return { setupMs: setup.duration, scanMs };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
};

/** Sets Backstory's "on everywhere" switch, from an extension context (as the popup does). */
export const setEnabledEverywhere = async (on: boolean): Promise<void> => {
  const g = globalThis as unknown as { browser?: { storage: { local: { set(v: object): Promise<void> } } }; chrome?: { storage: { local: { set(v: object): Promise<void> } } } };
  await (g.browser ?? g.chrome)!.storage.local.set({ enabledEverywhere: on });
};

/** Waits until Backstory's first full pass has painted (or the timeout passes); whether it did. */
export const waitForPainted = async (timeoutMs: number): Promise<boolean> => {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (performance.getEntriesByName('backstory:painted').length > 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};
