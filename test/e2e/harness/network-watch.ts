/**
 * Watches every request a browser makes and tells which ones the extension
 * started, from the browser's own network instrumentation:
 *
 * - Chromium: CDP `Network.requestWillBeSent` / `Network.webSocketCreated` on
 *   every page target (the initiator's script URL and stack name the content
 *   script when it is the one asking), and Playwright's network events on the
 *   extension's service-worker target (any request from there is the extension's).
 * - Firefox: WebDriver BiDi `network.beforeRequestSent` (every request of the
 *   tabs; as of 140 ESR its initiator carries no stack), the parent process's
 *   `http-on-modify-request` notification (every HTTP(S) request of every
 *   process, with the principal that triggered it: the background's is the
 *   add-on's own), and the JS stack that opened each request, taken in the
 *   process that opened it (a content script's MV3 `fetch` carries the page's
 *   principal, but its stack names the moz-extension:// file).
 *
 * `test/e2e/robustness/harness-canary.e2e.test.ts` checks these detectors
 * against a stand-in extension that does make requests.
 */
import type { CDPSession, Page, Request } from 'playwright-core';
import { ChromiumExtensionBrowser } from './chromium';
import type { ExtensionBrowser } from './driver';
import { FirefoxExtensionBrowser } from './firefox';
import { FIREFOX_ADDON_ID } from './paths';

/** One request as the browser reported it. */
export interface SeenRequest {
  url: string;
  /** Which instrument saw it: `cdp-page`, `sw`, `extension-page`, `bidi`, `parent`. */
  via: string;
  /** Whether the initiator or triggering principal is the extension. */
  fromExtension: boolean;
  /** The initiator, as the browser described it (for the failure message). */
  initiator: string;
}

export interface NetworkWatch {
  /** Every request seen so far. */
  all(): Promise<SeenRequest[]>;
  /** Requests to the network (not the extension's own package, data: or blob:) that the extension started. */
  fromExtension(): Promise<SeenRequest[]>;
  stop(): Promise<void>;
}

/** URLs that are not the network: the extension's own files, inline data. */
export function isNetworkUrl(url: string): boolean {
  return !/^(chrome-extension|moz-extension|data|blob|about|chrome|devtools):/.test(url);
}

/** Starts watching; requests made before this call are not seen. */
export async function watchNetwork(browser: ExtensionBrowser): Promise<NetworkWatch> {
  if (browser instanceof ChromiumExtensionBrowser) return watchChromium(browser);
  if (browser instanceof FirefoxExtensionBrowser) return watchFirefox(browser);
  throw new Error(`no network watch for ${browser.name}`);
}

interface CdpCallFrame {
  url: string;
  functionName?: string;
  lineNumber?: number;
}
interface CdpStack {
  callFrames: CdpCallFrame[];
  parent?: CdpStack;
}
interface CdpInitiator {
  type: string;
  url?: string;
  stack?: CdpStack;
}

function stackUrls(stack: CdpStack | undefined): string[] {
  const out: string[] = [];
  for (let s = stack; s; s = s.parent) out.push(...s.callFrames.map((f) => f.url));
  return out;
}

