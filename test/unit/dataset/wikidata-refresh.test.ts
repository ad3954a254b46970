import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../../extension/dataset/build-pack';
import {
  aliasRule,
  applyRefresh,
  parseWikidataExport,
  planRefresh,
  renderScalar,
  unifiedDiff,
  type Change,
} from '../../../extension/dataset/wikidata-refresh';
import { parse } from 'yaml';
import { FIXTURES_DIR, removeTempDatasets, writeTempDataset } from './helpers';

const FIXTURE_PACK = join(FIXTURES_DIR, 'dataset/pack');
const EXPORT = readFileSync(join(FIXTURES_DIR, 'dataset/wikidata-export.json'), 'utf8');

/** A fresh copy of the fixture pack, so edits never touch the fixture. */
function copyOfFixturePack(): string {
  const names = ['pack.yaml', 'people.yaml', 'places.yaml'];
  return writeTempDataset(Object.fromEntries(names.map((n) => [n, readFileSync(join(FIXTURE_PACK, n), 'utf8')])));
}

function describeChange(change: Change): string {
  if (change.kind === 'add-alias') return `alias ${change.alias.text} ${change.alias.match}/${change.alias.case}`;
  if (change.kind === 'set') return `${change.field} ${change.before ?? '-'} -> ${change.after}`;
  return `source ${change.before ?? '-'} -> ${change.after}`;
}

describe('parseWikidataExport', () => {
  it('reads a wbgetentities answer, empty maps written as [] included', () => {
    const exported = parseWikidataExport(EXPORT);
    expect(Object.keys(exported.entities)).toContain('Q7747');
    expect(exported.entities.Q999999003!.aliases).toEqual({});
  });

  it.each([
    ['not JSON', '{"entities": ', /^not JSON/],
    ['no entities', '{"success": 1}', /not a wbgetentities export at entities/],
    ['a key that is not an item id', '{"entities": {"P31": {"id": "P31"}}}', /item ids like Q7747/],
    ['labels of the wrong shape', '{"entities": {"Q1": {"labels": {"en": "Universe"}}}}', /not a wbgetentities export at entities\.Q1\.labels/],
  ])('rejects %s', (_name, json, message) => {
    expect(() => parseWikidataExport(json)).toThrow(message);
  });
});

describe('planRefresh on the fixture export', () => {
  const { entities, problems } = loadSources(FIXTURE_PACK);
  const plan = planRefresh(parseWikidataExport(EXPORT), entities);
  const byId = new Map(plan.plans.map((p) => [p.source.entity.id, p.changes.map(describeChange)]));

  it('starts from a fixture pack with no problems', () => {
    expect(problems).toEqual([]);
  });

  it('adds missing labels and aliases in English, Russian and Ukrainian only, each with a safe rule', () => {
    expect(byId.get('vladimir-putin')).toEqual([
      'description President of Russia since 2012, previously 2000–2008 -> President of Russia since 2012',
      'alias Vladimir Vladimirovich Putin full/proper',
      'alias VVP full/exact',
      'alias Vova short/proper',
      "alias Putin's Russia leader full/proper",
      'alias Владимир Владимирович Путин full/proper',
      'alias Путин short/proper',
      'alias Володимир Володимирович Путін full/proper',
    ]);
  });

  it('finds an entity without an id by its Wikipedia title and adds the id', () => {
    expect(byId.get('test-minister')).toEqual(['wikidata - -> Q999999001', 'alias Minister Test full/proper']);
  });

  it('follows a merged item to its new id and moves the Wikipedia link and source with it', () => {
    expect(byId.get('test-town')).toEqual([
      'wikidata Q999999002 -> Q999999003',
      'wikipedia Test_Town -> Test_Town_(renamed)',
      'source https://en.wikipedia.org/wiki/Test_Town -> https://en.wikipedia.org/wiki/Test_Town_(renamed)',
    ]);
  });

  it('leaves alone, and says so: another entity\'s name, unknown items and missing items', () => {
    // In the order of the export's item ids.
    expect(plan.notes).toEqual([
      'Q90 (Paris): no entity of the pack has this id or English Wikipedia title; nothing changed',
      "test-minister: Wikidata alias 'Moscow' (en) is a full alias of moscow; not taken",
      'Q999999999: missing from Wikidata (deleted or never existed); nothing changed',
    ]);
    expect(byId.has('moscow')).toBe(false);
  });

  it('restricts itself to the fields and languages asked for', () => {
    const only = planRefresh(parseWikidataExport(EXPORT), entities, { fields: ['aliases'], languages: ['uk'] });
    expect(only.plans.flatMap((p) => p.changes.map(describeChange))).toEqual(['alias Володимир Володимирович Путін full/proper']);
  });
});

