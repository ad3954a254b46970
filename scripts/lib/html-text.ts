/**
 * Node-only: the text the content script would read from an HTML page, through the content
 * script's own extraction (`extension/text/extract.ts`) and date reading
 * (`extension/text/article-meta.ts`) running on happy-dom. No copy of either: tools and the
 * extension must see the same text, or offsets printed by the tools would not be the page's.
 */
import { Window } from 'happy-dom';
import { articleDate, articleLang } from '../../extension/text/article-meta';
import { extractText } from '../../extension/text/extract';

/**
 * Browser globals `extract.ts` reads (it runs in a content script, where they exist).
 * They are lent from the happy-dom window for the duration of one extraction.
 */
const DOM_GLOBALS = ['Node', 'NodeFilter', 'Element', 'HTMLElement', 'Text', 'getComputedStyle'] as const;

/** What a page gives the matcher. */
export interface PageText {
  text: string;
  /** `YYYY-MM-DD` from the page's metadata, if any. */
  date: string | undefined;
  lang: string | undefined;
}

/** Runs `fn` with the DOM globals of `window` installed, then puts the previous ones back. */
function withDomGlobals<T>(window: Window, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const w = window as unknown as Record<string, unknown>;
  const saved = DOM_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(g, name)] as const);
  for (const name of DOM_GLOBALS) {
    const value = w[name];
    g[name] = typeof value === 'function' && name === 'getComputedStyle' ? (value as () => unknown).bind(window) : value;
  }
  try {
    return fn();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(g, name, descriptor);
      else delete g[name];
    }
  }
}

/**
 * Parses `html` with happy-dom (scripts disabled, nothing fetched) and reads it as the content
 * script does: `extractText(document.body)`, `articleDate(document)`, `articleLang(document)`.
 */
export function readHtmlPage(html: string): PageText {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const document = window.document;
    document.write(html);
    return withDomGlobals(window, () => ({
      text: extractText(document.body as unknown as Node).text,
      date: articleDate(document as unknown as Document),
      lang: articleLang(document as unknown as Document),
    }));
  } finally {
    void window.happyDOM.close();
  }
}
