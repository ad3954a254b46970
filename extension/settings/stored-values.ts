/**
 * How a stored setting reads, whatever is stored: the checks and migrations of
 * each format, and the read itself. No storage access here, so the content
 * script can read raw storage with these rules without WXT's storage items
 * (see `page-settings.ts`), and the items apply the very same rules.
 */
import { SETTINGS_VERSION } from './version';

export interface SettingOptions<T> {
  /** What a read gives when storage holds nothing, or nothing valid. */
  fallback: T;
  /** Whether a stored value has this setting's shape. */
  isValid: (value: unknown) => value is T;
  /** Turns a value stored in an older format into this one; must accept anything and never throw. */
  migrate: (old: unknown) => T;
}

/** A setting's options and its key in `storage.local` (without WXT's `local:` prefix). */
export interface SettingSpec<T> extends SettingOptions<T> {
  key: string;
}

/**
 * What a setting reads as, given its stored value and the metadata WXT keeps
 * beside it (`{ v: version }` at the key plus `$`; a missing version is 1): a
 * value of an older version is migrated, as WXT's migration would write it,
 * and anything invalid gives the fallback.
 */
export function readStoredValue<T>(options: SettingOptions<T>, value: unknown, meta: unknown): T {
  const current = value != null && storedVersion(meta) < SETTINGS_VERSION ? migrateSafely(options, value) : value;
  return options.isValid(current) ? current : options.fallback;
}

/** The format version in a setting's WXT metadata: 1 when there is none. */
export function storedVersion(meta: unknown): number {
  const version = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof version === 'number' ? version : 1;
}

/** Runs a migration; a migration that throws would make WXT log an error on every page, so it gives the fallback instead. */
export function migrateSafely<T>(options: SettingOptions<T>, old: unknown): T {
  try {
    return options.migrate(old);
  } catch {
    return options.fallback;
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
