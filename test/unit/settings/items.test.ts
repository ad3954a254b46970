import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  disabledSites,
  enabledEverywhere,
  isActiveFor,
  readActiveFor,
  setSiteEnabled,
  watchActiveFor,
} from '../../../extension/settings/items';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is on everywhere by default, with no site turned off', async () => {
    expect(await enabledEverywhere.getValue()).toBe(true);
    expect(await disabledSites.getValue()).toEqual([]);
    expect(await readActiveFor('example.com')).toBe(true);
  });

  it.each([
    { everywhere: true, sites: [], host: 'a.com', active: true },
    { everywhere: false, sites: [], host: 'a.com', active: false },
    { everywhere: true, sites: ['a.com'], host: 'a.com', active: false },
    { everywhere: true, sites: ['a.com'], host: 'b.com', active: true },
    { everywhere: true, sites: ['a.com'], host: 'www.a.com', active: true },
    { everywhere: false, sites: ['a.com'], host: 'b.com', active: false },
  ])('everywhere=$everywhere, off on $sites → $host active=$active', ({ everywhere, sites, host, active }) => {
    expect(isActiveFor(host, everywhere, sites)).toBe(active);
  });

  it('turns one site off and on again without touching the others', async () => {
    await setSiteEnabled('b.com', false);
    await setSiteEnabled('a.com', false);
    await setSiteEnabled('a.com', false);
    expect(await disabledSites.getValue()).toEqual(['a.com', 'b.com']);
    expect(await readActiveFor('a.com')).toBe(false);
    await setSiteEnabled('a.com', true);
    expect(await disabledSites.getValue()).toEqual(['b.com']);
    expect(await readActiveFor('a.com')).toBe(true);
  });

  it('persists in storage.local, where every view reads it', async () => {
    await enabledEverywhere.setValue(false);
    expect(await fakeBrowser.storage.local.get('enabledEverywhere')).toEqual({ enabledEverywhere: false });
  });

  it('tells a watcher when either switch changes the answer for its site', async () => {
    const seen: boolean[] = [];
    const unwatch = watchActiveFor('a.com', (active) => seen.push(active));
    await enabledEverywhere.setValue(false);
    await expect.poll(() => seen).toEqual([false]);
    await enabledEverywhere.setValue(true);
    await expect.poll(() => seen).toEqual([false, true]);
    await setSiteEnabled('a.com', false);
    await expect.poll(() => seen).toEqual([false, true, false]);
    unwatch();
    await enabledEverywhere.setValue(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([false, true, false]);
  });
});
