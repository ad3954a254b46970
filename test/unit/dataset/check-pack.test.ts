import { describe, expect, it } from 'vitest';
import { checkPack, formatFieldPath } from '../../../extension/dataset/compile';
import { compareIsoDates, isValidIsoDate } from '../../../extension/dataset/schema';
import { entityInput, sourced, TEST_VERSION } from './helpers';

const META = { version: TEST_VERSION };

type Alias = string | { text: string; match?: 'full' | 'short'; case?: 'proper' | 'exact' | 'any' };

interface AliasCase {
  name: string;
  a: Alias;
  b: Alias;
  /** Extra fields of both entities (e.g. event dates). */
  aExtra?: Record<string, unknown>;
  bExtra?: Record<string, unknown>;
  conflict: boolean;
}

/** When two entities may claim the same alias: only when some rule separates them. */
const ALIAS_CASES: AliasCase[] = [
  { name: 'two proper full aliases', a: 'Price', b: 'Price', conflict: true },
  { name: 'same word, different capitals, both proper (all-caps text matches both)', a: 'Price', b: 'PRICE', conflict: true },
  { name: 'full and short', a: 'Price', b: { text: 'Price', match: 'short' }, conflict: false },
  { name: 'two short', a: { text: 'Price', match: 'short' }, b: { text: 'Price', match: 'short' }, conflict: false },
  { name: 'any and proper', a: { text: 'geneva talks', case: 'any' }, b: 'Geneva Talks', conflict: true },
  { name: 'two exact with different capitals', a: { text: 'US', case: 'exact' }, b: { text: 'Us', case: 'exact' }, conflict: false },
  { name: 'two identical exact', a: { text: 'US', case: 'exact' }, b: { text: 'US', case: 'exact' }, conflict: true },
  { name: 'exact with the capitals a proper alias needs', a: { text: 'US', case: 'exact' }, b: 'Us', conflict: true },
  { name: 'exact lacking a capital the proper alias needs', a: { text: 'us', case: 'exact' }, b: 'Us', conflict: false },
  {
    name: 'events on dates that do not overlap',
    a: { text: 'Biden-Putin call', case: 'any' },
    b: { text: 'Biden-Putin call', case: 'any' },
    aExtra: { type: 'event', start: '2021-12-30', end: '2021-12-30' },
    bExtra: { type: 'event', start: '2022-02-12', end: '2022-02-12' },
    conflict: false,
  },
  {
    name: 'an event whose announcement overlaps an earlier event',
    a: { text: 'Biden-Putin call', case: 'any' },
    b: { text: 'Biden-Putin call', case: 'any' },
    aExtra: { type: 'event', start: '2021-12-30', end: '2021-12-30' },
    bExtra: { type: 'event', start: '2022-01-05', end: '2022-01-05', announced: '2021-12-29' },
    conflict: true,
  },
  {
    name: 'events whose dates overlap',
    a: { text: 'Ukraine crisis', case: 'any' },
    b: { text: 'Ukraine crisis', case: 'any' },
    aExtra: { type: 'event', start: '2021-03', end: '2022-02-24' },
    bExtra: { type: 'event', start: '2022-01' },
    conflict: true,
  },
  {
    name: 'an ongoing event and a later one',
    a: { text: 'war', case: 'any' },
    b: { text: 'war', case: 'any' },
    aExtra: { type: 'event', start: '2014-02' },
    bExtra: { type: 'event', start: '2022-02-24' },
    conflict: true,
  },
  {
    name: 'an event and a place',
    a: 'Minsk',
    b: 'Minsk',
    aExtra: { type: 'event', start: '2014-09-05', end: '2015-02-12' },
    conflict: true,
  },
];

