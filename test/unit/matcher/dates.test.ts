import { describe, expect, it } from 'vitest';
import { articleDay, dateFit, earliestDay, latestDay } from '../../../extension/matcher/dates';

describe('partial ISO dates', () => {
  it.each([
    { iso: '2022', earliest: '2022-01-01', latest: '2022-12-31' },
    { iso: '2022-02', earliest: '2022-02-01', latest: '2022-02-31' },
    { iso: '2022-02-24', earliest: '2022-02-24', latest: '2022-02-24' },
  ])('pads $iso', ({ iso, earliest, latest }) => {
    expect(earliestDay(iso)).toBe(earliest);
    expect(latestDay(iso)).toBe(latest);
  });

  it.each(['24 Feb 2022', '2022/02/24', '22-02-24', ''])('rejects %j', (iso) => {
    expect(() => earliestDay(iso)).toThrow(/ISO date/);
  });

  it.each([
    { date: '2021-12-30', day: '2021-12-30' },
    { date: '2021-12-30T18:00:00Z', day: '2021-12-30' },
    { date: 'yesterday', day: undefined },
    { date: undefined, day: undefined },
  ])('reads the article day from $date', ({ date, day }) => {
    expect(articleDay(date)).toBe(day);
  });
});

describe('dateFit', () => {
  it.each([
    { name: 'undated, day known', from: undefined, to: undefined, day: '2021-12-30', want: { rank: '~', dated: false } },
    { name: 'undated, day unknown', from: undefined, to: undefined, day: undefined, want: { rank: '', dated: false } },
    { name: 'dated, day unknown', from: '2022-02-24', to: undefined, day: undefined, want: { rank: '', dated: true } },
    { name: 'not yet begun', from: '2022-02-24', to: undefined, day: '2022-02-23', want: undefined },
    { name: 'first day', from: '2022-02-24', to: undefined, day: '2022-02-24', want: { rank: '~', dated: true } },
    { name: 'under way', from: '2021-03-01', to: '2022-02-23', day: '2021-12-30', want: { rank: '~', dated: true } },
    { name: 'ended', from: '2013-11-21', to: '2014-12-31', day: '2021-12-30', want: { rank: '2014-12-31', dated: true } },
  ])('$name', ({ from, to, day, want }) => {
    expect(dateFit(from, to, day)).toEqual(want);
  });
});
