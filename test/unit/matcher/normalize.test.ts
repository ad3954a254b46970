import { describe, expect, it } from 'vitest';
import { normalizeSurface } from '../../../extension/matcher/compile';
import { normalize, unitsToString } from '../../../extension/matcher/normalize';

/** The normalised string, and for each of its units the original UTF-16 index. */
function fold(text: string): { folded: string; orig: number[]; words: number } {
  const nt = normalize(text);
  return {
    folded: unitsToString(nt.buf, 0, nt.length),
    orig: [...nt.orig.subarray(0, nt.length)],
    words: nt.wordCount,
  };
}

describe('normalize', () => {
  it.each([
    { text: 'Putin', folded: 'putin' },
    { text: 'Erdoğan', folded: 'erdogan' },
    { text: 'Erdog\u0306an', folded: 'erdogan' },
    { text: 'İstanbul', folded: 'istanbul' },
    { text: 'Зеленский', folded: 'зеленскии' },
    { text: 'Putin’s Putinʼs', folded: "putin's putin's" },
    { text: 'NATO–Russia NATO—Russia NATO\u2011Russia', folded: 'nato-russia nato-russia nato-russia' },
    { text: 'a \n\r\t\u00A0\u2003 b', folded: 'a b' },
    { text: 'Zelen\u00ADskiy\u200B', folded: 'zelenskiy' },
    { text: '🇺🇦', folded: '🇺🇦' },
  ])('folds $text to $folded', ({ text, folded }) => {
    expect(fold(text).folded).toBe(folded);
  });

  it('maps every normalised unit back to its UTF-16 index', () => {
    expect(fold('🚀 A\u0301  b').orig).toEqual([0, 1, 2, 3, 5, 7]);
  });

  it('counts word starts, not punctuation or emoji', () => {
    expect(fold("U.S.-led 🇺🇦 Putin's plan").words).toBe(6);
  });
});

describe('normalizeSurface', () => {
  it.each([
    { surface: 'Vladimir Putin', key: 'vladimir putin', caps: [0, 9] },
    { surface: '  NATO  ', key: 'nato', caps: [0, 1, 2, 3] },
    { surface: 'McFaul', key: 'mcfaul', caps: [0, 2] },
    { surface: 'security demands', key: 'security demands', caps: [] },
    { surface: 'Élysée Palace', key: 'elysee palace', caps: [0, 7] },
  ])('normalises $surface', ({ surface, key, caps }) => {
    expect(normalizeSurface(surface)).toMatchObject({ key, caps });
  });
});
