import { describe, expect, it } from 'vitest';
import { dateOfSourceLine } from '../../../scripts/lib/article-file';
import { codePointToUtf16 } from '../../../scripts/lib/gold';
import type { GoldFlag, GoldSpan } from '../../../scripts/lib/gold';
import { SCORING_SETS, prf, scoreArticle, sumCounts, type Mode, type ScoredGold, type ScoredSystem } from '../../../scripts/lib/score';

describe('codePointToUtf16', () => {
  it.each([
    { text: 'abc', map: [0, 1, 2, 3] },
    { text: '🇺🇦 Kyiv', map: [0, 2, 4, 5, 6, 7, 8, 9] },
    { text: 'a𝒳b', map: [0, 1, 3, 4] },
  ])('maps code points of $text to UTF-16 units', ({ text, map }) => {
    expect(codePointToUtf16(text)).toEqual(map);
  });
});

describe('dateOfSourceLine', () => {
  it.each([
    { line: 'source: AFP, as published by The Moscow Times on 30 Dec 2021 (text from a PDF)', date: '2021-12-30' },
    { line: 'source: CNN, https://www.cnn.com/2021/12/29/politics/x (published 2021-12-30 per scrape)', date: '2021-12-29' },
    { line: 'source: Reuters, 3 March 2022', date: '2022-03-03' },
    { line: 'source: AP, published Jan. 10, 2022', date: '2022-01-10' },
    { line: 'source: BBC, February 24, 2022, updated 2022-02-25', date: '2022-02-24' },
    { line: 'source: unknown', date: undefined },
  ])('reads $date from "$line"', ({ line, date }) => {
    expect(dateOfSourceLine(line)).toBe(date);
  });
});

const gold = (start: number, end: number, entity: string, flags: GoldFlag[] = [], bucket: ScoredGold['bucket'] = 'person'): ScoredGold => ({
  start,
  end,
  entity,
  bucket,
  flags: new Set(flags),
  gold: {} as GoldSpan,
});
const sys = (start: number, end: number, entity: string, bucket: ScoredSystem['bucket'] = 'person'): ScoredSystem => ({ start, end, entity, bucket, text: '' });

describe('scoreArticle', () => {
  const scored = SCORING_SETS.find((s) => s.name === 'scored')!;
  const core = SCORING_SETS.find((s) => s.name === 'core')!;

  it.each([
    { name: 'exact span, strict', g: [gold(0, 5, 'a')], s: [sys(0, 5, 'a')], mode: 'strict', counts: { tp: 1, fp: 0, fn: 0 } },
    { name: 'overlap is lenient only', g: [gold(0, 5, 'a')], s: [sys(0, 9, 'a')], mode: 'strict', counts: { tp: 0, fp: 1, fn: 1 } },
    { name: 'overlap, lenient', g: [gold(0, 5, 'a')], s: [sys(0, 9, 'a')], mode: 'lenient', counts: { tp: 1, fp: 0, fn: 0 } },
    { name: 'wrong entity', g: [gold(0, 5, 'a')], s: [sys(0, 5, 'b')], mode: 'lenient', counts: { tp: 0, fp: 1, fn: 1 } },
    { name: 'one system mention matches one gold', g: [gold(0, 5, 'a'), gold(6, 9, 'a')], s: [sys(0, 9, 'a')], mode: 'lenient', counts: { tp: 1, fp: 0, fn: 1 } },
    { name: 'nested gold is optional', g: [gold(0, 5, 'a', ['nested'])], s: [], mode: 'lenient', counts: { tp: 0, fp: 0, fn: 0 } },
    { name: 'finding optional gold is no fault', g: [gold(0, 5, 'a', ['nested'])], s: [sys(0, 5, 'a')], mode: 'lenient', counts: { tp: 0, fp: 0, fn: 0 } },
    { name: 'in_compound gold counts', g: [gold(0, 5, 'a', ['in_compound'])], s: [], mode: 'lenient', counts: { tp: 0, fp: 0, fn: 1 } },
    {
      name: 'a later reference to a descriptive event is no fault',
      g: [gold(0, 5, 'e', ['descriptive'], 'event')],
      s: [sys(0, 5, 'e', 'event'), sys(20, 25, 'e', 'event')],
      mode: 'lenient',
      counts: { tp: 0, fp: 0, fn: 0 },
    },
    { name: 'NIL gold is never matched', g: [{ ...gold(0, 5, ''), entity: undefined }], s: [sys(0, 5, 'a')], mode: 'lenient', counts: { tp: 0, fp: 1, fn: 1 } },
  ] as { name: string; g: ScoredGold[]; s: ScoredSystem[]; mode: Mode; counts: { tp: number; fp: number; fn: number } }[])(
    '$name',
    ({ g, s, mode, counts }) => {
      expect(sumCounts(scoreArticle(g, s, scored, mode).counts)).toEqual(counts);
    },
  );

  it('core counts only unflagged gold', () => {
    const g = [gold(0, 5, 'a', ['metonym']), gold(6, 9, 'b')];
    expect(sumCounts(scoreArticle(g, [], core, 'lenient').counts)).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(sumCounts(scoreArticle(g, [], scored, 'lenient').counts)).toEqual({ tp: 0, fp: 0, fn: 2 });
  });

  it('computes precision, recall and F1', () => {
    expect(prf({ tp: 3, fp: 1, fn: 1 })).toEqual({ p: 0.75, r: 0.75, f1: 0.75 });
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ p: 1, r: 1, f1: 1 });
  });
});