async function watchChromium(b: ChromiumExtensionBrowser): Promise<NetworkWatch> {
  const seen: SeenRequest[] = [];
  const base = b.extensionBase;
  const sessions: { page: Page; cdp: CDPSession }[] = [];
  const mentionsExtension = (urls: string[]) => urls.some((u) => u.startsWith(base) || u.startsWith('chrome-extension://'));

  const attach = async (page: Page) => {
    const cdp = await b.context.newCDPSession(page).catch(() => null);
    if (!cdp) return;
    sessions.push({ page, cdp });
    const record = (url: string, initiator: CdpInitiator | undefined, documentURL?: string) => {
      const urls = [initiator?.url ?? '', ...stackUrls(initiator?.stack)].filter(Boolean);
      // An extension page (popup.html) is the extension too, whatever it loads.
      const fromExtension = mentionsExtension(urls) || (documentURL?.startsWith(base) ?? false);
      seen.push({ url, via: 'cdp-page', fromExtension, initiator: `${initiator?.type ?? '?'} ${urls.join(' < ')}`.trim() });
    };
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; initiator?: CdpInitiator; documentURL?: string }) =>
      record(e.request.url, e.initiator, e.documentURL),
    );
    cdp.on('Network.webSocketCreated', (e: { url: string; initiator?: CdpInitiator }) => record(e.url, e.initiator));
    await cdp.send('Network.enable').catch(() => undefined);
  };
  const onPage = (page: Page) => void attach(page);
  b.context.on('page', onPage);
  await Promise.all(b.context.pages().map(attach));

  // Requests from the extension's service worker: Playwright follows the worker
  // target's CDP Network domain and names the worker on each request.
  const onRequest = (req: Request) => {
    const sw = req.serviceWorker();
    if (sw) {
      seen.push({ url: req.url(), via: 'sw', fromExtension: sw.url().startsWith(base), initiator: `service worker ${sw.url()}` });
    }
  };
  b.context.on('request', onRequest);

  return {
    all: async () => [...seen],
    fromExtension: async () => seen.filter((r) => r.fromExtension && isNetworkUrl(r.url)),
    stop: async () => {
      b.context.off('page', onPage);
      b.context.off('request', onRequest);
      // Sessions of closed pages are gone already; a detach is not worth waiting long for.
      const open = sessions.filter((s) => !s.page.isClosed());
      await Promise.race([
        Promise.all(open.map((s) => s.cdp.detach().catch(() => undefined))),
        new Promise((r) => setTimeout(r, 2_000)),
      ]);
    },
  };
}

/** Puppeteer's BiDi connection: raw commands and events. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
  on(event: string, handler: (params: never) => void): void;
  off(event: string, handler: (params: never) => void): void;
}

interface BidiBeforeRequestSent {
  context: string | null;
  request: { url: string };
  initiator?: { type?: string; stackTrace?: { callFrames: CdpCallFrame[] } };
}

/** A request's opening, with the JS stack that opened it (from the process that did). */
interface StackRecord {
  url: string;
  frames: string[];
}

interface ParentRecord {
  url: string;
  triggering: string;
  loading: string;
  addonIds: string[];
}

/**
 * Installed once from the parent process (chrome scope). In the parent, it
 * records each HTTP(S) request with the principals behind it: the background's
 * requests carry the add-on's own principal. A MV3 content script's `fetch`
 * carries the page's principal, though, so a process script is also loaded
 * into every process: when a request is opened it takes the JS stack that
 * opened it (as DevTools' initiator column does), where a content script
 * shows up as its moz-extension:// file.
 */
const PARENT_OBSERVER = `(() => {
  if (globalThis.__backstoryNetWatch) return 'present, ok';
  const list = [];
  const describe = (p) => {
    if (!p) return { spec: '', addons: [] };
    const addons = [];
    let spec = '';
    try { spec = p.isExpandedPrincipal ? 'expanded' : (p.spec || ''); } catch (e) {}
    try { if (p.addonId) addons.push(p.addonId); } catch (e) {}
    try {
      if (p.isExpandedPrincipal) {
        const ep = p.QueryInterface(Ci.nsIExpandedPrincipal);
        for (const q of ep.allowlist) { spec += ' ' + (q.spec || ''); if (q.addonId) addons.push(q.addonId); }
      }
    } catch (e) {}
    return { spec, addons };
  };
  const observer = { observe(subject) {
    try {
      const ch = subject.QueryInterface(Ci.nsIHttpChannel);
      const li = ch.loadInfo;
      const t = describe(li && li.triggeringPrincipal);
      const l = describe(li && li.loadingPrincipal);
      list.push({ url: ch.URI.spec, triggering: t.spec, loading: l.spec, addonIds: [...t.addons, ...l.addons] });
    } catch (e) { list.push({ url: 'error: ' + e, triggering: '', loading: '', addonIds: [] }); }
  } };
  Services.obs.addObserver(observer, 'http-on-modify-request');
  const stacks = [];
  const onStack = (m) => stacks.push(m.data);
  Services.ppmm.addMessageListener('backstory-netwatch:stack', onStack);
  const child = \`
    Services.obs.addObserver((subject) => {
      try {
        const ch = subject.QueryInterface(Ci.nsIHttpChannel);
        const frames = [];
        for (let f = Components.stack; f && frames.length < 64; f = f.caller || f.asyncCaller) frames.push(f.filename || '');
        Services.cpmm.sendAsyncMessage('backstory-netwatch:stack', { url: ch.URI.spec, frames });
      } catch (e) {
        Services.cpmm.sendAsyncMessage('backstory-netwatch:stack', { url: 'error ' + e, frames: [] });
      }
    }, 'http-on-opening-request');
  \`;
  let loaded = 'ok';
  try { Services.ppmm.loadProcessScript('data:,' + encodeURIComponent(child), true); } catch (e) { loaded = String(e); }
  globalThis.__backstoryNetWatch = { list, observer, stacks, onStack };
  return 'installed ' + loaded;
})()`;

