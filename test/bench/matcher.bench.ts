/**
 * Throughput of the matcher on synthetic data: 10k aliases (names, surnames, event phrases)
 * over ~4 M UTF-16 units of text in which one word in 40 starts a dataset name, far denser
 * than real pages, so this is a worst case for the rules. Run with `npx vitest bench test/bench --run`;
 * throughput is the text size divided by the mean time of `findMentions`. Target: ≥ 100 MB/s in node.
 */
import { bench, describe } from 'vitest';
import { compileMatcher, findMentions, loadMatcher } from '../../extension/matcher';
import type { AliasSpec, EntitySpec } from '../../extension/matcher/types';

/** Number of synthetic entities; each has a full name, and people a short surname too. */
const ENTITY_COUNT = 5000;
/** Approximate size of the scanned text, in UTF-16 units. */
const TEXT_UNITS = 4_000_000;
/** One word in this many is the start of a dataset name. */
const NAME_EVERY_WORDS = 40;

/** Deterministic PRNG (mulberry32) so every run scans the same data. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(2022);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const SYLLABLES = ['ka', 'lo', 'vri', 'mit', 'sen', 'dra', 'pes', 'kov', 'ber', 'na', 'zel', 'en', 'sky', 'ro', 'tan', 'gu'];
const WORDS = (
  'the of and to in a that said is for on with as was by at from his it an be have has are this which ' +
  'talks security president minister troops border officials government week statement meeting call ' +
  'would could new after before military forces diplomatic sanctions however also Thursday Monday'
).split(' ');
const capitalise = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const syllableWord = (): string => capitalise(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join(''));

function syntheticDataset(): { aliases: AliasSpec[]; entities: EntitySpec[] } {
  const aliases: AliasSpec[] = [];
  const entities: EntitySpec[] = [];
  for (let i = 0; i < ENTITY_COUNT; i++) {
    const id = `E${i}`;
    const kind = i % 3;
    if (kind === 0) {
      const [first, last] = [syllableWord(), syllableWord()];
      entities.push({ id, type: 'person', context: ['president', 'minister'] });
      aliases.push({ text: `${first} ${last}`, entity: id, match: 'full', case: 'proper' });
      aliases.push({ text: last, entity: id, match: 'short', case: 'proper' });
    } else if (kind === 1) {
      entities.push({ id, type: 'organization', context: [] });
      aliases.push({ text: `${syllableWord()} ${pick(['Council', 'Ministry', 'Agency'])}`, entity: id, match: 'full', case: 'proper' });
      aliases.push({ text: syllableWord().toUpperCase(), entity: id, match: 'full', case: 'exact' });
    } else {
      entities.push({ id, type: 'event', context: [], start: '2021-12-01' });
      aliases.push({ text: `${syllableWord().toLowerCase()} ${pick(WORDS)} talks`, entity: id, match: 'full', case: 'any' });
      aliases.push({ text: `${syllableWord()} summit`, entity: id, match: 'full', case: 'any' });
    }
  }
  return { aliases, entities };
}

function syntheticText(aliases: AliasSpec[]): string {
  const parts: string[] = [];
  let units = 0;
  while (units < TEXT_UNITS) {
    const word = random() < 1 / NAME_EVERY_WORDS ? pick(aliases).text : pick(WORDS);
    parts.push(word);
    units += word.length + 1;
  }
  return parts.join(' ');
}

const { aliases, entities } = syntheticDataset();
const compiled = compileMatcher(aliases, entities);
const json = JSON.stringify(compiled);
const matcher = loadMatcher(compiled);
const text = syntheticText(aliases);

describe(`matcher, ${aliases.length} aliases, ${(json.length / 1e6).toFixed(2)} MB compiled`, () => {
  bench('JSON.parse + loadMatcher', () => {
    loadMatcher(JSON.parse(json));
  });

  const parsed = JSON.parse(json);
  bench('loadMatcher', () => {
    loadMatcher(parsed);
  });

  bench(`findMentions over ${(text.length / 1e6).toFixed(1)} M UTF-16 units`, () => {
    findMentions(text, matcher, { date: '2022-01-15', seen: new Set() });
  }, { iterations: 10 });
});
