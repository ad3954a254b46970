/**
 * What an article lights up, and which of its capitalised names the pack lacks: the
 * worklist a maintainer goes through when a new story breaks (`npm run dataset:coverage`).
 * Pure: text and a loaded matcher in, a report out. The matcher is the extension's own, so
 * "lit up" means exactly what a reader would see highlighted.
 */
import { findMentions, type Matcher, type Mention } from '../matcher';
import type { CardData, EntityType } from './pack';

/** One entity the article lit up. */
export interface LitEntity {
  id: string;
  type: EntityType;
  name: string;
  /** Number of highlighted mentions. */
  mentions: number;
  /** The distinct texts that were highlighted, in order of first appearance. */
  surfaces: string[];
}

/** A capitalised name of the article that nothing in the pack matched. */
export interface MissingName {
  name: string;
  /** How often it occurs outside highlighted mentions. */
  count: number;
}

export interface CoverageReport {
  /** Entities lit up, most mentioned first (then by name). */
  lit: LitEntity[];
  /** Capitalised names not lit up, most frequent first (then alphabetically). */
  missing: MissingName[];
  /** Total highlighted mentions. */
  mentionCount: number;
}

export interface CoverageOptions {
  /** The article's publication day (ISO), which decides dated events and roles. */
  date?: string;
}

/**
 * Lowercase words that may join the words of one name (`Organization for Security and
 * Co-operation in Europe`, `Ursula von der Leyen`). `and` is left out on purpose: it
 * joins two names far more often (`Donetsk and Luhansk`) than it sits inside one.
 */
const NAME_CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'der', 'den', 'van', 'von', 'da', 'du', 'la', 'le', 'al', 'bin', 'in', 'on']);

/**
 * Capitalised words that are not names, or not names on their own: sentence openers,
 * titles, calendar words and demonyms (gold RULES.md §4 does not annotate demonyms or
 * titles either). They are trimmed from the ends of a run of capitalised words, so
 * `Russian Foreign Minister Sergei Lavrov` leaves `Sergei Lavrov`, and a run made only of
 * them is dropped.
 */
const NOT_NAMES = new Set(
  (
    'a an the this that these those there here it its he she his her they their them we our us you your i my me ' +
    'in on at by for from with without to of as and or but if when while after before since during until so yet ' +
    'not no yes also however meanwhile still then now only even just more most many some all both each every ' +
    'what who whom whose which where why how mr mrs ms dr sir lord lady ' +
    'later earlier yesterday today tomorrow tonight last next separately according speaking asked despite ' +
    'although though because instead already again once several other another ' +
    'president vice prime minister ministers foreign defence defense interior secretary chancellor premier ' +
    'spokesman spokeswoman spokesperson spokespeople press ambassador envoy deputy senator sen rep representative ' +
    'general gen lt col colonel admiral commander chief head chairman chairwoman chair leader king queen prince pope ' +
    'former acting senior adviser advisor aide officials official ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec gmt utc et ' +
    'august september october november december ' +
    'russian russians ukrainian ukrainians american americans british french german germans polish chinese turkish ' +
    'belarusian european europeans western eastern northern southern soviet baltic nordic finnish swedish norwegian ' +
    'danish estonian latvian lithuanian moldovan georgian italian dutch canadian japanese iranian korean israeli ' +
    'christmas easter new year news update updates live read related photo video'
  ).split(' '),
);

/** A word: letters, marks and digits, with inner apostrophes, hyphens and dots (`O'Brien`, `Co-operation`, `U.S.`). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019.\-\u2010\u2011][\p{L}\p{M}\p{N}]+)*\.?/gu;
const STARTS_UPPER = /^\p{Lu}/u;
/** Between two words of one name: spaces only, no line break, no punctuation. */
const SAME_PHRASE = /^[ \t\u00a0]+$/;
/** A possessive ending, dropped from a name (`Rutte's` → `Rutte`). */
const POSSESSIVE = /['\u2019]s$/u;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // A trailing dot belongs to an abbreviation (`U.S.`), not to a sentence end.
    if (word.endsWith('.') && !/\..*\.$/.test(word)) word = word.slice(0, -1);
    words.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return words;
}

function isCapitalised(word: string): boolean {
  return STARTS_UPPER.test(word);
}

function isNotName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase().replace(POSSESSIVE, '').replace(/\.$/, ''));
}

/** Splits `text` into runs of capitalised words that lie outside `covered` spans. */
function capitalisedRuns(text: string, covered: readonly Mention[]): string[] {
  const words = wordsOf(text);
  const isCovered = (w: Word) => covered.some((m) => m.start < w.end && w.start < m.end);
  const runs: string[] = [];
  let run: Word[] = [];
  const flush = () => {
    // Trim connectors and non-name words from both ends.
    let a = 0;
    let b = run.length;
    while (a < b && (isNotName(run[a]!.text) || !isCapitalised(run[a]!.text))) a++;
    while (b > a && (isNotName(run[b - 1]!.text) || !isCapitalised(run[b - 1]!.text))) b--;
    if (b > a) {
      const first = run[a]!;
      const last = run[b - 1]!;
      runs.push(text.slice(first.start, last.end).replace(POSSESSIVE, '').replace(/\s+/g, ' '));
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (isCovered(word)) {
      flush();
      continue;
    }
    const joined = run.length > 0 && SAME_PHRASE.test(text.slice(run[run.length - 1]!.end, word.start));
    if (run.length > 0 && !joined) flush();
    if (isCapitalised(word.text)) {
      run.push(word);
      // A possessive ends the name: `Rutte's Dutch government`.
      if (POSSESSIVE.test(word.text)) flush();
    } else if (run.length > 0 && NAME_CONNECTORS.has(word.text)) {
      run.push(word);
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/**
 * Counts the capitalised names of `text` that no mention covers. A single word that the
 * article also writes in lower case is a common word capitalised at a sentence start
 * (`Talks`, `Troops`) and is left out; so are single capital letters.
 */
export function missingNames(text: string, mentions: readonly Mention[]): MissingName[] {
  const lowerWords = new Set(wordsOf(text).filter((w) => !isCapitalised(w.text)).map((w) => w.text));
  const counts = new Map<string, number>();
  for (const name of capitalisedRuns(text, mentions)) {
    const single = !/\s/.test(name);
    if (single && (name.length < 2 || lowerWords.has(name.toLowerCase()))) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Runs the extension's matcher over `text` and reports what lit up and what did not. */
export function coverageReport(
  text: string,
  matcher: Matcher,
  cards: ReadonlyMap<string, CardData>,
  options: CoverageOptions = {},
): CoverageReport {
  const mentions = findMentions(text, matcher, { ...(options.date ? { date: options.date } : {}), seen: new Set() });
  const lit = new Map<string, LitEntity>();
  for (const m of mentions) {
    const card = cards.get(m.entity);
    const surface = text.slice(m.start, m.end).replace(/\s+/g, ' ');
    const entry = lit.get(m.entity) ?? {
      id: m.entity,
      type: card?.type ?? 'place',
      name: card?.name ?? m.entity,
      mentions: 0,
      surfaces: [],
    };
    entry.mentions++;
    if (!entry.surfaces.includes(surface)) entry.surfaces.push(surface);
    lit.set(m.entity, entry);
  }
  return {
    lit: [...lit.values()].sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    missing: missingNames(text, mentions),
    mentionCount: mentions.length,
  };
}
