/**
 * Firefox ESR with the extension installed as a temporary add-on over WebDriver
 * BiDi (`webExtension.install`), through puppeteer-core.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Diagnostic, ExtensionBrowser, LaunchOptions, PageDriver, PageFunction } from './driver';
import { LIST_TABS, listTabsOrNothing, newTabId, pickTabId, type TabInfo } from './common';
import { FIREFOX_ADDON_ID, FIREFOX_BIN, FIREFOX_EXT_DIR, FIREFOX_EXT_UUID, VIEWPORT } from './paths';

const DUMMY = 'http://127.0.0.1:9/'; // discard port: anything that still calls out fails at once

/**
 * Prefs on top of puppeteer's own test prefs (which already turn off updates,
 * Normandy, safe-browsing lists, the health report and first-run pages) and the
 * remote agent's recommended prefs. These keep the browser off the network and
 * make the temporary add-on behave as an installed one.
 */
export const FIREFOX_PREFS: Record<string, unknown> = {
  // The add-on's pages live at a known origin: moz-extension://<uuid>/.
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXT_UUID }),
  // Unsigned and temporary installs (ESR honours this pref; a temporary install does not need a signature anyway).
  'xpinstall.signatures.required': false,
  'extensions.install.requireBuiltInCerts': false,
  // MV3 host permissions (the content script's matches) granted at install, as for a user install.
  'extensions.originControls.grantByDefault': true,
  // Out-of-process extensions, the shipping default; said out loud so a changed default shows.
  'extensions.webextensions.remote': true,
  'extensions.blocklist.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.update.autoUpdateDefault': false,
  // Telemetry and studies.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': DUMMY,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  // Updates.
  'app.update.auto': false,
  'app.update.enabled': false,
  'app.update.staging.enabled': false,
  'app.update.url': DUMMY,
  // Captive portal and connectivity checks.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  // Safe browsing (list updates and lookups).
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  // Remote settings (blocklists, search config and the like).
  'services.settings.server': DUMMY,
  'services.settings.poll_interval': 86400 * 365,
  // Other background traffic: prefetch, DoH, region, geo, search, pocket, sponsored tiles, OCSP.
  'network.prefetch-next': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.predictor.enabled': false,
  'network.trr.mode': 5,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'browser.search.geoip.url': '',
  'browser.search.update': false,
  'browser.topsites.contile.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'extensions.pocket.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-gmpopenh264.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'dom.push.enabled': false,
  'dom.push.connection.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rollouts.enabled': false,
};

/** Puppeteer's BiDi connection, for the two commands it has no API for. */
interface BidiSend {
  send(
    method: string,
    params: object,
  ): Promise<{
    result: {
      contexts?: { context: string }[];
      result?: { type: string; value?: unknown };
    };
  }>;
}

class FirefoxPage implements PageDriver {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg as never) as Promise<R>;
  }
  mouse = { move: (x: number, y: number) => this.page.mouse.move(x, y) };
  keyboard = {
    press: (key: string) => this.page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
    type: (text: string) => this.page.keyboard.type(text),
  };
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png` });
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

/** Polls until the tab's document is `url` and has reached `state`. */
async function waitForDocument(page: Page, url: string, state: DocumentReadyState, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await page
      .evaluate(() => `${document.readyState} ${location.href}`)
      .catch((e: Error) => `error ${e.message}`);
    if (now === `${state} ${url}`) return;
    if (Date.now() > deadline) throw new Error(`${url} did not reach ${state} in Firefox (last: ${now})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Installed in extension pages after they load: WebDriver BiDi reports no console
 * or log events from Firefox's extension process, so the page keeps its own list.
 */
