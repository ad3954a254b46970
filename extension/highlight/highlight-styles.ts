/**
 * The looks a reader can choose for highlights. The Custom Highlight API
 * styles a highlight by its name only (`::highlight(name)`), and Backstory
 * never touches the page's DOM to switch a class, so a style is part of the
 * name each type's highlight is registered under; `highlights.css` has one
 * rule per type and style.
 */
import type { EntityType } from '../dataset/pack';
import { HIGHLIGHT_NAMES } from './highlight-layer';

/**
 * - `tint`: a light tint with an underline in the type's colour: findable at a glance, calm to read.
 * - `underline`: the underline alone, for readers who find any tint busy.
 * - `strong`: a deeper tint and a thicker underline, for low vision or busy page designs.
 */
export const HIGHLIGHT_STYLES = ['tint', 'underline', 'strong'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** Tint and underline: visible on light and dark pages without shouting. */
export const DEFAULT_HIGHLIGHT_STYLE: HighlightStyle = 'tint';

/** How each style is named in the options page. */
export const HIGHLIGHT_STYLE_LABELS: Readonly<Record<HighlightStyle, string>> = {
  tint: 'Tint and underline',
  underline: 'Underline only',
  strong: 'Strong tint',
};

/**
 * The name a type's highlight is registered under in `style`. The default
 * style keeps the plain `backstory-<type>` name, so pages and tests that read
 * `CSS.highlights` see the same names as before styles existed.
 */
export function styledHighlightName(type: EntityType, style: HighlightStyle): string {
  return style === DEFAULT_HIGHLIGHT_STYLE ? HIGHLIGHT_NAMES[type] : `${HIGHLIGHT_NAMES[type]}-${style}`;
}

/** Whether `value` (read from storage, so untyped) is one of the styles. */
export function isHighlightStyle(value: unknown): value is HighlightStyle {
  return (HIGHLIGHT_STYLES as readonly unknown[]).includes(value);
}