describe('checkPack: alias claims', () => {
  it.each(ALIAS_CASES)('$name: conflict=$conflict', ({ a, b, aExtra = {}, bExtra = {}, conflict }) => {
    const entities = sourced([
      entityInput('first', { aliases: [a], ...aExtra }),
      entityInput('second', { aliases: [b], ...bExtra }),
    ]);
    const problems = checkPack(META, entities);
    expect(problems.map((p) => `${p.entity} ${p.field}`)).toEqual(conflict ? ['second aliases[0]'] : []);
  });
});

describe('checkPack: other whole-pack rules', () => {
  const CASES: { name: string; inputs: Parameters<typeof entityInput>[]; expected: string[] }[] = [
    { name: 'a clean pack', inputs: [['a'], ['b', { related: ['a'] }]], expected: [] },
    { name: 'duplicate id', inputs: [['a'], ['a']], expected: ["a id: duplicate id 'a': already defined in test.yaml"] },
    {
      name: 'duplicate Wikipedia title',
      inputs: [['a', { wikipedia: 'Kyiv' }], ['b', { wikipedia: 'Kyiv' }]],
      expected: ["b wikipedia: 'Kyiv' is also the wikipedia of a in test.yaml"],
    },
    { name: 'dangling related', inputs: [['a', { related: ['b'] }]], expected: ["a related[0]: unknown entity id 'b'"] },
    { name: 'related listed twice', inputs: [['a', { related: ['b', 'b'] }], ['b']], expected: ["a related[1]: 'b' is listed twice"] },
    {
      name: 'role dates at different precisions are not inverted',
      inputs: [['p', { type: 'person', roles: [{ title: 'T', from: '2014-05', to: '2014' }] }]],
      expected: [],
    },
    {
      name: 'leap day exists only in leap years',
      inputs: [['e', { type: 'event', start: '2024-02-29', end: '2023-02-29' }]],
      expected: ["e end: '2023-02-29' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)"],
    },
    { name: 'a phrase that is not a name, containing an alias', inputs: [['a', { aliases: ['Austin'], not: ['Austin, Texas'] }]], expected: [] },
    {
      name: 'a phrase that is not a name, containing no alias as whole words',
      inputs: [['a', { aliases: ['Austin'], not: ['Austintown'] }]],
      expected: ["a not[0]: 'Austintown' contains none of a's aliases as whole words"],
    },
    {
      name: "a phrase that is not a name, spelling another entity's alias",
      inputs: [['a', { aliases: ['Austin'], not: ['Austin Texas'] }], ['b', { aliases: ['Austin Texas'] }]],
      expected: ["a not[0]: 'Austin Texas' is an alias; a phrase in 'not' must be longer than the name it silences"],
    },
    { name: 'reviewed missing', inputs: [['a', { reviewed: undefined }]], expected: ['a reviewed: missing: say when the facts were last checked (YYYY-MM-DD)'] },
  ];

  it.each(CASES)('$name', ({ inputs, expected }) => {
    const problems = checkPack(META, sourced(inputs.map(([id, overrides]) => entityInput(id, overrides))));
    expect(problems.map((p) => `${p.entity} ${p.field}: ${p.message}`)).toEqual(expected);
  });
});

describe('ISO dates', () => {
  it.each([
    ['2014', true],
    ['2014-03', true],
    ['2014-03-18', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2014-13', false],
    ['2014-00', false],
    ['2014-04-31', false],
    ['14-03-2014', false],
    ['2014/03/18', false],
    ['', false],
  ])('isValidIsoDate(%j) is %s', (text, valid) => {
    expect(isValidIsoDate(text)).toBe(valid);
  });

  it.each([
    ['2014', '2015', -1],
    ['2014-05', '2014', 0],
    ['2014-02-28', '2014-03', -1],
    ['2022-01-10', '2022-01-09', 1],
  ])('compareIsoDates(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareIsoDates(a, b))).toBe(sign);
  });
});

describe('formatFieldPath', () => {
  it.each([
    [['id'], 'id'],
    [['roles', 0, 'to'], 'roles[0].to'],
    [['aliases', 3], 'aliases[3]'],
    [[], '-'],
  ] as const)('%j -> %s', (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });
});