describe('applyRefresh', () => {
  afterAll(removeTempDatasets);
  const dir = copyOfFixturePack();
  const { entities } = loadSources(dir);
  const plan = planRefresh(parseWikidataExport(EXPORT), entities);
  const read = (file: string) => readFileSync(file, 'utf8');
  const updated = applyRefresh(plan.plans, read);

  it('rewrites only the lines that change: comments, summaries and layout stay byte for byte', () => {
    const people = join(dir, 'people.yaml');
    const before = read(people).split('\n');
    const after = updated.get(people)!.split('\n');
    const removed = before.filter((line) => !after.includes(line));
    expect(removed).toEqual(['  description: President of Russia since 2012, previously 2000–2008', '  aliases: [Test Minister]']);
    for (const line of before.filter((l) => l.startsWith('#') || l.startsWith('    A summary') || l.startsWith('    folded'))) {
      expect(after).toContain(line);
    }
  });

  it('appends to flow-style alias lists in flow style', () => {
    expect(updated.get(join(dir, 'people.yaml'))).toContain('  aliases: [Test Minister, Minister Test]');
  });

  it('gives a pack that loads with no problems and keeps the summaries', () => {
    const out = writeTempDataset({
      'pack.yaml': read(join(dir, 'pack.yaml')),
      'people.yaml': updated.get(join(dir, 'people.yaml'))!,
      'places.yaml': updated.get(join(dir, 'places.yaml'))!,
    });
    const after = loadSources(out);
    expect(after.problems).toEqual([]);
    const summaries = (list: typeof entities) => list.map((s) => s.entity.summary);
    expect(summaries(after.entities)).toEqual(summaries(entities));
    expect(after.entities.find((s) => s.entity.id === 'test-town')!.entity.wikidata).toBe('Q999999003');
  });

  it('changes nothing when run again on its own output', () => {
    const out = writeTempDataset({
      'pack.yaml': read(join(dir, 'pack.yaml')),
      'people.yaml': updated.get(join(dir, 'people.yaml'))!,
      'places.yaml': updated.get(join(dir, 'places.yaml'))!,
    });
    const again = planRefresh(parseWikidataExport(EXPORT), loadSources(out).entities);
    expect(again.plans).toEqual([]);
  });
});

describe('aliasRule', () => {
  it.each([
    ['Vladimir Putin', 'full', 'proper'],
    ['Putin', 'short', 'proper'],
    ['NATO', 'full', 'exact'],
    ['U.S.', 'full', 'exact'],
    ['ФСБ', 'full', 'exact'],
  ])('%s -> %s/%s', (text, match, kase) => {
    expect(aliasRule(text)).toEqual({ text, match, case: kase });
  });
});

describe('renderScalar', () => {
  it.each(['Moscow', 'Washington, D.C.', "People's Republic", 'https://en.wikipedia.org/wiki/Test_(a)', '2014', 'yes', 'a: b', 'Q7747', 'Путин'])(
    '%j reads back as itself in block and flow context',
    (text) => {
      expect(parse(`k: ${renderScalar(text)}`).k).toBe(text);
      expect(parse(`[${renderScalar(text, true)}]`)[0]).toBe(text);
    },
  );
});

describe('unifiedDiff', () => {
  it('prints hunks with removals before additions', () => {
    expect(unifiedDiff('f.yaml', 'a\nb\nc\nd\n', 'a\nB\nc\nd\n', 1)).toBe(['--- f.yaml', '+++ f.yaml', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c'].join('\n'));
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff('f.yaml', 'a\n', 'a\n')).toBe('');
  });
});
