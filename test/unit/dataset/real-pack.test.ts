import { describe, expect, it } from 'vitest';
import { buildPackFromDir, loadSources } from '../../../extension/dataset/build-pack';
import { checkPack, compilePack } from '../../../extension/dataset/compile';
import { ENTITY_TYPES } from '../../../extension/dataset/pack';
import { DATASET_DIR } from './helpers';

/** The core actors of the 2021-2022 story that the pack must always cover. */
const CORE_IDS = [
  'vladimir-putin', 'volodymyr-zelenskyy', 'joe-biden', 'antony-blinken', 'sergey-lavrov', 'dmitry-peskov',
  'maria-zakharova', 'sergei-ryabkov', 'wendy-sherman', 'ned-price', 'sergei-shoigu', 'jens-stoltenberg',
  'dmytro-kuleba', 'jake-sullivan', 'evan-gershkovich', 'sebastian-smith',
  'moscow-kremlin', 'nato', 'osce', 'european-union', 'united-nations', 'white-house', 'us-state-department',
  'the-pentagon', 'nato-russia-council', 'agence-france-presse', 'the-moscow-times', 'cnn',
  'crimea', 'donbas', 'donetsk', 'luhansk', 'kyiv', 'moscow', 'washington-dc', 'geneva',
  'russia-security-demands-2021', 'geneva-security-talks-2022-01', 'nato-russia-council-meeting-2022-01-12',
  'osce-permanent-council-meeting-2022-01-13', 'biden-putin-video-call-2021-12-07',
  'biden-putin-phone-call-2021-12-30', 'war-in-donbas', 'annexation-of-crimea',
  'prelude-to-russian-invasion-of-ukraine', 'russian-invasion-of-ukraine', 'minsk-agreements', 'enlargement-of-nato',
];

/** Surnames and names that are also common words or other names: never a full alias on their own. */
const SHORT_ONLY = ['Price', 'Sherman', 'Sullivan', 'Washington', 'Georgia', 'West', 'America', 'Security Council'];

/** Acronyms that must match only in capitals. */
const EXACT_ONLY = ['NATO', 'OSCE', 'US', 'U.S.', 'EU', 'UN', 'AFP', 'CNN', 'USSR', 'UK'];

/** Event phrases that news copy writes in lower case. */
const CASE_ANY = ['security demands', 'Geneva talks', 'talks in Geneva', 'U.S.-Russia talks', 'draft treaties'];

describe('the real knowledge pack in assets/dataset', () => {
  const sources = loadSources(DATASET_DIR);
  const pack = buildPackFromDir(DATASET_DIR);
  const cards = new Map(pack.entities.map((e) => [e.id, e]));
  const aliasesOf = (text: string) =>
    sources.entities.flatMap((s) => s.entity.aliases.filter((a) => a.text === text).map((a) => ({ id: s.entity.id, ...a })));

  it('loads with no schema or pack problems', () => {
    expect(sources.problems).toEqual([]);
    expect(sources.meta).toBeDefined();
    expect(checkPack(sources.meta!, sources.entities)).toEqual([]);
  });

  it('has a date-based version and at least 400 entities, of every type', () => {
    expect(pack.version).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
    expect(pack.entities.length).toBeGreaterThanOrEqual(400);
    for (const type of ENTITY_TYPES) expect(pack.entities.some((e) => e.type === type)).toBe(true);
  });

  it.each(CORE_IDS)('covers the core actor %s', (id) => {
    expect(cards.has(id)).toBe(true);
  });

  it('says that Dmitry Peskov is the Kremlin spokesman, press secretary to the president since 2012', () => {
    const peskov = cards.get('dmitry-peskov')!;
    expect(peskov.description).toMatch(/Kremlin's spokesman/);
    expect(peskov.description).toMatch(/press secretary to the President of Russia since 2012/i);
    expect(peskov.roles?.some((r) => /Press Secretary to the President of Russia/.test(r.title) && r.from.startsWith('2012') && r.to === undefined)).toBe(true);
  });

  it.each(SHORT_ONLY)('never links "%s" on its own (match: short)', (text) => {
    const claims = aliasesOf(text);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.match).toBe('short');
  });

  it.each(EXACT_ONLY)('matches the acronym "%s" only in capitals (case: exact)', (text) => {
    const claims = aliasesOf(text);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.case).toBe('exact');
  });

  it.each(CASE_ANY)('matches the event phrase "%s" in any case', (text) => {
    const claims = aliasesOf(text);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.case).toBe('any');
  });

  it('gives every card a Wikipedia source and the review date of the pack', () => {
    for (const { entity } of sources.entities) {
      expect(entity.sources.length, entity.id).toBeGreaterThan(0);
      if (entity.wikipedia) expect(entity.sources, entity.id).toContain(`https://en.wikipedia.org/wiki/${encodeURI(entity.wikipedia).replaceAll("'", '%27')}`);
      expect(entity.reviewed).toBe('2026-11-28');
    }
  });

  it('links related entities that all exist', () => {
    for (const card of pack.entities) for (const id of card.related) expect(cards.has(id), `${card.id} -> ${id}`).toBe(true);
  });
});

describe('compilePack determinism', () => {
  it('builds the same pack twice: deep-equal and JSON-identical', () => {
    const a = buildPackFromDir(DATASET_DIR);
    const b = buildPackFromDir(DATASET_DIR);
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('does not depend on the order of entities or of their aliases', () => {
    const { meta, entities } = loadSources(DATASET_DIR);
    const plain = entities.map((s) => s.entity);
    const shuffled = [...plain].reverse().map((e) => ({ ...e, aliases: [...e.aliases].reverse(), context: [...e.context].reverse() }));
    expect(JSON.stringify(compilePack(meta!, shuffled))).toBe(JSON.stringify(compilePack(meta!, plain)));
  });

  it('sorts cards by id and leaves absent optional fields out of the JSON', () => {
    const pack = buildPackFromDir(DATASET_DIR);
    const ids = pack.entities.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    for (const card of pack.entities) {
      for (const value of Object.values(card)) expect(value).not.toBeUndefined();
    }
  });
});
