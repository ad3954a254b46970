/**
 * Storage holds whatever an older Backstory, a hand edit or a sync left
 * there. The two switches are migrated once to the current format (WXT's
 * `version` + `migrations`) and every read falls back to the default for a
 * value of the wrong shape, so no stored value can switch Backstory off on
 * the wrong site or make it throw. Pages read the same storage without the
 * items (`page-settings.ts`), before any view has migrated it: each row
 * checks that they read it the same.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readPageSettings } from '../../../extension/settings/page-settings';
import { isHostList, toBoolean, toHostList } from '../../../extension/settings/stored-values';
import { SETTINGS_VERSION } from '../../../extension/settings/version';

/** Loads the settings module afresh: WXT runs an item's migration when the item is defined. */
async function loadItems(stored: Record<string, unknown>) {
  await fakeBrowser.storage.local.set(stored);
  vi.resetModules();
  return import('../../../extension/settings/items');
}

/** Whether a page of `host` is annotated, as the content script reads storage. */
const activeFor = async (host: string) => (await readPageSettings(host)).active;

const raw = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    { stored: undefined, read: true },
    { stored: true, read: true },
    { stored: false, read: false },
    { stored: 'false', read: false },
    { stored: ' TRUE ', read: true },
    { stored: 'yes', read: true },
    { stored: 0, read: true },
    { stored: { on: false }, read: true },
    { stored: [false], read: true },
  ])('the "everywhere" switch stored by an old version as $stored reads $read', async ({ stored, read }) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ enabledEverywhere: stored });
    expect(await activeFor('example.com')).toBe(read);
    const items = await loadItems({});
    expect(await items.enabledEverywhere.getValue()).toBe(read);
    if (stored !== undefined) {
      // Migrated in storage, once, and marked with the current version.
      expect(await raw('enabledEverywhere')).toBe(read);
      expect(await raw('enabledEverywhere$')).toEqual({ v: SETTINGS_VERSION });
    }
  });

  it.each([
    { stored: ['b.com', 'a.com'], read: ['a.com', 'b.com'] },
    { stored: ['B.com', 'a.com.', 'a.com', '', '  ', 3, null, { host: 'x' }], read: ['a.com', 'b.com'] },
    { stored: 'a.com, b.com  c.com', read: ['a.com', 'b.com', 'c.com'] },
    { stored: 'example.com', read: ['example.com'] },
    { stored: { 'a.com': true }, read: [] },
    { stored: 42, read: [] },
    { stored: true, read: [] },
  ])('the site list stored by an old version as $stored reads $read', async ({ stored, read }) => {
    await fakeBrowser.storage.local.set({ disabledSites: stored });
    for (const host of read) expect(await activeFor(host)).toBe(false);
    expect(await activeFor('other.org')).toBe(true);
    const items = await loadItems({});
    expect(await items.disabledSites.getValue()).toEqual(read);
    expect(await raw('disabledSites')).toEqual(read);
    expect(await raw('disabledSites$')).toEqual({ v: SETTINGS_VERSION });
  });

  it('a page that meets a switch in an old format has it migrated in storage', async () => {
    await fakeBrowser.storage.local.set({ enabledEverywhere: 'false', disabledSites: 'b.com, A.com' });
    vi.resetModules();
    const { readPageSettings: read } = await import('../../../extension/settings/page-settings');
    expect((await read('example.com')).active).toBe(false);
    await expect.poll(() => raw('enabledEverywhere$')).toEqual({ v: SETTINGS_VERSION });
    expect(await raw('enabledEverywhere')).toBe(false);
    expect(await raw('disabledSites')).toEqual(['a.com', 'b.com']);
    expect(await raw('disabledSites$')).toEqual({ v: SETTINGS_VERSION });
  });

  it('an old string site list no longer matches other sites by substring', async () => {
    // Version 1 compared with `sites.includes(hostname)`: on a string, that is a substring test.
    await loadItems({ disabledSites: 'notexample.com' });
    expect(await activeFor('example.com')).toBe(true);
    expect(await activeFor('notexample.com')).toBe(false);
  });

  it.each([
    { key: 'enabledEverywhere', junk: 'off', fallback: true },
    { key: 'enabledEverywhere', junk: null, fallback: true },
    { key: 'disabledSites', junk: 'example.com', fallback: [] },
    { key: 'disabledSites', junk: ['B.COM'], fallback: [] },
    { key: 'disabledSites', junk: [1, 2], fallback: [] },
    { key: 'disabledSites', junk: { length: 1, 0: 'a.com' }, fallback: [] },
  ])('a bad $key written after migration ($junk) reads as the default', async ({ key, junk, fallback }) => {
    const items = await loadItems({ [key]: junk, [`${key}$`]: { v: SETTINGS_VERSION } });
    const item = key === 'enabledEverywhere' ? items.enabledEverywhere : items.disabledSites;
    expect(await item.getValue()).toEqual(fallback);
    expect(await activeFor('example.com')).toBe(true);
  });

  it('tells a watcher the default when a bad value is written', async () => {
    const items = await loadItems({});
    const seen: unknown[] = [];
    const unwatch = items.disabledSites.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ disabledSites: 'example.com' });
    await expect.poll(() => seen).toEqual([[]]);
    await fakeBrowser.storage.local.set({ disabledSites: ['example.com'] });
    await expect.poll(() => seen).toEqual([[], ['example.com']]);
    unwatch();
  });

  it('a fresh install writes the current version with the first value', async () => {
    const items = await loadItems({});
    await items.setSiteEnabled('Example.COM.', false);
    expect(await raw('disabledSites')).toEqual(['example.com']);
    expect(await raw('disabledSites$')).toEqual({ v: SETTINGS_VERSION });
    expect(await activeFor('example.com')).toBe(false);
  });

  it('keeps the site list valid through turning sites off and on', async () => {
    const items = await loadItems({});
    for (const [host, on] of [['b.com', false], ['A.com', false], ['a.com', false], ['c.com', true], ['b.com', true]] as const) {
      await items.setSiteEnabled(host, on);
      expect(isHostList(await raw('disabledSites'))).toBe(true);
    }
    expect(await items.disabledSites.getValue()).toEqual(['a.com']);
  });
});

describe('stored value readers', () => {
  it.each([
    [true, true],
    ['False', false],
    ['1', true],
    [undefined, true],
  ])('toBoolean(%j) with fallback true is %j', (value, read) => {
    expect(toBoolean(value, true)).toBe(read);
  });

  it.each([
    [['a.com'], true],
    [['a.com', 'b.com'], true],
    [['b.com', 'a.com'], false],
    [['a.com', 'a.com'], false],
    [['A.com'], false],
    [['a.com.'], false],
    [[''], false],
    ['a.com', false],
  ])('isHostList(%j) is %j', (value, valid) => {
    expect(isHostList(value)).toBe(valid);
  });

  it('normalises any list into a valid one', () => {
    expect(isHostList(toHostList([' Z.org ', 'a.com..', 7, 'a.com', 'z.org']))).toBe(true);
  });
});
