/**
 * The current format of Backstory's stored settings. Version 1 is Backstory
 * 0.1.0's, written without a version (WXT reads a missing version as 1).
 * Version 2 stores site lists normalised (see `toHostList` in
 * `stored-values.ts`) and only booleans for switches; its migration also
 * reads the old shapes a hand edit or an early build left (a comma-separated
 * string of sites, "true"/"false" text). Kept apart from WXT's storage so the
 * browser tests can read it.
 */
export const SETTINGS_VERSION = 2;
