/**
 * A setting as WXT declares storage items, plus two guarantees: the stored
 * value is migrated once per format change (WXT's `version` + `migrations`),
 * and whatever is in storage, every read gives a valid value. Storage outlives
 * the code that wrote it: an older or newer Backstory, a hand edit in the
 * browser's devtools, a sync from another machine. A value of the wrong shape
 * must fall back to the default, never switch Backstory off on the wrong site
 * or throw on every page.
 */
import { storage, type StorageItemKey, type WxtStorageItem } from '#imports';
import { SETTINGS_VERSION } from './version';

export { SETTINGS_VERSION };

export interface SettingOptions<T> {
  /** What a read gives when storage holds nothing, or nothing valid. */
  fallback: T;
  /** Whether a stored value has this setting's shape. */
  isValid: (value: unknown) => value is T;
  /** Turns a value stored in an older format into this one; must accept anything and never throw. */
  migrate: (old: unknown) => T;
}

/**
 * Declares a setting at `key`, versioned at `SETTINGS_VERSION`. The returned
 * item is WXT's, with `getValue` and `watch` answering the fallback for any
 * stored value that `isValid` rejects.
 */
export function defineSetting<T>(key: StorageItemKey, options: SettingOptions<T>): WxtStorageItem<T, {}> {
  const item = storage.defineItem<T>(key, {
    fallback: options.fallback,
    version: SETTINGS_VERSION,
    migrations: { 2: (old: unknown) => safely(options.migrate, old, options.fallback) },
  });
  const valid = (value: unknown): T => (options.isValid(value) ? value : options.fallback);
  return {
    ...item,
    // The spread copied `fallback` and `defaultValue` (getters on WXT's item) as values.
    getValue: async () => valid(await item.getValue()),
    watch: (cb) => item.watch((next, previous) => cb(valid(next), valid(previous))),
  };
}

/** Runs a migration; a migration that throws would make WXT log an error on every page, so it gives the fallback instead. */
function safely<T>(migrate: (old: unknown) => T, old: unknown, fallback: T): T {
  try {
    return migrate(old);
  } catch {
    return fallback;
  }
}

/** Whether a value is a boolean. */
export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** A switch as stored by any version: a boolean, or the text "true"/"false"; anything else is `fallback`. */
export function toBoolean(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^\s*(true|false)\s*$/i.test(value)) return value.trim().toLowerCase() === 'true';
  return fallback;
}

/** A hostname as Backstory compares it with `location.hostname`: lower case, no surrounding space, no trailing dot. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.+$/, '');
}

/** Whether a value is a site list in the current format: sorted, distinct, normalised hostnames. */
export function isHostList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.every((h, i) => typeof h === 'string' && h !== '' && normaliseHost(h) === h && (i === 0 || value[i - 1] < h))
  );
}

/**
 * A site list as stored by any version: an array (non-strings and empty
 * entries dropped), or one string of hostnames separated by commas or spaces;
 * normalised, without duplicates, sorted. Anything else is an empty list.
 */
export function toHostList(value: unknown): string[] {
  const raw: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const hosts = raw.filter((h): h is string => typeof h === 'string').map(normaliseHost).filter((h) => h !== '');
  return [...new Set(hosts)].sort();
}
