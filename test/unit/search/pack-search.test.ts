import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../../extension/dataset/build-pack';
import { LOOKUP_MENU_ID, lookupRequest } from '../../../extension/search/lookup-menu';
import { PackSearch, acronymOf } from '../../../extension/search/pack-search';

const pack = buildPackFromDir(resolve(import.meta.dirname, '../../../assets/dataset'));
const search = new PackSearch(pack.entities);

describe('PackSearch on the real pack', () => {
  it.each([
    ['an exact name', 'Dmitry Peskov', 'dmitry-peskov'],
    ['a surname', 'Lavrov', 'sergey-lavrov'],
    ['a typo', 'Peskow', 'dmitry-peskov'],
    ['another spelling', 'Zelenskiy', 'volodymyr-zelenskyy'],
    ['another transliteration', 'Sergei Lavrov', 'sergey-lavrov'],
    ['an acronym of the name', 'OSCE', 'osce'],
    ['words out of order', 'geneva talks', 'geneva-security-talks-2022-01'],
    ['lower case', 'nato', 'nato'],
  ])('%s: "%s" → %s', (_name, query, id) => {
    expect(search.best(query)?.id).toBe(id);
  });

  it.each(['holiday', 'x', '  '])('finds nothing for "%s"', (query) => {
    expect(search.best(query)).toBeUndefined();
  });

  it('gives at most MAX_RESULTS, best first', () => {
    const results = search.search('Putin');
    expect(results[0]?.id).toBe('vladimir-putin');
    expect(results.length).toBeLessThanOrEqual(6);
  });
});

describe('acronymOf', () => {
  it.each([
    ['Organization for Security and Co-operation in Europe', 'OSCE'],
    ['Collective Security Treaty Organization', 'CSTO'],
    ['NATO', ''],
    ['Geneva', ''],
  ])('%s → "%s"', (name, acronym) => expect(acronymOf(name)).toBe(acronym));
});

describe('lookupRequest', () => {
  it.each([
    ['the best match beside the selection', { menuItemId: LOOKUP_MENU_ID, selectionText: ' Peskov ' }, { type: 'backstory:reveal', entity: 'dmitry-peskov', at: 'selection' }],
    ['a note when nothing matches', { menuItemId: LOOKUP_MENU_ID, selectionText: 'holiday' }, { type: 'backstory:no-match', query: 'holiday' }],
    ['nothing for an empty selection', { menuItemId: LOOKUP_MENU_ID, selectionText: '   ' }, undefined],
    ['nothing for another menu item', { menuItemId: 'other', selectionText: 'Peskov' }, undefined],
  ])('%s', (_name, click, request) => {
    expect(lookupRequest(click, search)).toEqual(request);
  });
});
