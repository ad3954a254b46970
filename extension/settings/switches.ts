/**
 * Backstory's two switches as stored: on everywhere unless the reader turned it off, and the
 * sites where they turned it off. Only the rules (keys, fallbacks, formats) live here: `items.ts`
 * declares them as WXT items for the popup, and the content script reads them from storage in
 * one call (`page-settings.ts`) with the same rules.
 */
import { isBoolean, isHostList, normaliseHost, toBoolean, toHostList, type SettingSpec } from './stored-values';

/** The "everywhere" switch: Backstory is on unless the reader turned it off. */
export const EVERYWHERE: SettingSpec<boolean> = {
  key: 'enabledEverywhere',
  fallback: true,
  isValid: isBoolean,
  migrate: (old) => toBoolean(old, true),
};

/** Hostnames where the reader turned Backstory off ("this site" switch), normalised and sorted. */
export const DISABLED_SITES: SettingSpec<string[]> = {
  key: 'disabledSites',
  fallback: [],
  isValid: isHostList,
  migrate: toHostList,
};

/** Whether Backstory should annotate pages of `hostname` (normalised), given both switches. */
export function isActiveFor(hostname: string, everywhere: boolean, sites: readonly string[]): boolean {
  return everywhere && !sites.includes(hostname);
}

/**
 * The site list with Backstory turned on (`hostname` left out) or off (added) for one site, the
 * others as they are: what "this site" writes, and what the popup shows before the write lands.
 */
export function sitesWith(sites: readonly string[], hostname: string, enabled: boolean): string[] {
  const host = normaliseHost(hostname);
  return enabled ? sites.filter((s) => s !== host) : toHostList([...sites, host]);
}
