import { describe, expect, it } from 'vitest';
import { normalizeSurface } from '../../../extension/matcher/compile';
import { classOf, isWordUnit, LOWER, MARK, normalize, SPACE, unitsToString, UPPER, WORD } from '../../../extension/matcher/normalize';

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

  // ASCII is classified by ranges, without the Unicode expressions that classify the rest:
  // every ASCII unit must come out as those expressions define it.
  it.each(Array.from({ length: 0x80 }, (_, c) => ({ c, ch: JSON.stringify(String.fromCharCode(c)) })))(
    'classifies ASCII $ch as Unicode does',
    ({ c }) => {
      const ch = String.fromCharCode(c);
      const space = /\s/.test(ch);
      const want =
        (space ? SPACE : 0) |
        (!space && /[\p{L}\p{N}\p{Mc}]/u.test(ch) ? WORD : 0) |
        (!space && ch.toLowerCase() !== ch ? UPPER : 0) |
        (!space && ch.toUpperCase() !== ch ? LOWER : 0);
      expect(classOf(c) & (SPACE | WORD | UPPER | LOWER | MARK)).toBe(want);
      // Folded as the Unicode path folds: spaces to one space, letters to lowercase, the rest kept.
      const folded = fold(`a${ch}b`).folded;
      expect(folded).toBe(space ? 'a b' : `a${ch.toLowerCase()}b`);
    },
  );
});

describe('normalize: Latin-1 and General Punctuation', () => {
  // Their punctuation, symbols and spaces are classified by ranges too; letters, digits and the
  // units folded or dropped by their own lists take the Unicode path. Every unit of both blocks
  // must come out as the Unicode expressions and NFD define it.
  const units = [...Array.from({ length: 0x80 }, (_, k) => 0x80 + k), ...Array.from({ length: 0x70 }, (_, k) => 0x2000 + k)];
  const DROPPED = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060]);
  const APOSTROPHE_LIKE = new Set([0xb4, 0x2018, 0x2019, 0x2032]);
  const DASH_LIKE = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015]);
  it.each(units.filter((c) => !DROPPED.has(c) && !APOSTROPHE_LIKE.has(c) && !DASH_LIKE.has(c)).map((c) => ({ c, code: `U+${c.toString(16).toUpperCase().padStart(4, '0')}` })))(
    'classifies $code as Unicode does',
    ({ c }) => {
      const ch = String.fromCharCode(c);
      const space = c === 0x85 || /\s/.test(ch);
      const mark = !space && /[\p{Mn}\p{Me}]/u.test(ch);
      const want =
        (space ? SPACE : 0) |
        (mark ? MARK : 0) |
        (!space && !mark && /[\p{L}\p{N}\p{Mc}]/u.test(ch) ? WORD : 0) |
        (!space && !mark && ch.toLowerCase() !== ch ? UPPER : 0) |
        (!space && !mark && ch.toUpperCase() !== ch ? LOWER : 0);
      expect(classOf(c) & (SPACE | WORD | UPPER | LOWER | MARK)).toBe(want);
      if (space || mark) return;
      const lower = ch.toLowerCase();
      const bare = lower.normalize('NFD').replace(/\p{Mn}/gu, '');
      const folded = bare.length === 1 ? bare : lower.length === 1 ? lower : ch;
      expect(fold(`a${ch}b`).folded).toBe(`a${folded}b`);
    },
  );
});

/**
 * Words read the plain way, one unit at a time over the folded text: the reference for the
 * chunked, branch-free word finder of `normalize`.
 */
function plainWords(text: string): { starts: number[]; capitalised: number[] } {
  const nt = normalize(text);
  const starts: number[] = [];
  const capitalised: number[] = [];
  for (let k = 0; k < nt.length; k++) {
    if (!isWordUnit(nt.buf[k]!) || (k > 0 && isWordUnit(nt.buf[k - 1]!))) continue;
    if (nt.classes[k]! & UPPER) capitalised.push(starts.length);
    starts.push(k);
  }
  return { starts, capitalised };
}

/** A deterministic jumble of words, punctuation, marks, odd spaces and line breaks, `units` long. */
function jumble(units: number): string {
  const pieces = ['Putin', ' ', 'a', '  ', 'NATO–Russia', ', ', 'Zelen\u00ADskiy', '\n', 'E\u0301lyse\u0301e', '. ', 'U.S.-led', '\u00A0', 'Kyiv’s', ' 🇺🇦 ', 'x', '42'];
  let text = '';
  for (let i = 0; text.length < units; i++) text += pieces[(i * 7 + (i >> 3)) % pieces.length];
  return text;
}

describe('normalize: words across chunks', () => {
  // Around the fold's calls (2,048 units each) and its chunks (16,384), and across many of both.
  it.each([100, 2_047, 2_048, 2_049, 16_383, 16_384, 16_385, 40_000, 100_000])('finds the same words as a plain reading in %i units of mixed text', (units) => {
    const text = jumble(units);
    const nt = normalize(text);
    const { starts, capitalised } = plainWords(text);
    expect(nt.wordCount).toBe(starts.length);
    expect([...nt.wordStarts.subarray(0, nt.wordCount)]).toEqual(starts);
    expect([...nt.capitalisedWords.subarray(0, nt.capitalisedCount)]).toEqual(capitalised);
  });

  it('keeps a "word" longer than a chunk whole, and reads the name after it', () => {
    const text = 'x'.repeat(40_000) + ' Putin';
    const nt = normalize(text);
    expect(nt.wordCount).toBe(2);
    expect(unitsToString(nt.buf, nt.wordStarts[1]!, nt.length)).toBe('putin');
  });

  it('keeps the class bits of each original character', () => {
    const nt = normalize('Ab  É\u0301');
    expect([...nt.classes.subarray(0, nt.length)].map((c) => (c & UPPER ? 'U' : c & LOWER ? 'l' : '_'))).toEqual(['U', 'l', '_', 'U']);
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
