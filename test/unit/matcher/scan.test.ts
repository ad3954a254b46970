import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, type Matcher } from '../../../extension/matcher';
import { normalize, type WordFilter } from '../../../extension/matcher/normalize';
import { scan } from '../../../extension/matcher/scan';
import { loadPack } from '../../../scripts/lib/annotate-text';
import { REPO_ROOT } from '../../../scripts/lib/gold';
import { prng, syntheticDataset, syntheticText } from '../../bench/synthetic';
import { ALIASES, ENTITIES } from './fixture';

/** A filter every word passes: the scan then walks the trie from every word, as if there were no filter. */
const EVERY_WORD: WordFilter = { bits: Int32Array.of(-1), shift: 27 };

/** What the scan finds, as comparable rows. */
function found(text: string, m: Matcher, filter: WordFilter): string[] {
  const { candidates, hits, heads } = scan(normalize(text, filter), m);
  const row = (kind: string) => (c: { start: number; end: number; node: number }) => `${kind} ${c.start}-${c.end} ${c.node}`;
  return [...candidates.map(row('alias')), ...hits.map(row('context')), ...heads.map(row('head'))];
}

const article = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/articles', name), 'utf8');
const random = prng(7);
const synthetic = syntheticDataset(5_000, random);

describe('scan: the first-word filter', () => {
  it.each([
    { label: 'the Moscow Times article, real pack', text: () => article('seed-moscowtimes.txt'), matcher: () => loadMatcher(loadPack().pack.matcher) },
    { label: 'the CNN article, real pack', text: () => article('cnn-2021-12-29-biden-putin-call.txt'), matcher: () => loadMatcher(loadPack().pack.matcher) },
    { label: 'both articles, test dataset', text: () => article('seed-moscowtimes.txt') + article('cnn-2021-12-29-biden-putin-call.txt'), matcher: () => loadMatcher(compileMatcher(ALIASES, ENTITIES)) },
    { label: '200 KB of synthetic text, 5k aliases', text: () => syntheticText(synthetic.aliases, 200_000, random, { contextPool: synthetic.contextPool }), matcher: () => loadMatcher(compileMatcher(synthetic.aliases, synthetic.entities)) },
  ])('loses nothing a walk from every word finds: $label', ({ text, matcher }) => {
    const m = matcher();
    const t = text();
    const everything = found(t, m, EVERY_WORD);
    expect(everything.length).toBeGreaterThan(0);
    expect(found(t, m, m.firstWords)).toEqual(everything);
  });

  it('lets through far fewer words than the text has', () => {
    const m = loadMatcher(loadPack().pack.matcher);
    const nt = normalize(article('seed-moscowtimes.txt'), m.firstWords);
    expect(nt.keyWordCount).toBeGreaterThan(0);
    expect(nt.keyWordCount).toBeLessThan(nt.wordCount / 2);
  });

  it('tells a key\'s first word from words that share its first three letters and its length', () => {
    const m = loadMatcher(compileMatcher([{ text: 'Karkovsen Council', entity: 'k', match: 'full', case: 'proper' }], [{ id: 'k', type: 'organization', context: [] }]));
    const nt = normalize('Karkovsel Karkovsem Karkovset Karkovsen Council', m.firstWords);
    expect(Array.from(nt.keyWords.subarray(0, nt.keyWordCount))).toEqual([3]);
  });
});
