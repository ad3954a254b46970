import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  firstMentionOnly,
  highlightStyle,
  highlightTypes,
  hoverDelayMs,
  readReadingPrefs,
  resetReadingPrefs,
  watchReadingPrefs,
} from '../../../extension/settings/items';
import { readPageSettings, watchPageSettings } from '../../../extension/settings/page-settings';
import { DEFAULT_READING_PREFS, mentionFilter, sanitizePrefs, type ReadingPrefs } from '../../../extension/settings/reading-prefs';

describe('sanitizePrefs', () => {
  const ok = { types: ['place', 'person'], style: 'strong', firstOnly: true, hoverDelayMs: 600 };
  it.each<[string, Record<string, unknown>, Partial<ReadingPrefs>]>([
    ['valid values kept, types in the canonical order', ok, { types: ['person', 'place'], style: 'strong', firstOnly: true, hoverDelayMs: 600 }],
    ['unknown types dropped', { ...ok, types: ['person', 'planet'] }, { types: ['person'] }],
    ['types not a list: all', { ...ok, types: 'person' }, { types: DEFAULT_READING_PREFS.types }],
    ['an unknown style: the default', { ...ok, style: 'neon' }, { style: 'tint' }],
    ['first-only not a boolean: the default', { ...ok, firstOnly: 'yes' }, { firstOnly: false }],
    ['a delay below the quickest choice: the quickest', { ...ok, hoverDelayMs: 5 }, { hoverDelayMs: 200 }],
    ['a delay above the slowest choice: the slowest', { ...ok, hoverDelayMs: 60_000 }, { hoverDelayMs: 1000 }],
    ['a delay that is not a number: the default', { ...ok, hoverDelayMs: Number.NaN }, { hoverDelayMs: 350 }],
  ])('%s', (_name, raw, expected) => {
    expect(sanitizePrefs(raw as Parameters<typeof sanitizePrefs>[0])).toMatchObject(expected);
  });

  it('turns prefs into the mention filter', () => {
    expect(mentionFilter({ ...DEFAULT_READING_PREFS, types: ['event'], firstOnly: true })).toEqual({ types: new Set(['event']), firstOnly: true });
  });
});

describe('reading prefs in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored: every type, tint, every mention, the designed dwell', async () => {
    expect(await readReadingPrefs()).toEqual(DEFAULT_READING_PREFS);
  });

  it('tells a watcher of every change, and reset puts the defaults back', async () => {
    const seen: ReadingPrefs[] = [];
    const stop = watchReadingPrefs((p) => seen.push(p));
    await highlightStyle.setValue('underline');
    await expect.poll(() => seen.at(-1)?.style).toBe('underline');
    await firstMentionOnly.setValue(true);
    await expect.poll(() => seen.at(-1)?.firstOnly).toBe(true);
    await highlightTypes.setValue(['event']);
    await hoverDelayMs.setValue(1000);
    await expect.poll(() => seen.at(-1)).toMatchObject({ types: ['event'], hoverDelayMs: 1000 });
    await resetReadingPrefs();
    await expect.poll(() => readReadingPrefs()).toEqual(DEFAULT_READING_PREFS);
    stop();
  });

  it('reads on a page as the options page wrote them, and tells the page of changes, not of the switches', async () => {
    expect((await readPageSettings('a.com')).prefs).toEqual(DEFAULT_READING_PREFS);
    const seen: ReadingPrefs[] = [];
    let switchChanges = 0;
    const stop = watchPageSettings('a.com', { onActive: () => switchChanges++, onPrefs: (p) => seen.push(p) });
    await highlightStyle.setValue('underline');
    await hoverDelayMs.setValue(1000);
    await expect.poll(() => seen.at(-1)).toMatchObject({ style: 'underline', hoverDelayMs: 1000 });
    expect((await readPageSettings('a.com')).prefs).toEqual(await readReadingPrefs());
    expect(switchChanges).toBe(0);
    stop();
  });
});
