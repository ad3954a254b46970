import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSites, enabledEverywhere, firstMentionOnly, setSiteEnabled } from '../../../extension/settings/items';
import { readPageSettings, watchPageSettings } from '../../../extension/settings/page-settings';
import { isActiveFor } from '../../../extension/settings/switches';

/** Whether a page of `host` is annotated, as the content script reads what the popup's items wrote. */
const readActiveFor = async (host: string) => (await readPageSettings(host)).active;

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

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

  it('tells a page when either switch changes the answer for its site, and not of the prefs', async () => {
    const seen: boolean[] = [];
    let prefsChanges = 0;
    const unwatch = watchPageSettings('a.com', { onActive: (active) => seen.push(active), onPrefs: () => prefsChanges++ });
    await enabledEverywhere.setValue(false);
    await expect.poll(() => seen).toEqual([false]);
    await enabledEverywhere.setValue(true);
    await expect.poll(() => seen).toEqual([false, true]);
    await setSiteEnabled('a.com', false);
    await expect.poll(() => seen).toEqual([false, true, false]);
    await firstMentionOnly.setValue(true);
    await expect.poll(() => prefsChanges).toBe(1);
    expect(seen).toEqual([false, true, false]);
    unwatch();
    await enabledEverywhere.setValue(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([false, true, false]);
  });

  it('reads every setting a page needs in one storage call', async () => {
    await setSiteEnabled('a.com', false);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await readPageSettings('a.com')).toMatchObject({ active: false });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('reads a page as off, silently, when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await readPageSettings('a.com')).toMatchObject({ active: false });
  });
});
