import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildPackFromDir } from '../../../extension/dataset/build-pack';
import type { CardData } from '../../../extension/dataset/pack';
import { TIMELINE_SIDE, eventTimeline, timelineLabel } from '../../../extension/card/timeline';

const event = (id: string, start: string, related: string[] = []): CardData => ({
  id,
  type: 'event',
  name: id,
  description: '',
  summary: '',
  start,
  related,
  reviewed: '2026-11-28',
});

const ids = (list: CardData[]) => list.map((e) => e.id);

describe('eventTimeline', () => {
  const demands = event('demands', '2021-12-15', ['talks']);
  const all = [
    event('enlargement', '1952', ['demands']),
    event('build-up', '2021-03', ['demands']),
    event('video-call', '2021-12-07'),
    demands,
    event('talks', '2022-01-09'),
    event('council', '2022-01-12'),
    event('invasion', '2022-02-24'),
    event('far-away', '2010-05-01'),
  ];

  it.each<[string, CardData, CardData[], string[]]>([
    ['the closest on each side, related ones pulled closer, in date order', demands, all, ['build-up', 'video-call', 'demands', 'talks', 'council']],
    ['a side with too few lends its places to the other', event('last', '2022-03-01'), all, ['talks', 'council', 'invasion', 'last']],
    ['nothing near and nothing related: no timeline', event('lonely', '1800-01-01'), all, []],
    ['not an event: no timeline', { ...demands, type: 'person' }, all, []],
    ['an event without a date: no timeline', { ...demands, start: undefined }, all, []],
  ])('%s', (_name, subject, pack, expected) => {
    expect(ids(eventTimeline(subject, pack))).toEqual(expected);
  });

  it('never shows more than the event and TIMELINE_SIDE neighbours a side', () => {
    expect(eventTimeline(demands, all).length).toBeLessThanOrEqual(2 * TIMELINE_SIDE + 1);
  });

  it('puts the pack’s December demands between the build-up and the January talks', () => {
    const pack = buildPackFromDir(resolve(import.meta.dirname, '../../../assets/dataset'));
    const demandsCard = pack.entities.find((e) => e.id === 'russia-security-demands-2021')!;
    const line = ids(eventTimeline(demandsCard, pack.entities));
    const at = (id: string) => line.indexOf(id);
    expect(at('prelude-to-russian-invasion-of-ukraine')).toBeGreaterThanOrEqual(0);
    expect(at('prelude-to-russian-invasion-of-ukraine')).toBeLessThan(at('russia-security-demands-2021'));
    expect(at('geneva-security-talks-2022-01')).toBeGreaterThan(at('russia-security-demands-2021'));
  });
});

describe('timelineLabel', () => {
  it.each([
    ["Russia's security demands (December 2021)", "Russia's security demands"],
    ['War in Donbas (2014–2022)', 'War in Donbas'],
    ['Cold War', 'Cold War'],
    ['(2014)', '(2014)'],
  ])('%s → %s', (name, label) => expect(timelineLabel(name)).toBe(label));
});
