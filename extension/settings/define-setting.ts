/**
 * A setting as WXT declares storage items, plus two guarantees: the stored
 * value is migrated once per format change (WXT's `version` + `migrations`),
 * and whatever is in storage, every read gives a valid value. Storage outlives
 * the code that wrote it: an older or newer Backstory, a hand edit in the
 * browser's devtools, a sync from another machine. A value of the wrong shape
 * must fall back to the default, never switch Backstory off on the wrong site
 * or throw on every page. The rules themselves are in `stored-values.ts`.
 */
import { storage, type WxtStorageItem } from '#imports';
import { migrateSafely, type SettingSpec } from './stored-values';
import { SETTINGS_VERSION } from './version';

/**
 * Declares the setting `spec` in `storage.local`, versioned at
 * `SETTINGS_VERSION`. The returned item is WXT's, with `getValue` and `watch`
 * answering the fallback for any stored value that `isValid` rejects.
 */
export function defineSetting<T>(spec: SettingSpec<T>): WxtStorageItem<T, {}> {
  const item = storage.defineItem<T>(`local:${spec.key}`, {
    fallback: spec.fallback,
    version: SETTINGS_VERSION,
    migrations: { 2: (old: unknown) => migrateSafely(spec, old) },
  });
  const valid = (value: unknown): T => (spec.isValid(value) ? value : spec.fallback);
  return {
    ...item,
    // The spread copied `fallback` and `defaultValue` (getters on WXT's item) as values.
    getValue: async () => valid(await item.getValue()),
    watch: (cb) => item.watch((next, previous) => cb(valid(next), valid(previous))),
  };
}
