/**
 * Reads what a reader types into "turn Backstory off on a site": a bare host
 * name or a whole address pasted from the address bar. Pure, so the forms
 * it accepts are a table test.
 */

/**
 * The host name in `text` (`www.example.com` from `https://www.example.com/a?b`),
 * lower-cased as browsers report `location.hostname`; null when it is not one.
 */
export function parseSiteInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return null;
  }
  // A host name has a dot (example.com), or is localhost; "news" alone is a typo, not a site.
  if (!host || (!host.includes('.') && host !== 'localhost')) return null;
  return host.toLowerCase();
}
