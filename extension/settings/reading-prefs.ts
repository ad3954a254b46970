/**
 * The reader's choices from the options page, read together as one typed
 * value and checked: storage is shared with every version of Backstory and
 * with hand edits, so a value of the wrong shape falls back to its default
 * rather than breaking the page.
 */
import { ENTITY_TYPES, type EntityType } from '../dataset/pack';
import { DEFAULT_HIGHLIGHT_STYLE, isHighlightStyle, type HighlightStyle } from '../highlight/highlight-styles';
import type { MentionFilter } from '../highlight/select-mentions';
import { DWELL_MS, HOVER_DELAY_CHOICES } from '../hover/intent';

export interface ReadingPrefs {
  types: readonly EntityType[];
  style: HighlightStyle;
  firstOnly: boolean;
  hoverDelayMs: number;
}

/** Where each pref is kept in `storage.local`. */
export const READING_PREF_KEYS = {
  types: 'highlightTypes',
  style: 'highlightStyle',
  firstOnly: 'firstMentionOnly',
  hoverDelayMs: 'hoverDelayMs',
} as const satisfies Record<keyof ReadingPrefs, string>;

export const DEFAULT_READING_PREFS: ReadingPrefs = {
  types: ENTITY_TYPES,
  style: DEFAULT_HIGHLIGHT_STYLE,
  firstOnly: false,
  hoverDelayMs: DWELL_MS,
};

const MIN_DELAY = Math.min(...HOVER_DELAY_CHOICES);
const MAX_DELAY = Math.max(...HOVER_DELAY_CHOICES);

/** Stored values, as read (of any shape), into valid prefs. */
export function sanitizePrefs(raw: { types: unknown; style: unknown; firstOnly: unknown; hoverDelayMs: unknown }): ReadingPrefs {
  const types = Array.isArray(raw.types)
    ? ENTITY_TYPES.filter((t) => (raw.types as unknown[]).includes(t))
    : DEFAULT_READING_PREFS.types;
  const delay = raw.hoverDelayMs;
  return {
    types,
    style: isHighlightStyle(raw.style) ? raw.style : DEFAULT_READING_PREFS.style,
    firstOnly: typeof raw.firstOnly === 'boolean' ? raw.firstOnly : DEFAULT_READING_PREFS.firstOnly,
    hoverDelayMs:
      typeof delay === 'number' && Number.isFinite(delay)
        ? Math.min(MAX_DELAY, Math.max(MIN_DELAY, Math.round(delay)))
        : DEFAULT_READING_PREFS.hoverDelayMs,
  };
}

/** The part of the prefs that decides which mentions are painted. */
export function mentionFilter(prefs: ReadingPrefs): MentionFilter {
  return { types: new Set(prefs.types), firstOnly: prefs.firstOnly };
}