async function watchFirefox(b: FirefoxExtensionBrowser): Promise<NetworkWatch> {
  const seen: SeenRequest[] = [];
  const base = b.extensionBase;
  const conn = (b.browser as unknown as { connection: BidiConnection }).connection;

  const onRequest = (e: BidiBeforeRequestSent) => {
    const urls = (e.initiator?.stackTrace?.callFrames ?? []).map((f) => f.url);
    seen.push({
      url: e.request.url,
      via: 'bidi',
      fromExtension: urls.some((u) => u.startsWith('moz-extension://')),
      initiator: `${e.initiator?.type ?? '?'} ${urls.join(' < ')} (context ${e.context ?? 'none'})`.trim(),
    });
  };
  conn.on('network.beforeRequestSent', onRequest as (p: never) => void);
  await conn.send('session.subscribe', { events: ['network.beforeRequestSent'] });

  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const chrome = (tree.result.contexts as { context: string }[] | undefined)?.[0]?.context;
  const evalChrome = async (expression: string): Promise<unknown> => {
    if (!chrome) return undefined;
    const r = await conn.send('script.evaluate', { expression, target: { context: chrome }, awaitPromise: false });
    return (r.result.result as { value?: unknown } | undefined)?.value;
  };
  const installed = await evalChrome(PARENT_OBSERVER);
  if (typeof installed !== 'string' || !installed.includes('ok')) {
    throw new Error(`could not install Firefox's network observers: ${String(installed)}`);
  }
  let taken = 0;
  let takenStacks = 0;
  const pullParent = async () => {
    const json = await evalChrome(
      `JSON.stringify(globalThis.__backstoryNetWatch ? { list: globalThis.__backstoryNetWatch.list.slice(${taken}), stacks: globalThis.__backstoryNetWatch.stacks.slice(${takenStacks}) } : null)`,
    ).catch(() => undefined);
    if (typeof json !== 'string') return;
    const pulled = JSON.parse(json) as { list: ParentRecord[]; stacks: StackRecord[] } | null;
    if (!pulled) return;
    taken += pulled.list.length;
    takenStacks += pulled.stacks.length;
    for (const r of pulled.list) {
      const fromExtension =
        r.addonIds.includes(FIREFOX_ADDON_ID) || r.triggering.includes(base) || r.loading.includes(base);
      seen.push({ url: r.url, via: 'parent', fromExtension, initiator: `triggering ${r.triggering}; loading ${r.loading}` });
    }
    for (const r of pulled.stacks) {
      const frames = r.frames.filter((f) => !f.startsWith('data:'));
      if (frames.length === 0) continue;
      seen.push({
        url: r.url,
        via: 'js-stack',
        fromExtension: frames.some((f) => f.startsWith('moz-extension://')),
        initiator: frames.slice(0, 4).join(' < '),
      });
    }
  };

  return {
    all: async () => {
      await pullParent();
      return [...seen];
    },
    fromExtension: async () => {
      await pullParent();
      return seen.filter((r) => r.fromExtension && isNetworkUrl(r.url));
    },
    stop: async () => {
      await pullParent();
      conn.off('network.beforeRequestSent', onRequest as (p: never) => void);
      await evalChrome(
        `(() => { const w = globalThis.__backstoryNetWatch; if (w) { Services.obs.removeObserver(w.observer, 'http-on-modify-request'); Services.ppmm.removeMessageListener('backstory-netwatch:stack', w.onStack); delete globalThis.__backstoryNetWatch; } })()`,
      ).catch(() => undefined);
    },
  };
}
