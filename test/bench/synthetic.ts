/**
 * Synthetic datasets and texts for `npm run bench`, deterministic (seeded PRNG) so every run
 * scans the same data. Datasets are shaped like the real one: people with a full name and a
 * surname, organisations with a name and an acronym, events with lowercase phrases.
 */
import type { AliasSpec, EntitySpec } from '../../extension/matcher/types';

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'vri', 'mit', 'sen', 'dra', 'pes', 'kov', 'ber', 'na', 'zel', 'en', 'sky', 'ro', 'tan', 'gu', 'shi', 'mar', 'vo', 'li', 'bo', 'chen', 'da', 'fi', 'gor', 'hal', 'ju', 'ne', 'ra', 'tov'];

/**
 * Filler prose: function words and the common words of news copy, a few of them capitalised as
 * in real text, a few of them event heads (`talks`, `meeting`, `call`) or context words
 * (`president`, `minister`), at about the rate they have in news.
 */
const WORDS = (
  'the of and to in a that said is for on with as was by at from his it an be have has are this which ' +
  'the of and to in a that is for on with as was by at from it an be have has are this which or not ' +
  'but they their had were been would could will can also after before over more than new about into ' +
  'security president minister troops border officials government week statement talks meeting call ' +
  'military forces diplomatic sanctions however people year years time first last two three since ' +
  'country countries state states report reports told says say added according during while where ' +
  'under against between including other some any most many such only both each own well just still ' +
  'Thursday Monday The He It In But A We They'
).split(' ');

/**
 * Context words of the synthetic events: places, months and names, as in the real pack. They
 * occur in the text as often as such words do in news copy (`syntheticText`'s `contextEvery`), not in every
 * sentence. Larger datasets add made-up words to the pool (`contextPoolFor`).
 */
const CONTEXT_POOL = (
  'geneva brussels vienna minsk moscow kyiv paris berlin london warsaw january february march december ' +
  'sherman ryabkov blinken lavrov stoltenberg grushko zelensky scholz macron johnson kuleba'
).split(' ');

/**
 * Pairs of context words per event: with the 25 words of `CONTEXT_POOL`, the 1k dataset's 167
 * events share its 300 pairs. Larger datasets get a larger pool, so that a pair still names about
 * as many events: with the pool fixed, each pair named 110 events at 100k aliases, and every
 * sentence pattern weighed them all, which measured how ambiguous the dataset was, not its size.
 */
const PAIRS_PER_EVENT = 1.8;

/** A synthetic dataset of about `aliasCount` aliases (two per entity), and the context words its events use. */
export function syntheticDataset(aliasCount: number, random: () => number): { aliases: AliasSpec[]; entities: EntitySpec[]; contextPool: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  // Three or four syllables (837,000 words), each word used once: no two entities share a name
  // by accident at any size, so the rows differ in the number of aliases only and not in how
  // ambiguous the text is. (Drawn freely from 168,000 words, as before, the 100k dataset reused
  // nearly every word: twice the alias rows per name for the rules to judge.)
  const used = new Set<string>();
  const word = (): string => {
    for (;;) {
      const w = Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
      if (!used.has(w)) {
        used.add(w);
        return w;
      }
    }
  };
  const capital = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const events = Math.ceil(aliasCount / 6);
  const poolSize = Math.max(CONTEXT_POOL.length, Math.ceil((1 + Math.sqrt(1 + 8 * PAIRS_PER_EVENT * events)) / 2));
  const contextPool = [...CONTEXT_POOL];
  while (contextPool.length < poolSize) contextPool.push(word());
  const aliases: AliasSpec[] = [];
  const entities: EntitySpec[] = [];
  for (let i = 0; aliases.length < aliasCount; i++) {
    const id = `e${i}`;
    const kind = i % 3;
    if (kind === 0) {
      const last = capital(word());
      entities.push({ id, type: 'person', context: ['president', 'minister'] });
      aliases.push({ text: `${capital(word())} ${last}`, entity: id, match: 'full', case: 'proper' });
      aliases.push({ text: last, entity: id, match: 'short', case: 'proper' });
    } else if (kind === 1) {
      entities.push({ id, type: 'organization', context: [] });
      aliases.push({ text: `${capital(word())} ${pick(['Council', 'Ministry', 'Agency'])}`, entity: id, match: 'full', case: 'proper' });
      aliases.push({ text: word().toUpperCase(), entity: id, match: 'full', case: 'exact' });
    } else {
      entities.push({ id, type: 'event', context: [pick(contextPool), pick(contextPool)], start: '2021-12-01' });
      aliases.push({ text: `${word()} ${pick(WORDS)} talks`, entity: id, match: 'full', case: 'any' });
      aliases.push({ text: `${capital(word())} summit`, entity: id, match: 'short', case: 'any' });
    }
  }
  return { aliases, entities, contextPool };
}

/** How dense `syntheticText` is: one word in this many is a name (40), a made-up capitalised word (30), a context word (150). */
export interface SyntheticTextOptions {
  nameEvery?: number;
  typoEvery?: number;
  contextEvery?: number;
  /** The context words to draw from: the dataset's (`syntheticDataset`); the 25 real ones by default. */
  contextPool?: readonly string[];
}

/**
 * About `units` UTF-16 units of prose in which one word in `nameEvery` (40) starts a dataset name,
 * far denser than real pages (a worst case for the rules), one in `typoEvery` is a capitalised
 * made-up word (the near-miss stage's work) and one in `contextEvery` a word of `contextPool`
 * (the dataset's, from `syntheticDataset`).
 */
export function syntheticText(aliases: readonly AliasSpec[], units: number, random: () => number, options: SyntheticTextOptions = {}): string {
  const { nameEvery = 40, typoEvery = 30, contextEvery = 150, contextPool = CONTEXT_POOL } = options;
  const parts: string[] = [];
  let length = 0;
  while (length < units) {
    const r = random();
    let w: string;
    if (r < 1 / nameEvery) w = aliases[Math.floor(random() * aliases.length)]!.text;
    else if (r < 1 / nameEvery + 1 / typoEvery) w = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!.toUpperCase()[0] + 'arkovsen';
    else if (r < 1 / nameEvery + 1 / typoEvery + 1 / contextEvery) w = contextPool[Math.floor(random() * contextPool.length)]!;
    else w = WORDS[Math.floor(random() * WORDS.length)]!;
    parts.push(w);
    length += w.length + 1;
  }
  return parts.join(' ');
}
