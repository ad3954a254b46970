/**
 * What the content script needs of the settings on every page: whether Backstory is on for the
 * site, and the reading prefs. Read from `storage.local` in one call and watched with one
 * listener: WXT's storage items (`items.ts`) cost a page fourteen storage calls, as each item
 * reads its value when it is declared (the two versioned ones their version too) and again when
 * read. The rules are the items' own (`stored-values.ts`, `switches.ts`, `reading-prefs.ts`): a
 * value in an older format reads as its migration would write it, and the first page that meets
 * one loads the items to have WXT migrate it in storage, once.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_READING_PREFS, READING_PREF_KEYS, sanitizePrefs, type ReadingPrefs } from './reading-prefs';
import { normaliseHost, readStoredValue, storedVersion, type SettingSpec } from './stored-values';
import { DISABLED_SITES, EVERYWHERE, isActiveFor } from './switches';
import { SETTINGS_VERSION } from './version';

export interface PageSettings {
  /** Whether Backstory annotates this site's pages (both switches). */
  active: boolean;
  prefs: ReadingPrefs;
}

/** WXT keeps a versioned item's metadata (`{ v }`) at its key plus this. */
const META_SUFFIX = '$';
const SWITCH_KEYS = [EVERYWHERE.key, DISABLED_SITES.key];
const PREF_KEYS: string[] = Object.values(READING_PREF_KEYS);
/** Every key a page reads: the switches with their versions, and the prefs. */
const KEYS = [...SWITCH_KEYS.flatMap((key) => [key, key + META_SUFFIX]), ...PREF_KEYS];

/**
 * The settings for pages of `hostname`. When storage cannot be read at all (the extension was
 * reloaded under the page), Backstory is off: silent rather than throwing.
 */
export async function readPageSettings(hostname: string): Promise<PageSettings> {
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.local.get(KEYS);
  } catch {
    return { active: false, prefs: DEFAULT_READING_PREFS };
  }
  if (SWITCH_KEYS.some((key) => stored[key] != null && storedVersion(stored[key + META_SUFFIX]) < SETTINGS_VERSION)) {
    // Declaring the items runs WXT's migrations (`define-setting.ts`); loaded only for this.
    void import('./items').then((items) => items.migrateSettings()).catch(() => undefined);
  }
  return settingsFrom(stored, hostname);
}

function settingsFrom(stored: Record<string, unknown>, hostname: string): PageSettings {
  const read = <T>(spec: SettingSpec<T>) => readStoredValue(spec, stored[spec.key], stored[spec.key + META_SUFFIX]);
  return {
    active: isActiveFor(normaliseHost(hostname), read(EVERYWHERE), read(DISABLED_SITES)),
    prefs: sanitizePrefs({
      types: stored[READING_PREF_KEYS.types],
      style: stored[READING_PREF_KEYS.style],
      firstOnly: stored[READING_PREF_KEYS.firstOnly],
      hoverDelayMs: stored[READING_PREF_KEYS.hoverDelayMs],
    }),
  };
}

/** What a page does when the settings change. */
export interface PageSettingsWatcher {
  /** A switch changed: whether Backstory is now on for the site. */
  onActive(active: boolean): void;
  /** A reading pref changed: all the prefs. */
  onPrefs(prefs: ReadingPrefs): void;
}

/** Tells `watcher` of every change to the settings of pages of `hostname`; returns the function that stops. */
export function watchPageSettings(hostname: string, watcher: PageSettingsWatcher): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local') return;
    const switches = SWITCH_KEYS.some((key) => key in changes);
    const prefs = PREF_KEYS.some((key) => key in changes);
    if (!switches && !prefs) return;
    void readPageSettings(hostname).then((settings) => {
      if (switches) watcher.onActive(settings.active);
      if (prefs) watcher.onPrefs(settings.prefs);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
