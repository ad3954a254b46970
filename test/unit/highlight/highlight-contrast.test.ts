/**
 * The highlight styles stay readable on light and on dark pages: text over
 * each tint keeps at least 4.5:1 (WCAG 1.4.3) for dark text on white and
 * light text on near-black, and each underline stands at 3:1 or more against
 * both (WCAG 1.4.11). Every style the options offer has its rules.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../../extension/dataset/pack';
import { HIGHLIGHT_STYLES, styledHighlightName } from '../../../extension/highlight/highlight-styles';
import { CURRENT_HIGHLIGHT } from '../../../extension/keyboard/mention-stepper';

const css = readFileSync(resolve(import.meta.dirname, '../../../assets/styles/highlights.css'), 'utf8');

type RGB = [number, number, number];
const LIGHT_PAGE = { bg: [255, 255, 255] as RGB, text: [27, 29, 34] as RGB };
const DARK_PAGE = { bg: [18, 18, 18] as RGB, text: [232, 232, 232] as RGB };

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: RGB) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
const contrast = (a: RGB, b: RGB) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const over = (fg: RGB, alpha: number, bg: RGB): RGB => fg.map((c, i) => alpha * c + (1 - alpha) * bg[i]!) as RGB;

/** The declarations of `::highlight(name)`. */
function rule(name: string): string | undefined {
  return new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(css)?.[1];
}
function colour(decl: string, property: string): { rgb: RGB; alpha: number } | undefined {
  const m = new RegExp(`${property}:[^;]*?rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([\\d.]+))?\\)`).exec(decl);
  return m ? { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) } : undefined;
}

const names = [...ENTITY_TYPES.flatMap((type) => HIGHLIGHT_STYLES.map((style) => styledHighlightName(type, style))), CURRENT_HIGHLIGHT];

describe.each(names)('::highlight(%s)', (name) => {
  const decl = rule(name);

  it('has a rule in highlights.css', () => expect(decl).toBeDefined());

  it.each([
    ['a light page', LIGHT_PAGE],
    ['a dark page', DARK_PAGE],
  ])('keeps text readable on %s', (_where, page) => {
    const tint = colour(decl ?? '', 'background-color');
    const bg = tint ? over(tint.rgb, tint.alpha, page.bg) : page.bg;
    expect(contrast(page.text, bg)).toBeGreaterThanOrEqual(4.5);
    const line = colour(decl ?? '', 'text-decoration');
    if (line) expect(contrast(over(line.rgb, line.alpha, page.bg), page.bg)).toBeGreaterThanOrEqual(3);
  });
});
