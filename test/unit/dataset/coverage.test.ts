import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../../extension/dataset/build-pack';
import { coverageReport, missingNames } from '../../../extension/dataset/coverage';
import { loadMatcher, type Mention } from '../../../extension/matcher';
import { DATASET_DIR, FIXTURES_DIR } from './helpers';

const pack = buildPackFromDir(DATASET_DIR);
const matcher = loadMatcher(pack.matcher);
const cards = new Map(pack.entities.map((c) => [c.id, c]));

describe('missingNames', () => {
  const cases: { name: string; text: string; mentions?: Mention[]; want: [string, number][] }[] = [
    {
      name: 'runs of capitalised words, joined by name connectors, ranked by frequency',
      text: 'Ivan Petrenko met the Institute of Eurasian Studies. Later Ivan Petrenko left.',
      want: [['Ivan Petrenko', 2], ['Institute of Eurasian Studies', 1]],
    },
    {
      name: 'titles, demonyms and sentence openers trimmed from the ends',
      text: 'Russian Foreign Minister Ivan Petrenko spoke on Monday. However, Petrenko said no.',
      want: [['Ivan Petrenko', 1], ['Petrenko', 1]],
    },
    {
      name: 'a capitalised common word that the text also writes in lower case',
      text: 'Talks began. The talks went on.',
      want: [],
    },
    {
      name: 'possessives dropped, names split at punctuation and line breaks',
      text: "Petrenko's plan, Oksana Ivanenko\nKharkiv Times",
      want: [['Kharkiv Times', 1], ['Oksana Ivanenko', 1], ['Petrenko', 1]],
    },
    {
      name: 'words covered by a mention are not missing',
      text: 'Ivan Petrenko met Olga Ivanenko.',
      mentions: [{ start: 18, end: 31, entity: 'x', score: 1 }],
      want: [['Ivan Petrenko', 1]],
    },
  ];
  it.each(cases)('$name', ({ text, mentions = [], want }) => {
    expect(missingNames(text, mentions).map((m) => [m.name, m.count])).toEqual(want);
  });
});

describe('coverageReport on the Moscow Times article', () => {
  const text = readFileSync(join(FIXTURES_DIR, 'articles/seed-moscowtimes.txt'), 'utf8');
  const report = coverageReport(text, matcher, cards, { date: '2021-12-30' });
  const lit = new Map(report.lit.map((e) => [e.id, e]));

  it('lights up the article\'s people, places, organisations and events', () => {
    for (const id of ['vladimir-putin', 'joe-biden', 'dmitry-peskov', 'nato', 'geneva-security-talks-2022-01', 'russia-security-demands-2021']) {
      expect(lit.has(id), id).toBe(true);
    }
    expect(lit.get('joe-biden')!.surfaces).toEqual(expect.arrayContaining(['Joe Biden', 'Biden']));
    expect(report.mentionCount).toBe(report.lit.reduce((n, e) => n + e.mentions, 0));
  });

  it('ranks the lit entities by mentions', () => {
    const counts = report.lit.map((e) => e.mentions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('lists no name the pack already has as missing', () => {
    const names = new Set(report.missing.map((m) => m.name));
    for (const name of ['Vladimir Putin', 'Putin', 'Joe Biden', 'NATO', 'Geneva', 'Sergei Lavrov']) expect(names.has(name), name).toBe(false);
  });
});
