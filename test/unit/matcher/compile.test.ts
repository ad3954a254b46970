import { describe, expect, it } from 'vitest';
import { wordSignature } from '../../../extension/matcher/normalize';
import { compileMatcher, findMentions, loadMatcher } from '../../../extension/matcher';
import type { CompiledLayout } from '../../../extension/matcher/compiled-format';
import type { AliasSpec, EntitySpec } from '../../../extension/matcher/types';
import { ALIASES, ENTITIES } from './fixture';

const SAMPLE = 'U.S. President Joe Biden and Vladimir Putin’s NATO–Russia Council. Later Biden said the Kremlin…';

describe('compileMatcher output', () => {
  it('is deterministic for the same input', () => {
    expect(JSON.stringify(compileMatcher(ALIASES, ENTITIES))).toBe(JSON.stringify(compileMatcher(ALIASES, ENTITIES)));
  });

  it('does not depend on the order of aliases or entities', () => {
    const shuffled = compileMatcher([...ALIASES].reverse(), [...ENTITIES].reverse());
    expect(JSON.stringify(shuffled)).toBe(JSON.stringify(compileMatcher(ALIASES, ENTITIES)));
  });

  it('round-trips through JSON.stringify and JSON.parse', () => {
    const compiled = compileMatcher(ALIASES, ENTITIES);
    const parsed = JSON.parse(JSON.stringify(compiled));
    expect(parsed).toEqual(compiled);
    expect(findMentions(SAMPLE, loadMatcher(parsed))).toEqual(findMentions(SAMPLE, loadMatcher(compiled)));
  });

  it('round-trips trie labels that JSON must escape', () => {
    const aliases: AliasSpec[] = [{ text: 'Côte d"Ivoire\\x', entity: 'X', match: 'full', case: 'any' }];
    const entities: EntitySpec[] = [{ id: 'X', type: 'place', context: [] }];
    const parsed = JSON.parse(JSON.stringify(compileMatcher(aliases, entities)));
    expect(findMentions('in Cote d"Ivoire\\x today', loadMatcher(parsed)).map((m) => m.entity)).toEqual(['X']);
  });

  it('declares its format version', () => {
    expect(compileMatcher(ALIASES, ENTITIES).formatVersion).toBe(12);
  });

  it('lists the signatures of the keys\' first words, once each and sorted', () => {
    const { firstWords } = compileMatcher(
      [
        { text: 'NATO-Russia Council', entity: 'a', match: 'full', case: 'proper' },
        { text: 'NATO', entity: 'a', match: 'full', case: 'exact' },
        { text: 'U.S.', entity: 'b', match: 'full', case: 'proper' },
      ],
      [{ id: 'a', type: 'organization', context: [] }, { id: 'b', type: 'place', context: [] }],
    ) as unknown as { firstWords: number[] };
    const sign = (word: string) => wordSignature(word.charCodeAt(0), word.charCodeAt(1) || 0, word.charCodeAt(2) || 0, word.charCodeAt(word.length - 1), word.length);
    expect(firstWords).toEqual([sign('nato'), sign('u')].sort((a, b) => a - b));
  });

  it("ships the proper-name guard's words folded as page text is", () => {
    const { nameWords } = compileMatcher([], []) as CompiledLayout;
    const before = nameWords.before.split(' ');
    expect(before).toEqual([...before].sort());
    expect(before).toEqual(expect.arrayContaining(['the', 'president', 'еще', 'зустріч']));
    expect(before).not.toContain('ещё');
    expect(nameWords.after.split(' ')).toEqual(expect.arrayContaining(['administration', 'командующии']));
  });

  it("ships the other rules' words, each list sorted, and the loaded matcher holds them", () => {
    const compiled = compileMatcher([], []) as CompiledLayout;
    for (const list of Object.values(compiled.ruleWords)) expect(list.split(' ')).toEqual([...list.split(' ')].sort());
    const { ruleWords } = loadMatcher(compiled);
    expect([ruleWords.verbMarkers.has('would'), ruleWords.abbreviations.has('gen'), ruleWords.hypothetical.has('possible'), ruleWords.phraseOpeners.has('the')]).toEqual([true, true, true, true]);
    expect(ruleWords.hypothetical.has('another')).toBe(false);
  });

  it('deduplicates aliases that normalise to the same row', () => {
    const twice = compileMatcher([...ALIASES, ...ALIASES], ENTITIES);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(compileMatcher(ALIASES, ENTITIES)));
  });
});

describe('compileMatcher validation', () => {
  const entity: EntitySpec = { id: 'A', type: 'person', context: [] };
  const alias = (text: string, entityId = 'A'): AliasSpec => ({ text, entity: entityId, match: 'full', case: 'proper' });

  it.each([
    { name: 'alias of an unknown entity', aliases: [alias('Foo', 'B')], entities: [entity], error: /unknown entity/ },
    { name: 'duplicate entity ids', aliases: [], entities: [entity, entity], error: /duplicate entity/ },
    { name: 'alias empty after normalisation', aliases: [alias(' \u00AD ')], entities: [entity], error: /empty/ },
    { name: 'alias starting with punctuation', aliases: [alias('"Foo')], entities: [entity], error: /letter or digit/ },
    { name: 'unknown match kind', aliases: [{ ...alias('Foo'), match: 'nickname' as AliasSpec['match'] }], entities: [entity], error: /match kind/ },
    { name: 'unknown case policy', aliases: [{ ...alias('Foo'), case: 'upper' as AliasSpec['case'] }], entities: [entity], error: /case policy/ },
    { name: 'unreadable event date', aliases: [], entities: [{ ...entity, start: 'Dec 2021' }], error: /ISO date/ },
    { name: 'phrase that is not a name but spells an alias', aliases: [alias('Foo')], entities: [{ ...entity, not: ['FOO'] }], error: /spells an alias/ },
    { name: 'phrase that is not a name starting with punctuation', aliases: [], entities: [{ ...entity, not: ['"Foo bar'] }], error: /letter or digit/ },
  ])('rejects $name', ({ aliases, entities, error }) => {
    expect(() => compileMatcher(aliases, entities)).toThrow(error);
  });
});

describe('loadMatcher', () => {
  it('refuses another format version', () => {
    expect(() => loadMatcher({ formatVersion: 999 })).toThrow(/format/);
  });

  it.each([
    { surface: 'McFaul', right: 'McFaul', wrong: 'Mcfaul' },
    // A capital far into a long alias.
    { surface: `${'a'.repeat(44)}Bc`, right: `${'a'.repeat(44)}Bc`, wrong: `${'a'.repeat(44)}bc` },
  ])('reads back where $surface has its capitals, through JSON', ({ surface, right, wrong }) => {
    const compiled = compileMatcher([{ text: surface, entity: 'X', match: 'full', case: 'proper' }], [{ id: 'X', type: 'person', context: [] }]);
    const m = loadMatcher(JSON.parse(JSON.stringify(compiled)));
    expect(findMentions(`said ${right} today`, m).map((x) => x.entity)).toEqual(['X']);
    expect(findMentions(`said ${wrong} today`, m)).toEqual([]);
  });

  it('loads an empty dataset that matches nothing', () => {
    const empty = loadMatcher(compileMatcher([], []));
    expect(findMentions(SAMPLE, empty)).toEqual([]);
  });
});
