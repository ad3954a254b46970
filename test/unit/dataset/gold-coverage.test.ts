import { describe, expect, it } from 'vitest';
import { loadSources } from '../../../extension/dataset/build-pack';
import { foldAlias } from '../../../extension/dataset/compile';
import type { AliasSource, EntitySource } from '../../../extension/dataset/schema';
import { EVENT_KEY_TO_ID, GOLD_TYPE, goldNames, readGoldArticle } from '../../../scripts/lib/gold';
import { DATASET_DIR } from './helpers';

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

describe.each(goldNames())('gold entities of %s', (name) => {
  const mentions = readGoldArticle(name).mentions.filter((m) => !m.entity.startsWith('NIL:'));
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
