/**
 * The small driver interface that both browsers implement, so each test is
 * written once and run for Chromium (playwright-core) and Firefox (puppeteer-core
 * over WebDriver BiDi) with `describe.each`.
 */

export type BrowserName = 'chromium' | 'firefox';

/** A function run in the page's main world; it must be self-contained (it is sent as source). */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

/** A console error or uncaught exception seen while a test ran. */
export interface Diagnostic {
  kind: 'console' | 'pageerror';
  /** Where it was seen: a page's URL, or `service-worker`/`background`. */
  where: string;
  text: string;
  /** Script URL the browser attributes it to, when it says. */
  source?: string;
}

export interface PageDriver {
  /** The URL the page was opened with. */
  readonly url: string;
  /** Runs `fn(arg)` in the page's main world (the page's own JS realm) and returns its result. */
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  mouse: {
    /** Moves the pointer to viewport CSS pixel (x, y) in one step. */
    move(x: number, y: number): Promise<void>;
  };
  keyboard: {
    /** Presses and releases one key, by its `KeyboardEvent.key` name (`Escape`). */
    press(key: string): Promise<void>;
    /** Types `text` into the focused element, one key event per character, as a person would. */
    type(text: string): Promise<void>;
  };
  /** Writes a PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Makes this the active tab (hover and keyboard go to it). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** Extra settings for one launch, on top of the harness's own (used by suites that need them). */
export interface LaunchOptions {
  /** More Chromium command-line switches. */
  chromiumArgs?: string[];
  /** More Firefox prefs. */
  firefoxPrefs?: Record<string, unknown>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  readonly extensionBase: string;
  /** Opens `url` in a new tab and waits for its `load` event. */
  openPage(url: string): Promise<PageDriver>;
  /**
   * Runs `fn(arg)` in an extension context (Chromium: the service worker when the
   * build has one; otherwise, and in Firefox, a tab on the extension's popup.html).
   */
  evaluateInExtension<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R>;
  /** The browser's tab id (as `tabs.query` reports it) of a page this browser opened. */
  tabIdOf(page: PageDriver): Promise<number>;
  /** Console errors and uncaught exceptions seen so far in pages and extension contexts. */
  diagnostics(): Promise<Diagnostic[]>;
  /** Opens one of the extension's own pages (`popup.html?tab=3`) in a new tab. */
  openExtensionPage(path: string): Promise<PageDriver>;
  close(): Promise<void>;
}
