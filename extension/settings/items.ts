/**
 * Backstory's settings, declared once and typed. Every view (content script,
 * popup, background) imports these items and watches them, so a switch flipped
 * in the popup reaches every open tab at once, without a reload.
 */
import { storage } from '#imports';

/** The "everywhere" switch: Backstory is on unless the reader turned it off. */
export const enabledEverywhere = storage.defineItem<boolean>('local:enabledEverywhere', {
  fallback: true,
});

/** Hostnames where the reader turned Backstory off ("this site" switch). */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
});

/** Whether Backstory should annotate pages of `hostname`, given both switches. */
export function isActiveFor(hostname: string, everywhere: boolean, sites: readonly string[]): boolean {
  return everywhere && !sites.includes(hostname);
}

/** Reads both switches and answers for `hostname`. */
export async function readActiveFor(hostname: string): Promise<boolean> {
  const [everywhere, sites] = await Promise.all([enabledEverywhere.getValue(), disabledSites.getValue()]);
  return isActiveFor(hostname, everywhere, sites);
}

/** Turns Backstory on or off for one site, leaving the other sites as they are. */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const sites = await disabledSites.getValue();
  const next = enabled ? sites.filter((s) => s !== hostname) : [...new Set([...sites, hostname])];
  await disabledSites.setValue(next.sort());
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
