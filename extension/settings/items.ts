/**
 * Backstory's settings, declared once and typed. Every view (content script,
 * popup, background) imports these items and watches them, so a switch flipped
 * in the popup reaches every open tab at once, without a reload.
 */
import { storage } from '#imports';
import { defineSetting, isBoolean, isHostList, normaliseHost, toBoolean, toHostList } from './define-setting';
import { ENTITY_TYPES, type EntityType } from '../dataset/pack';
import { DEFAULT_HIGHLIGHT_STYLE, type HighlightStyle } from '../highlight/highlight-styles';
import { DWELL_MS } from '../hover/intent';

/** The "everywhere" switch: Backstory is on unless the reader turned it off. */
export const enabledEverywhere = defineSetting<boolean>('local:enabledEverywhere', {
  fallback: true,
  isValid: isBoolean,
  migrate: (old) => toBoolean(old, true),
});

/** Hostnames where the reader turned Backstory off ("this site" switch), normalised and sorted. */
export const disabledSites = defineSetting<string[]>('local:disabledSites', {
  fallback: [],
  isValid: isHostList,
  migrate: toHostList,
});

/** Whether Backstory should annotate pages of `hostname`, given both switches. */
export function isActiveFor(hostname: string, everywhere: boolean, sites: readonly string[]): boolean {
  return everywhere && !sites.includes(hostname);
}

/**
 * Reads both switches and answers for `hostname`. When storage cannot be read
 * at all (the extension was reloaded under the page), the answer is off:
 * Backstory stays silent rather than throw.
 */
export async function readActiveFor(hostname: string): Promise<boolean> {
  try {
    const [everywhere, sites] = await Promise.all([enabledEverywhere.getValue(), disabledSites.getValue()]);
    return isActiveFor(normaliseHost(hostname), everywhere, sites);
  } catch {
    return false;
  }
}

/** Turns Backstory on or off for one site, leaving the other sites as they are. */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const sites = await disabledSites.getValue();
  const host = normaliseHost(hostname);
  await disabledSites.setValue(enabled ? sites.filter((s) => s !== host) : toHostList([...sites, host]));
}

/**
 * Calls `onChange` with the current answer for `hostname` whenever either
 * switch changes. Returns the function that stops watching.
 */
export function watchActiveFor(hostname: string, onChange: (active: boolean) => void): () => void {
  const update = () => void readActiveFor(hostname).then(onChange);
  const unwatchEverywhere = enabledEverywhere.watch(update);
  const unwatchSites = disabledSites.watch(update);
  return () => {
    unwatchEverywhere();
    unwatchSites();
  };
}

/** Entity types the reader wants highlighted (options page); all four by default. */
export const highlightTypes = storage.defineItem<EntityType[]>('local:highlightTypes', {
  fallback: [...ENTITY_TYPES],
});

/** How highlights look on pages (options page); see `extension/highlight/highlight-styles.ts`. */
export const highlightStyle = storage.defineItem<HighlightStyle>('local:highlightStyle', {
  fallback: DEFAULT_HIGHLIGHT_STYLE,
});

/**
 * Highlight only the first mention of each entity on a page. Off by default:
 * readers start an article anywhere (a link to its middle, a scroll back) and
 * hover the name in front of them, which first-only would leave bare; the tint
 * is light enough that every mention stays calm to read.
 */
export const firstMentionOnly = storage.defineItem<boolean>('local:firstMentionOnly', {
  fallback: false,
});

/** How long the pointer rests on a mention before its card opens, in ms (options page). */
export const hoverDelayMs = storage.defineItem<number>('local:hoverDelayMs', {
  fallback: DWELL_MS,
});
