import { describe, expect, it } from 'vitest';
import { articleDay, dateFit, earliestDay, latestDay, NO_DAY } from '../../../extension/matcher/dates';

describe('partial ISO dates', () => {
  it.each([
    { iso: '2022', earliest: 20220101, latest: 20221231 },
    { iso: '2022-02', earliest: 20220201, latest: 20220231 },
    { iso: '2022-02-24', earliest: 20220224, latest: 20220224 },
  ])('pads $iso', ({ iso, earliest, latest }) => {
    expect(earliestDay(iso)).toBe(earliest);
    expect(latestDay(iso)).toBe(latest);
  });

  it.each(['24 Feb 2022', '2022/02/24', '22-02-24', ''])('rejects %j', (iso) => {
    expect(() => earliestDay(iso)).toThrow(/ISO date/);
  });

  it.each([
    { date: '2021-12-30', day: 20211230 },
    { date: '2021-12-30T18:00:00Z', day: 20211230 },
    { date: 'yesterday', day: undefined },
    { date: undefined, day: undefined },
  ])('reads the article day from $date', ({ date, day }) => {
    expect(articleDay(date)).toBe(day);
  });
});

describe('dateFit', () => {
  const ONGOING = { rank: 99_999_999, dated: true };
  it.each([
    { name: 'undated, day known', from: NO_DAY, to: NO_DAY, day: 20211230, want: { rank: ONGOING.rank, dated: false } },
    { name: 'undated, day unknown', from: NO_DAY, to: NO_DAY, day: undefined, want: { rank: 0, dated: false } },
    { name: 'dated, day unknown', from: 20220224, to: NO_DAY, day: undefined, want: { rank: 0, dated: true } },
    { name: 'not yet begun', from: 20220224, to: NO_DAY, day: 20220223, want: undefined },
    { name: 'first day', from: 20220224, to: NO_DAY, day: 20220224, want: ONGOING },
    { name: 'under way', from: 20210301, to: 20220223, day: 20211230, want: ONGOING },
    { name: 'last day', from: 20210301, to: 20220223, day: 20220223, want: ONGOING },
    { name: 'ended', from: 20131121, to: 20141231, day: 20211230, want: { rank: 20141231, dated: true } },
  ])('$name', ({ from, to, day, want }) => {
    expect(dateFit(from, to, day)).toEqual(want);
  });

  it('ranks an ongoing event above one that ended, and the later end above the earlier', () => {
    const day = 20220110;
    const ongoing = dateFit(20211201, NO_DAY, day)!.rank;
    const endedLate = dateFit(20210301, 20211231, day)!.rank;
    const endedEarly = dateFit(20131121, 20141231, day)!.rank;
    expect(ongoing).toBeGreaterThan(endedLate);
    expect(endedLate).toBeGreaterThan(endedEarly);
  });
});
