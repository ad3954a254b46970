import { describe, expect, it } from 'vitest';
import type { CardData, Role } from '../../../extension/dataset/pack';
import { eventDates, formatDate, formatShortDate, oneLine, roleAt, wikipediaUrl } from '../../../extension/card/card-facts';

const blinkenRoles: Role[] = [
  { title: 'U.S. Deputy Secretary of State', from: '2015-01-09', to: '2017-01-20' },
  { title: 'U.S. Secretary of State', from: '2021-01-26', to: '2025-01-20' },
];

describe('roleAt', () => {
  it.each([
    ['a date inside a role', '2021-12-30', 'U.S. Secretary of State'],
    ['a date inside an earlier role', '2016-06-01', 'U.S. Deputy Secretary of State'],
    ['the first day of a role', '2021-01-26', 'U.S. Secretary of State'],
    ['a date between roles falls back to the latest', '2019-01-01', 'U.S. Secretary of State'],
    ['no date: the latest role', undefined, 'U.S. Secretary of State'],
  ])('%s', (_name, date, title) => {
    expect(roleAt(blinkenRoles, date)?.title).toBe(title);
  });

  it('treats year-only and month-only bounds as whole periods', () => {
    const roles: Role[] = [{ title: 'Press secretary', from: '2012', to: '2012-05' }];
    expect(roleAt(roles, '2012-01-01')?.title).toBe('Press secretary');
    expect(roleAt(roles, '2012-05-31')?.title).toBe('Press secretary');
  });

  it('has nothing to say without roles', () => {
    expect(roleAt(undefined, '2021-12-30')).toBeUndefined();
    expect(roleAt([], '2021-12-30')).toBeUndefined();
  });
});

const base: CardData = {
  id: 'x',
  type: 'person',
  name: 'X',
  description: 'A description',
  summary: 'A summary.',
  related: [],
  reviewed: '2026-11-28',
};

describe('oneLine', () => {
  it('says what a person was at the article’s date', () => {
    expect(oneLine({ ...base, roles: blinkenRoles }, '2016-01-01')).toBe('U.S. Deputy Secretary of State');
  });
  it('falls back to the description for people without roles and for other types', () => {
    expect(oneLine(base, '2021-12-30')).toBe('A description');
    expect(oneLine({ ...base, type: 'organization', roles: blinkenRoles })).toBe('A description');
  });
});

describe('dates', () => {
  it.each([
    ['2022-01-10', '10 January 2022'],
    ['2014-03', 'March 2014'],
    ['2014', '2014'],
  ])('formats %s as %s', (iso, text) => expect(formatDate(iso)).toBe(text));

  it.each([
    ['2022-01-10', '10 Jan 2022'],
    ['2014-03', 'Mar 2014'],
    ['2014', '2014'],
  ])('formats %s for the timeline as %s', (iso, text) => expect(formatShortDate(iso)).toBe(text));

  it.each([
    [{ start: '2022-01-10' }, '10 January 2022'],
    [{ start: '2022-01-10', end: '2022-01-10' }, '10 January 2022'],
    [{ start: '2014-04', end: '2022-02-24' }, 'April 2014 – 24 February 2022'],
  ])('gives an event’s dates %o as %s', (dates, text) => {
    expect(eventDates({ ...base, type: 'event', ...dates })).toBe(text);
  });

  it('gives no dates for non-events', () => {
    expect(eventDates({ ...base, start: '2022-01-10' })).toBeUndefined();
  });
});

describe('wikipediaUrl', () => {
  it.each([
    ['Dmitry_Peskov', 'https://en.wikipedia.org/wiki/Dmitry_Peskov'],
    ['NATO–Russia_Council', 'https://en.wikipedia.org/wiki/NATO%E2%80%93Russia_Council'],
    ['javascript:alert(1)', 'https://en.wikipedia.org/wiki/javascript%3Aalert(1)'],
  ])('builds an https Wikipedia link for %s', (title, url) => expect(wikipediaUrl(title)).toBe(url));
});
