import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../../extension/dataset/build-pack';
import { foldAlias } from '../../../extension/dataset/compile';
import type { EntityType } from '../../../extension/dataset/pack';
import type { AliasSource, EntitySource } from '../../../extension/dataset/schema';
import { DATASET_DIR, FIXTURES_DIR } from './helpers';

/** The gold files of test/fixtures/gold, one per article. */
const GOLD_FILES = ['seed-moscowtimes.json', 'cnn-2021-12-29-biden-putin-call.json'];

/**
 * Events without a Wikipedia article of their own: gold `event:` keys (EVENTS.md)
 * mapped to dataset ids. Every other gold entity is found by its `wikipedia` title.
 */
const EVENT_KEY_TO_ID: Record<string, string> = {
  'event:Russia_December_2021_security_demands': 'russia-security-demands-2021',
  'event:Biden-Putin_video_call_7_December_2021': 'biden-putin-video-call-2021-12-07',
  'event:Biden-Putin_phone_call_30_December_2021': 'biden-putin-phone-call-2021-12-30',
  'event:US-Russia_Geneva_security_talks_January_2022': 'geneva-security-talks-2022-01',
  'event:NATO-Russia_Council_meeting_12_January_2022': 'nato-russia-council-meeting-2022-01-12',
  'event:OSCE_Permanent_Council_meeting_13_January_2022': 'osce-permanent-council-meeting-2022-01-13',
};

/** Gold types (RULES.md §7) in the pack's spelling. */
const GOLD_TYPE: Record<string, EntityType> = {
  person: 'person',
  organisation: 'organization',
  place: 'place',
  event: 'event',
};

interface GoldMention {
  surface: string;
  entity: string;
  type: string;
  descriptive?: boolean;
}

function readGold(file: string): GoldMention[] {
  return (JSON.parse(readFileSync(join(FIXTURES_DIR, 'gold', file), 'utf8')) as { mentions: GoldMention[] }).mentions;
}

/** Whether `alias` accepts `surface` under its case policy (see AliasCase in matcher/types.ts). */
function aliasAccepts(alias: AliasSource, surface: string): boolean {
  if (alias.case === 'any') return foldAlias(alias.text) === foldAlias(surface);
  if (alias.case === 'exact') return alias.text === surface;
  return alias.text === surface || alias.text.toUpperCase() === surface;
}

const { entities } = loadSources(DATASET_DIR);
const byWikipedia = new Map(entities.filter((s) => s.entity.wikipedia).map((s) => [s.entity.wikipedia!, s.entity]));
const byId = new Map(entities.map((s) => [s.entity.id, s.entity]));

function findEntity(gold: string): EntitySource | undefined {
  return gold.startsWith('event:') ? byId.get(EVENT_KEY_TO_ID[gold] ?? '') : byWikipedia.get(gold);
}

describe.each(GOLD_FILES)('gold entities of %s', (file) => {
  const mentions = readGold(file).filter((m) => !m.entity.startsWith('NIL:'));
  const goldEntities = [...new Map(mentions.map((m) => [m.entity, m.type])).entries()];

  it('has gold to check', () => {
    expect(goldEntities.length).toBeGreaterThan(20);
  });

  it.each(goldEntities)('%s (%s) is in the pack with the same type', (gold, type) => {
    const entity = findEntity(gold);
    expect(entity, `no entity for ${gold}`).toBeDefined();
    expect(entity!.type).toBe(GOLD_TYPE[type]);
  });

  // Descriptive mentions ("the call", "talks") are common nouns the pack deliberately does not list.
  const named = [...new Map(mentions.filter((m) => !m.descriptive).map((m) => [`${m.entity}|${m.surface}`, m])).values()];
  it.each(named.map((m) => [m.surface, m.entity] as const))('surface "%s" is an alias of %s', (surface, gold) => {
    const entity = findEntity(gold);
    expect(entity?.aliases.some((a) => aliasAccepts(a, surface)), `${gold} lacks alias "${surface}"`).toBe(true);
  });
});
