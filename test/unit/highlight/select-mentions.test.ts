import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../extension/dataset/pack';
import { selectMentions, type MentionFilter } from '../../../extension/highlight/select-mentions';

/** A mention at `pos` (document order) of `entity`. */
interface M {
  entity: string;
  type: EntityType;
  pos: number;
}
const m = (entity: string, pos: number, type: EntityType = 'person'): M => ({ entity, type, pos });
const before = (a: M, b: M) => a.pos < b.pos;
const ALL: EntityType[] = ['person', 'organization', 'place', 'event'];
const filter = (types: EntityType[], firstOnly: boolean): MentionFilter => ({ types: new Set(types), firstOnly });

describe('selectMentions', () => {
  it.each<[string, M[], M[], MentionFilter, number[], number[]]>([
    ['every mention of every type', [m('a', 1), m('b', 2, 'place'), m('a', 3)], [], filter(ALL, false), [1, 2, 3], []],
    ['unwanted types dropped', [m('a', 1), m('b', 2, 'place'), m('a', 3)], [], filter(['place'], false), [2], []],
    ['first only: one per entity, the earliest', [m('a', 3), m('a', 1), m('b', 2)], [], filter(ALL, true), [1, 2], []],
    ['first only: a later mention of a painted entity is dropped', [m('a', 5)], [m('a', 2)], filter(ALL, true), [], []],
    ['first only: an earlier one replaces the painted one', [m('a', 1)], [m('a', 2)], filter(ALL, true), [1], [2]],
    ['first only and types together', [m('a', 1), m('n', 2, 'organization'), m('n', 3, 'organization')], [], filter(['organization'], true), [2], []],
    ['nothing in, nothing out', [], [m('a', 2)], filter(ALL, true), [], []],
  ])('%s', (_name, incoming, painted, f, paint, unpaint) => {
    const firstPainted = new Map(painted.map((p) => [p.entity, p]));
    const result = selectMentions(incoming, firstPainted, f, before);
    expect(result.paint.map((x) => x.pos).sort()).toEqual(paint);
    expect(result.unpaint.map((x) => x.pos)).toEqual(unpaint);
  });
});
