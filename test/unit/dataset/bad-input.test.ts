import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPackFromDir, formatProblem, loadSources } from '../../../extension/dataset/build-pack';
import { removeTempDatasets, TEST_REVIEWED, TEST_VERSION, writeTempDataset } from './helpers';

const PACK_YAML = `version: "${TEST_VERSION}"\n`;

/**
 * A valid entity in YAML, one field per line, so the cases below can say on
 * which line a problem is. `extra` lines are appended as they are.
 * Lines: 1 id, 2 type, 3 name, 4 aliases, 5 description, 6 summary, 7 sources,
 * 8 the URL, 9 reviewed, 10+ extra.
 */
function entity(id: string, extra = '', { type = 'place', reviewed = `reviewed: ${TEST_REVIEWED}` } = {}): string {
  return [
    `- id: ${id}`,
    `  type: ${type}`,
    `  name: Name of ${id}`,
    `  aliases: [Name of ${id}]`,
    `  description: A test entity`,
    `  summary: A test entity. It exists for tests.`,
    `  sources:`,
    `    - https://en.wikipedia.org/wiki/Test`,
    `  ${reviewed}`,
    extra,
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

interface BadCase {
  name: string;
  files: Record<string, string>;
  /** Each expected `file:line entity-id field: message` (the message may be a prefix). */
  expected: string[];
}

const CASES: BadCase[] = [
  {
    name: 'duplicate id across files',
    files: { 'a.yaml': entity('same'), 'b.yaml': entity('other') + entity('same') },
    expected: ["b.yaml:10 same id: duplicate id 'same': already defined in"],
  },
  {
    name: 'dangling related id',
    files: { 'places.yaml': entity('x', '  related: [x-ray, ghost]') },
    expected: ["places.yaml:10 x related[1]: unknown entity id 'ghost'", "places.yaml:10 x related[0]: unknown entity id 'x-ray'"],
  },
  {
    name: 'related to itself',
    files: { 'places.yaml': entity('x', '  related:\n    - x') },
    expected: ['places.yaml:11 x related[0]: an entity cannot be related to itself'],
  },
  {
    name: 'role that ends before it starts',
    files: {
      'people.yaml': entity('p', '  roles:\n    - title: Minister\n      from: 2014-05\n      to: 2012', { type: 'person' }),
    },
    expected: ['people.yaml:13 p roles[0].to: ends (2012) before it starts (2014-05)'],
  },
  {
    name: 'event that ends before it starts',
    files: { 'events.yaml': entity('e', '  start: 2022-01-10\n  end: 2022-01-09', { type: 'event' }) },
    expected: ['events.yaml:11 e end: ends (2022-01-09) before it starts (2022-01-10)'],
  },
  {
    name: 'event announced after it started',
    files: { 'events.yaml': entity('e', '  start: 2022-01-10\n  announced: 2022-01-11', { type: 'event' }) },
    expected: ['events.yaml:11 e announced: is after the start (2022-01-10)'],
  },
  {
    name: 'dates that do not exist',
    files: {
      'events.yaml': entity('e', '  start: 2021-02-30\n  end: 2021-13', { type: 'event' }),
    },
    expected: [
      "events.yaml:10 e start: '2021-02-30' is not a valid date",
      "events.yaml:11 e end: '2021-13' is not a valid date",
    ],
  },
  {
    name: 'a date that is not a date at all',
    files: { 'people.yaml': entity('p', '  roles:\n    - {title: Minister, from: last spring}', { type: 'person' }) },
    expected: ["people.yaml:11 p roles[0].from: 'last spring' is not a valid date"],
  },
  {
    name: 'one full alias claimed by two entities',
    files: {
      'people.yaml':
        entity('a', '', { type: 'person' }).replace('[Name of a]', '[Price]') +
        entity('b', '', { type: 'person' }).replace('[Name of b]', '[Ned Price, Price]'),
    },
    expected: ["people.yaml:13 b aliases[1]: full alias 'Price' (case: proper) is also a full alias of a in"],
  },
  {
    name: 'alias repeated within one entity',
    files: { 'places.yaml': entity('x').replace('[Name of x]', '[Name of x, name of X]') },
    expected: ["places.yaml:4 x aliases[1]: alias 'name of X' is listed twice"],
  },
  {
    name: 'reviewed missing',
    files: { 'places.yaml': entity('x', '', { reviewed: '# not reviewed yet' }) },
    expected: ['places.yaml:1 x reviewed: missing'],
  },
  {
    name: 'reviewed after the pack version',
    files: { 'places.yaml': entity('x', '', { reviewed: 'reviewed: 2026-12-01' }) },
    expected: ['places.yaml:9 x reviewed: 2026-12-01 is later than the pack version 2026.11.28'],
  },
  {
    name: 'unknown field (a typo)',
    files: { 'places.yaml': entity('x', '  wikipdia: Test') },
    expected: ['places.yaml:10 x wikipdia: unknown field'],
  },
  {
    name: 'a field of another type (roles on a place)',
    files: { 'places.yaml': entity('x', '  roles: []') },
    expected: ['places.yaml:10 x roles: unknown field'],
  },
  {
    name: 'malformed Wikidata id',
    files: { 'places.yaml': entity('x', '  wikidata: 7747') },
    expected: ['places.yaml:10 x wikidata: Invalid type'],
  },
  {
    name: 'Wikidata id without its Q',
    files: { 'places.yaml': entity('x', "  wikidata: 'X7747'") },
    expected: ['places.yaml:10 x wikidata: must be a Wikidata id like Q7747'],
  },
  {
    name: 'alias with an unknown match rule',
    files: { 'places.yaml': entity('x').replace('[Name of x]', '\n    - Name of x\n    - {text: X, match: partial}') },
    expected: ['places.yaml:6 x aliases[1].match: Invalid type: Expected ("full" | "short")'],
  },
  {
    name: 'alias with a typographic dash',
    files: { 'places.yaml': entity('x').replace('[Name of x]', '[NATO–Russia Council]') },
    expected: ["places.yaml:4 x aliases[0]: write ASCII - and '"],
  },
  {
    name: 'a date that is a decimal number',
    files: { 'events.yaml': entity('e', '  start: 2021.5', { type: 'event' }) },
    expected: ['events.yaml:10 e start: expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD'],
  },
  {
    name: 'required field missing',
    files: { 'places.yaml': entity('x').replace('  description: A test entity\n', '') },
    expected: ['places.yaml:1 x description: required field is missing'],
  },
  {
    name: 'unknown entity type',
    files: { 'places.yaml': entity('x', '', { type: 'country' }) },
    expected: ['places.yaml:2 x type: type must be one of: person, organization, place, event'],
  },
  {
    name: 'id that is not a kebab slug',
    files: { 'places.yaml': entity('Not_A_Slug') },
    expected: ['places.yaml:1 Not_A_Slug id: must be a kebab-case slug'],
  },
  {
    name: 'YAML syntax error: duplicate key',
    files: { 'places.yaml': entity('x', '  name: Again') },
    expected: ['places.yaml:10 (file) yaml: Map keys must be unique'],
  },
  {
    name: 'top level that is not a list',
    files: { 'places.yaml': 'id: x\n' },
    expected: ['places.yaml:1 (file) -: the top level must be a list of entities'],
  },
  {
    name: 'pack.yaml without a date version',
    files: { 'pack.yaml': 'version: 1.2.3\n', 'places.yaml': entity('x') },
    expected: ['pack.yaml:1 (pack) version: must be a date-based version'],
  },
  {
    name: 'pack.yaml with an impossible date',
    files: { 'pack.yaml': 'version: "2026.02.30"\n', 'places.yaml': entity('x', '', { reviewed: 'reviewed: 2026-01-01' }) },
    expected: ["pack.yaml:1 (pack) version: '2026.02.30' is not a real date"],
  },
  {
    name: 'problems in several files, all reported at once',
    files: {
      'people.yaml': entity('p', '  roles:\n    - {title: Minister, from: 2020, to: 2019}', { type: 'person' }),
      'places.yaml': entity('x', '  related: [nowhere]'),
    },
    expected: ['people.yaml:11 p roles[0].to: ends (2019) before it starts (2020)', "places.yaml:10 x related[0]: unknown entity id 'nowhere'"],
  },
];

describe('buildPackFromDir on bad sources', () => {
  afterAll(removeTempDatasets);

  it.each(CASES)('$name', ({ files, expected }) => {
    const dir = writeTempDataset({ 'pack.yaml': PACK_YAML, ...files });
    let message = '';
    try {
      buildPackFromDir(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n').slice(1);
    expect(message).toMatch(new RegExp(`has ${expected.length} problems?:`));
    for (const want of expected) {
      // Paths outside the working directory are shown absolute: `<dir>/file:line ...`.
      expect(lines.some((line) => line.startsWith(join(dir, want))), `missing:\n${want}\nin:\n${message}`).toBe(true);
    }
  });

  it('reports a missing pack.yaml', () => {
    const dir = writeTempDataset({ 'places.yaml': entity('x') });
    expect(() => buildPackFromDir(dir)).toThrow(`${join(dir, 'pack.yaml')}:1 (pack) version: pack.yaml is missing`);
  });

  it('lists problems sorted by file and line, one per line, in the documented format', () => {
    const dir = writeTempDataset({
      'pack.yaml': PACK_YAML,
      'b.yaml': entity('b', '  related: [nowhere]'),
      'a.yaml': entity('a', '  wikidata: bad') + entity('c', '  related: [gone]'),
    });
    const { problems } = loadSources(dir);
    expect(problems.map(formatProblem)).toEqual([
      `${join(dir, 'a.yaml')}:10 a wikidata: must be a Wikidata id like Q7747`,
      `${join(dir, 'a.yaml')}:20 c related[0]: unknown entity id 'gone'`,
      `${join(dir, 'b.yaml')}:10 b related[0]: unknown entity id 'nowhere'`,
    ]);
  });

  it('does not cascade: a link to an entity that failed the schema is not reported as dangling', () => {
    const dir = writeTempDataset({ 'pack.yaml': PACK_YAML, 'places.yaml': entity('x', '  related: [y]') + entity('y', '  wikidata: bad') });
    expect(loadSources(dir).problems.map((p) => `${p.entity} ${p.field}`)).toEqual(['y wikidata']);
  });

  it('builds a small valid pack, accepting unquoted years and plain-string aliases', () => {
    const dir = writeTempDataset({
      'pack.yaml': PACK_YAML,
      'people.yaml': entity('p', '  roles:\n    - {title: Minister, from: 2014}', { type: 'person' }),
      'events.yaml': entity('e', '  start: 2022-01-10\n  end: 2022-01-10\n  place: Geneva', { type: 'event' }),
    });
    const pack = buildPackFromDir(dir);
    expect(pack.version).toBe(TEST_VERSION);
    expect(pack.entities.map((e) => e.id)).toEqual(['e', 'p']);
    expect(pack.entities[1]!.roles).toEqual([{ title: 'Minister', from: '2014' }]);
    expect(pack.entities[0]).toMatchObject({ start: '2022-01-10', end: '2022-01-10', place: 'Geneva' });
  });
});
