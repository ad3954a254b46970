/**
 * Chromium with the extension loaded unpacked, through playwright-core's
 * persistent context (extensions need a persistent profile).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Diagnostic, ExtensionBrowser, LaunchOptions, PageDriver, PageFunction } from './driver';
import { LIST_TABS, listTabsOrNothing, newTabId, pickTabId, type TabInfo } from './common';
import { CHROME_EXT_DIR, CHROMIUM_BIN, VIEWPORT } from './paths';

/**
 * Chromium's id for an unpacked extension: SHA-256 of its absolute (real) path,
 * first 32 hex digits written with the letters a–p. Used when the build has no
 * service worker to read the id from.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

class ChromiumPage implements PageDriver {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as never, arg as never) as Promise<R>;
  }
  mouse = { move: (x: number, y: number) => this.page.mouse.move(x, y) };
  keyboard = {
    press: (key: string) => this.page.keyboard.press(key),
    type: (text: string) => this.page.keyboard.type(text),
  };
  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

export class ChromiumExtensionBrowser implements ExtensionBrowser {
  readonly name = 'chromium' as const;
  private readonly seen: Diagnostic[] = [];
  private createdTab = new WeakMap<PageDriver, number>();
  private extPage?: ChromiumPage;

  private constructor(
    readonly context: BrowserContext,
    private readonly userDataDir: string,
    readonly extensionId: string,
    private worker: Worker | undefined,
  ) {}

  get extensionBase(): string {
    return `chrome-extension://${this.extensionId}/`;
  }

  static async launch(extDir = CHROME_EXT_DIR, options: LaunchOptions = {}): Promise<ChromiumExtensionBrowser> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'backstory-e2e-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_BIN,
      headless: true,
      viewport: VIEWPORT,
      args: [
        `--disable-extensions-except=${extDir}`,
        `--load-extension=${extDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        ...(options.chromiumArgs ?? []),
      ],
      ignoreDefaultArgs: ['--disable-extensions'],
    });
    // The extension id is in its service worker's URL. A build without a
    // background has no worker: then the id follows from the unpacked path.
    let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (!worker) {
      worker = await context
        .waitForEvent('serviceworker', {
          timeout: 5_000,
          predicate: (w) => w.url().startsWith('chrome-extension://'),
        })
        .catch(() => undefined);
    }
    const id = worker ? new URL(worker.url()).host : unpackedExtensionId(extDir);
    const b = new ChromiumExtensionBrowser(context, userDataDir, id, worker);
    b.watch();
    return b;
  }

  private watch(): void {
    this.context.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const page = msg.page();
      const where = page ? page.url() : msg.worker() ? 'service-worker' : 'unknown';
      this.seen.push({ kind: 'console', where, text: msg.text(), source: msg.location().url });
    });
    this.context.on('weberror', (e) => {
      const err = e.error();
      this.seen.push({
        kind: 'pageerror',
        where: e.page()?.url() ?? 'unknown',
        text: `${err.message}\n${err.stack ?? ''}`,
      });
    });
    const watchWorker = (w: Worker) => {
      if (!w.url().startsWith('chrome-extension://')) return;
      w.on('console', (msg) => {
        if (msg.type() === 'error') {
          this.seen.push({ kind: 'console', where: 'service-worker', text: msg.text(), source: w.url() });
        }
      });
    };
    if (this.worker) watchWorker(this.worker);
    this.context.on('serviceworker', (w) => {
      watchWorker(w);
      if (w.url().startsWith(this.extensionBase)) this.worker = w;
    });
  }

  async diagnostics(): Promise<Diagnostic[]> {
    return [...this.seen];
  }

  async openExtensionPage(path: string): Promise<PageDriver> {
    const url = this.extensionBase + path.replace(/^\//, '');
    const page = await this.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new ChromiumPage(page, url);
  }

  /** Runs `fn` in an extension context: the service worker, else a tab on popup.html. */
  async evaluateInExtension<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    const live = this.context.serviceWorkers().find((w) => w.url().startsWith(this.extensionBase));
    if (live) return (await live.evaluate(fn as never, arg as never)) as R;
    if (!this.extPage || this.extPage.page.isClosed()) {
      this.extPage = (await this.openExtensionPage('popup.html')) as ChromiumPage;
    }
    return this.extPage.evaluate(fn, arg);
  }

  private listTabs(): Promise<TabInfo[] | undefined> {
    return listTabsOrNothing((fn) => this.evaluateInExtension(fn));
  }

  async openPage(url: string): Promise<PageDriver> {
    const before = await this.listTabs();
    const page = await this.context.newPage();
    const driver = new ChromiumPage(page, url);
    await page.goto(url, { waitUntil: 'load' });
    const after = before && (await this.listTabs());
    const created = before && after ? newTabId(before, after) : undefined;
    if (created !== undefined) this.createdTab.set(driver, created);
    return driver;
  }

  async tabIdOf(page: PageDriver): Promise<number> {
    return pickTabId(await this.evaluateInExtension(LIST_TABS), page.url, this.createdTab.get(page));
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await rm(this.userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
