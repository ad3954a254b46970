import { describe, expect, it } from 'vitest';
import type { FoundEntity } from '../../../extension/annotate/page-annotator';
import { groupFound, mentionsLabel } from '../../../extension/popup/group-found';

const f = (id: string, type: FoundEntity['type'], mentions = 1): FoundEntity => ({ id, name: id, type, mentions });

describe('groupFound', () => {
  it.each<[string, FoundEntity[], [string, string[]][]]>([
    ['types in a fixed order, entities in page order', [f('geneva', 'place'), f('peskov', 'person'), f('nato', 'organization'), f('putin', 'person')], [
      ['person', ['peskov', 'putin']],
      ['organization', ['nato']],
      ['place', ['geneva']],
    ]],
    ['no empty groups', [f('talks', 'event')], [['event', ['talks']]]],
    ['nothing found, no groups', [], []],
  ])('%s', (_name, found, groups) => {
    expect(groupFound(found).map((g) => [g.type, g.entities.map((e) => e.id)])).toEqual(groups);
  });
});

describe('mentionsLabel', () => {
  it.each([
    [1, '1 mention'],
    [2, '2 mentions'],
  ])('%i → %s', (n, label) => expect(mentionsLabel(n)).toBe(label));
});