const HOOK_ERRORS = () => {
  const w = window as unknown as { __backstoryE2eErrors?: string[] };
  if (w.__backstoryE2eErrors) return;
  const list: string[] = (w.__backstoryE2eErrors = []);
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    list.push('console.error: ' + args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
    original(...args);
  };
  window.addEventListener('error', (e) => list.push(`uncaught: ${e.message} at ${e.filename}:${e.lineno}`));
  window.addEventListener('unhandledrejection', (e) => list.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`));
};
const TAKE_ERRORS = () => {
  const w = window as unknown as { __backstoryE2eErrors?: string[] };
  return (w.__backstoryE2eErrors ?? []).splice(0);
};

export class FirefoxExtensionBrowser implements ExtensionBrowser {
  readonly name = 'firefox' as const;
  readonly extensionBase = `moz-extension://${FIREFOX_EXT_UUID}/`;
  readonly extensionId = FIREFOX_EXT_UUID;
  private readonly seen: Diagnostic[] = [];
  private readonly extPages = new Set<FirefoxPage>();
  private createdTab = new WeakMap<PageDriver, number>();
  private extPage?: FirefoxPage;
  private chromeContext?: string;
  private readonly seenKeys = new Set<string>();

  private constructor(readonly browser: Browser) {}

  static async launch(extDir = FIREFOX_EXT_DIR, options: LaunchOptions = {}): Promise<FirefoxExtensionBrowser> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: true,
      defaultViewport: VIEWPORT,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...options.firefoxPrefs },
      // WebDriver BiDi refuses to navigate a tab to a moz-extension:// URL ("not
      // allowed in this context") unless the remote agent may touch privileged
      // pages; this flag (present in 153 ESR) is how the extension's popup.html is opened.
      args: ['--remote-allow-system-access'],
    });
    try {
      // webExtension.install with a folder: a temporary add-on, as about:debugging loads one.
      const id = await browser.installExtension(extDir);
      if (id !== FIREFOX_ADDON_ID) {
        throw new Error(`installed add-on id is ${id}, expected ${FIREFOX_ADDON_ID} (gecko id in wxt.config.ts)`);
      }
    } catch (e) {
      await browser.close();
      throw e;
    }
    return new FirefoxExtensionBrowser(browser);
  }

  private watch(page: Page, where: string): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      this.seen.push({ kind: 'console', where, text: msg.text(), source: msg.location()?.url });
    });
    page.on('pageerror', (err) => {
      const e = err as Error;
      this.seen.push({ kind: 'pageerror', where, text: `${e.message}\n${e.stack ?? ''}` });
    });
  }

  /**
   * Uncaught errors and unhandled rejections from the extension, in any of its
   * contexts (content scripts, background, popup: even those thrown while a page
   * loads, before any hook), read from the parent process's console service
   * through a chrome-scope BiDi realm (which `--remote-allow-system-access` permits).
   */
  private async extensionScriptErrors(): Promise<Diagnostic[]> {
    const conn = (this.browser as unknown as { connection: BidiSend }).connection;
    if (!this.chromeContext) {
      const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
      this.chromeContext = tree.result.contexts?.[0]?.context;
      if (!this.chromeContext) return [];
    }
    const expression = `JSON.stringify(Services.console.getMessageArray()
      .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag))
      .filter((m) => (m.sourceName + ' ' + m.errorMessage).includes(${JSON.stringify(this.extensionBase)}))
      .map((m) => ({ key: m.timeStamp + ' ' + m.sourceName + ':' + m.lineNumber + ' ' + m.errorMessage, text: m.errorMessage, source: m.sourceName + ':' + m.lineNumber })))`;
    const r = await conn.send('script.evaluate', {
      expression,
      target: { context: this.chromeContext },
      awaitPromise: false,
    });
    const value = r.result.result?.value;
    if (typeof value !== 'string') return [];
    const out: Diagnostic[] = [];
    for (const e of JSON.parse(value) as { key: string; text: string; source: string }[]) {
      if (this.seenKeys.has(e.key)) continue;
      this.seenKeys.add(e.key);
      out.push({ kind: 'pageerror', where: 'firefox console service', text: e.text, source: e.source });
    }
    return out;
  }

  async diagnostics(): Promise<Diagnostic[]> {
    this.seen.push(...(await this.extensionScriptErrors()));
    for (const p of this.extPages) {
      if (p.page.isClosed()) {
        this.extPages.delete(p);
        continue;
      }
      const errors = await p.evaluate(TAKE_ERRORS).catch(() => [] as string[]);
      for (const text of errors) this.seen.push({ kind: 'console', where: p.url, text, source: p.url });
    }
    return [...this.seen];
  }

  async openPage(url: string): Promise<PageDriver> {
    const before = await this.listTabs();
    const page = await this.browser.newPage();
    this.watch(page, url);
    await page.goto(url, { waitUntil: 'load' }).catch(async (e: Error) => {
      // Firefox's BiDi navigation fails with "Address rejected" when a frame of
      // the page lands on an error page (a real page's ad iframe whose host is
      // unreachable offline), though the page itself loads: wait for that.
      if (!/Address rejected/.test(e.message)) throw e;
      await waitForDocument(page, url, 'complete');
    });
    const driver = new FirefoxPage(page, url);
    const after = before && (await this.listTabs());
    const created = before && after ? newTabId(before, after) : undefined;
    if (created !== undefined) this.createdTab.set(driver, created);
    return driver;
  }

  /**
   * Opens an extension page. Firefox runs them in its extension process, where
   * BiDi (as of 153 ESR) reports no navigation, load or log events: puppeteer's
   * goto() never sees the load and page.url() stays about:blank, yet script
   * evaluation in the tab works. So the load is awaited by polling the document.
   */
  async openExtensionPage(path: string): Promise<PageDriver> {
    const url = this.extensionBase + path.replace(/^\//, '');
    const page = await this.browser.newPage();
    page.goto(url, { waitUntil: 'load', timeout: 5_000 }).catch(() => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const state = await page
        .evaluate(() => `${document.readyState} ${location.href}`)
        .catch((e: Error) => `error ${e.message}`);
      if (state === `complete ${url}`) break;
      if (Date.now() > deadline) throw new Error(`${url} did not load in Firefox (last state: ${state})`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const driver = new FirefoxPage(page, url);
    await driver.evaluate(HOOK_ERRORS);
    this.extPages.add(driver);
    return driver;
  }

  /** Runs `fn` in the extension's popup.html, kept open in a tab of its own. */
  async evaluateInExtension<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    if (!this.extPage || this.extPage.page.isClosed()) {
      this.extPage = (await this.openExtensionPage('popup.html')) as FirefoxPage;
    }
    return this.extPage.evaluate(fn, arg);
  }

  private listTabs(): Promise<TabInfo[] | undefined> {
    return listTabsOrNothing((fn) => this.evaluateInExtension(fn));
  }

  async tabIdOf(page: PageDriver): Promise<number> {
    return pickTabId(await this.evaluateInExtension(LIST_TABS), page.url, this.createdTab.get(page));
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}
