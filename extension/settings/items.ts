/**
 * Backstory's settings as WXT storage items, declared once and typed, for the
 * views that change them: the popup and the options page watch them, so what
 * one view changes shows in the other at once. The content script reads the
 * same keys with the same rules, in one storage call (`page-settings.ts`).
 */
import { storage } from '#imports';
import { defineSetting } from './define-setting';
import { DEFAULT_READING_PREFS, READING_PREF_KEYS, sanitizePrefs, type ReadingPrefs } from './reading-prefs';
import { DISABLED_SITES, EVERYWHERE, sitesWith } from './switches';
import type { EntityType } from '../dataset/pack';
import type { HighlightStyle } from '../highlight/highlight-styles';

/** The "everywhere" switch (`switches.ts`). */
export const enabledEverywhere = defineSetting(EVERYWHERE);

/** The sites where Backstory is off (`switches.ts`). */
export const disabledSites = defineSetting(DISABLED_SITES);

/** Resolves once both switches are in the current format in storage (WXT migrates an item as it is declared). */
export async function migrateSettings(): Promise<void> {
  await Promise.all([enabledEverywhere.getValue(), disabledSites.getValue()]);
}

/** Turns Backstory on or off for one site, leaving the other sites as they are. */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  await disabledSites.setValue(sitesWith(await disabledSites.getValue(), hostname, enabled));
}

// The prefs' fallbacks are `DEFAULT_READING_PREFS`, which a page also reads for a pref not
// stored (`page-settings.ts`): one set of defaults for both.

/** Entity types the reader wants highlighted (options page); all four by default. */
export const highlightTypes = storage.defineItem<EntityType[]>(`local:${READING_PREF_KEYS.types}`, {
  fallback: [...DEFAULT_READING_PREFS.types],
});

/** How highlights look on pages (options page); see `extension/highlight/highlight-styles.ts`. */
export const highlightStyle = storage.defineItem<HighlightStyle>(`local:${READING_PREF_KEYS.style}`, {
  fallback: DEFAULT_READING_PREFS.style,
});

/**
 * Highlight only the first mention of each entity on a page. Off by default:
 * readers start an article anywhere (a link to its middle, a scroll back) and
 * hover the name in front of them, which first-only would leave bare; the tint
 * is light enough that every mention stays calm to read.
 */
export const firstMentionOnly = storage.defineItem<boolean>(`local:${READING_PREF_KEYS.firstOnly}`, {
  fallback: DEFAULT_READING_PREFS.firstOnly,
});

/** How long the pointer rests on a mention before its card opens, in ms (options page). */
export const hoverDelayMs = storage.defineItem<number>(`local:${READING_PREF_KEYS.hoverDelayMs}`, {
  fallback: DEFAULT_READING_PREFS.hoverDelayMs,
});

/** Reads every reading pref at once. */
export async function readReadingPrefs(): Promise<ReadingPrefs> {
  const [types, style, firstOnly, delay] = await Promise.all([
    highlightTypes.getValue(),
    highlightStyle.getValue(),
    firstMentionOnly.getValue(),
    hoverDelayMs.getValue(),
  ]);
  return sanitizePrefs({ types, style, firstOnly, hoverDelayMs: delay });
}

/** Calls `onChange` with all the prefs whenever one of them changes; returns the function that stops. */
export function watchReadingPrefs(onChange: (prefs: ReadingPrefs) => void): () => void {
  const update = () => void readReadingPrefs().then(onChange);
  const stops = [highlightTypes, highlightStyle, firstMentionOnly, hoverDelayMs].map((item) => item.watch(update));
  return () => stops.forEach((stop) => stop());
}

/** Puts every reading pref back to its default (the per-site switches are left alone). */
export async function resetReadingPrefs(): Promise<void> {
  await Promise.all([highlightTypes, highlightStyle, firstMentionOnly, hoverDelayMs].map((item) => item.removeValue()));
}
