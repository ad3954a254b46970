/**
 * The robustness suite asserts "zero requests" and "zero errors" from
 * Backstory. A zero only means something if the instruments would have seen a
 * request or an error, so they are first pointed at a stand-in extension (a
 * canary, written here at test time) that does exactly what Backstory must
 * never do: its content script fetches a local and an external URL, throws,
 * leaves a promise rejected and logs an error; its background fetches when
 * the page messages it. The refusing proxy must also take what browsers do to
 * it without failing the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumExtensionBrowser } from '../harness/chromium';
import { isFromExtension } from '../harness/common';
import type { BrowserName, ExtensionBrowser } from '../harness/driver';
import { FirefoxExtensionBrowser } from '../harness/firefox';
import { watchNetwork, type NetworkWatch } from '../harness/network-watch';
import { startBlackholeProxy, type BlackholeProxy } from '../harness/offline';
import { FIREFOX_ADDON_ID, PAGES_DIR } from '../harness/paths';
import { startStaticServer, type StaticServer } from '../harness/server';
import { BROWSERS, waitFor } from '../harness/suite';
import { scratchDir } from './support';

/** Writes the canary extension for `name` into `dir`; it calls back to `port` on 127.0.0.1. */
function writeCanary(dir: string, name: BrowserName, port: number): void {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Backstory harness canary',
    version: '1.0',
    host_permissions: ['http://*/*'],
    content_scripts: [{ matches: ['http://*/*'], js: ['cs.js'], run_at: 'document_idle' }],
    ...(name === 'chromium'
      ? { background: { service_worker: 'bg.js' } }
      : { background: { scripts: ['bg.js'] }, browser_specific_settings: { gecko: { id: FIREFOX_ADDON_ID } } }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(dir, 'cs.js'),
    `const api = globalThis.browser ?? globalThis.chrome;
fetch('http://127.0.0.1:${port}/canary/content-fetch').catch(() => {});
fetch('http://canary.invalid/content-external').catch(() => {});
api.runtime.sendMessage({ canary: true }).catch?.(() => {});
setTimeout(() => { throw new Error('canary uncaught error'); }, 0);
console.error('canary console error', new Error('canary error object'));
Promise.reject(new Error('canary unhandled rejection'));
`,
  );
  writeFileSync(
    join(dir, 'bg.js'),
    `const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener(() => { fetch('http://127.0.0.1:${port}/canary/background-fetch').catch(() => {}); });
`,
  );
}

describe.each(BROWSERS)('the harness sees a misbehaving extension in %s', (name) => {
  const dir = scratchDir(`canary-${name}`);
  let server: StaticServer;
  let proxy: BlackholeProxy;
  let browser: ExtensionBrowser;
  let network: NetworkWatch;

  beforeAll(async () => {
    server = await startStaticServer(PAGES_DIR);
    proxy = await startBlackholeProxy();
    writeCanary(dir, name, server.port);
    const options = proxy.launchOptions();
    browser =
      name === 'chromium'
        ? await ChromiumExtensionBrowser.launch(dir, options)
        : await FirefoxExtensionBrowser.launch(dir, options);
    network = await watchNetwork(browser);
  }, 60_000);

  afterAll(async () => {
    await network?.stop();
    await browser?.close();
    await server?.close();
    await proxy?.close();
  }, 30_000);

  it('attributes the content script\'s and the background\'s requests to the extension, and sees its errors', async () => {
    const page = await browser.openPage(server.url('/moscowtimes-biden-putin.html?canary'));
    const wanted = ['/canary/content-fetch', 'canary.invalid/content-external', '/canary/background-fetch'];

    const seen = await waitFor(
      () => network.fromExtension(),
      (list) => wanted.every((w) => list.some((r) => r.url.includes(w))),
      { timeout: 15_000, interval: 100, what: `requests ${wanted.join(', ')} attributed to the canary` },
    );
    // The page's own load is not the extension's.
    expect(seen.some((r) => r.url.includes('moscowtimes-biden-putin.html'))).toBe(false);
    // The external one went to the refusing proxy, not to the internet. The browser may report
    // the request before the proxy has logged refusing it, so this waits too.
    await waitFor(
      async () => proxy.refused,
      (refused) => refused.some((r) => r.line.includes('canary.invalid')),
      { timeout: 5_000, interval: 50, what: 'the proxy refusing canary.invalid' },
    );

    const id = browser.extensionBase.split('/')[2] ?? '';
    const errors = await waitFor(
      async () => (await browser.diagnostics()).filter((d) => isFromExtension(d, browser.extensionBase, id)).map((d) => d.text),
      (texts) => ['canary uncaught error', 'canary unhandled rejection', 'canary console error'].every((c) => texts.some((t) => t.includes(c))),
      { timeout: 10_000, interval: 100, what: 'the canary\'s uncaught error, unhandled rejection and console.error' },
    );
    expect(errors.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

describe('the refusing proxy', () => {
  it('survives a client resetting a refused tunnel, as browsers do', async () => {
    const proxy = await startBlackholeProxy();
    const uncaught: unknown[] = [];
    const record = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', record);
    try {
      for (let i = 0; i < 10; i++) {
        await new Promise<void>((done) => {
          const socket = connect(proxy.port, '127.0.0.1', () => {
            socket.write('CONNECT canary.invalid:443 HTTP/1.1\r\nHost: canary.invalid:443\r\n\r\n');
            setTimeout(() => {
              socket.resetAndDestroy();
              done();
            }, 1);
          });
          socket.on('error', () => done());
        });
      }
      await waitFor(
        async () => proxy.refused,
        (refused) => refused.length === 10,
        { timeout: 5_000, interval: 20, what: 'the proxy refusing the 10 tunnels' },
      );
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
      await proxy.close();
    }
  });
});
