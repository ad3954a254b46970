/**
 * The baselines `npm run bench` runs beside the matcher, in the same process:
 * - `fairRegexBaseline`: one regular expression alternating every alias, built the way mark.js
 *   builds its patterns with its defaults (`diacritics: true`, whitespace as `\s+`), with
 *   Unicode-aware word boundaries and typographic apostrophes and dashes. A baseline must find
 *   what the matcher finds, or the comparison says nothing: the matcher folds diacritics,
 *   apostrophes, dashes and whitespace runs, and its word boundaries know every script;
 * - `foldedRegexBaseline`: the strongest regex we could build that finds the same: the text folded
 *   by the matcher's own `normalize`, then one plain alternation of the folded aliases with the same
 *   look-around boundaries. It is the matcher with its trie walk replaced by V8's regex engine;
 * - `asciiRegexBaseline`: the naive alternation (`\b`, `gi`, aliases as written), kept as a
 *   second, labelled figure. It finds less: `\b` is ASCII-only, so `Russia` matches inside
 *   `Russiaé…`, names with non-ASCII letters miss at their edges (`Erdoğan`), `Zelenskyy` never
 *   matches `Zelénskyy`, and `Putin’s`, `NATO–Russia` or a line break inside a name do not match;
 * - fuse.js called on every capitalised n-gram of the text (up to three words) against all
 *   aliases, the naive way to get near misses.
 */
import Fuse from 'fuse.js/basic';
import { normalizeSurface } from '../../extension/matcher/compile';
import { normalize } from '../../extension/matcher/normalize';

/** Escapes a string for use inside a RegExp. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the naive mark.js-style matcher: longest aliases first, `\b`-bounded, case-insensitive,
 * aliases as written. ASCII-only: it finds less than the matcher (see the module comment).
 */
export function asciiRegexBaseline(aliases: readonly string[]): (text: string) => number {
  const sorted = [...new Set(aliases)].sort((a, b) => b.length - a.length).map(escape);
  return counter(new RegExp(`\\b(?:${sorted.join('|')})\\b`, 'gi'));
}

/** Code units that fold to each ASCII letter as the matcher folds them (lowercase, diacritics stripped). */
let letterVariants: Map<string, string> | undefined;
/** The matcher's word units (`[\p{L}\p{N}\p{Mc}]`, BMP only) as a character class for a regex without `u`. */
let wordUnitClass: string | undefined;

/** A character class source listing the code units `units`, as ranges. */
function classOf(units: number[]): string {
  const hex = (c: number) => (c < 0x80 ? escape(String.fromCharCode(c)) : String.fromCharCode(c));
  let out = '';
  for (let i = 0; i < units.length; ) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j]! + 1) j++;
    out += j === i ? hex(units[i]!) : `${hex(units[i]!)}-${hex(units[j]!)}`;
    i = j + 1;
  }
  return `[${out}]`;
}

function buildTables(): void {
  const word = /[\p{L}\p{N}\p{Mc}]/u;
  const words: number[] = [];
  const variants = new Map<string, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue; // surrogate halves are never word units
    const ch = String.fromCharCode(c);
    if (!word.test(ch)) continue;
    words.push(c);
    // Lowercase forms only: the `i` flag adds the capitals, and smaller classes keep the
    // alternation under V8's regex size limit.
    if (ch.toUpperCase() === ch) continue;
    const bare = ch.normalize('NFD').replace(/\p{Mn}/gu, '');
    if (bare.length === 1 && bare >= 'a' && bare <= 'z') variants.set(bare, [...(variants.get(bare) ?? []), c]);
  }
  wordUnitClass = classOf(words);
  letterVariants = new Map([...variants].map(([letter, units]) => [letter, classOf(units)]));
}

/** Apostrophe and dash look-alikes, as the matcher folds them (`normalize.ts`). */
const APOSTROPHE_CLASS = "['\\u2019\\u2018\\u02bc\\u00b4\\u2032\\uff07]";
const DASH_CLASS = '[\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\ufe63\\uff0d]';

/** One alias as mark.js writes it with `diacritics: true`: every letter a class of its accented forms. */
function fairPattern(alias: string): string {
  let out = '';
  let space = false;
  for (const ch of alias.trim()) {
    if (/\s/.test(ch)) {
      space = true;
      continue;
    }
    if (space) out += '\\s+';
    space = false;
    const bare = ch.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
    if (letterVariants!.has(bare)) out += letterVariants!.get(bare);
    else if ("'’ʼ‘´′＇".includes(ch)) out += APOSTROPHE_CLASS;
    else if ('-‐‑‒–—―−﹣－'.includes(ch)) out += DASH_CLASS;
    else out += escape(ch);
  }
  return out;
}

/**
 * Builds the fair mark.js-style matcher: every alias with its letters as diacritics classes,
 * whitespace as `\s+`, apostrophes and dashes as classes of their typographic forms, longest
 * first, bounded by look-arounds over the matcher's own word units, case-insensitive. The
 * boundaries are an explicit BMP class rather than `\p{L}` because the `u` flag that `\p{…}` needs
 * makes V8's regex thousands of times slower on a 10k-alias alternation (measured: under 0.1 MB/s).
 */
export function fairRegexBaseline(aliases: readonly string[]): (text: string) => number {
  if (!letterVariants) buildTables();
  const sorted = [...new Set(aliases)].sort((a, b) => b.length - a.length).map(fairPattern);
  return counter(new RegExp(`(?<!${wordUnitClass})(?:${sorted.join('|')})(?!${wordUnitClass})`, 'gi'));
}

/**
 * Builds the folded-text matcher: `normalize` (the matcher's single pass: case, diacritics,
 * apostrophes, dashes, whitespace runs), then an alternation of the folded aliases, longest
 * first, bounded by look-arounds over the word units. Its cost includes the normalisation.
 */
export function foldedRegexBaseline(aliases: readonly string[]): (text: string) => number {
  if (!letterVariants) buildTables();
  const keys = [...new Set(aliases.map((a) => normalizeSurface(a).key))].sort((a, b) => b.length - a.length).map(escape);
  const count = counter(new RegExp(`(?<!${wordUnitClass})(?:${keys.join('|')})(?!${wordUnitClass})`, 'g'));
  const decoder = new TextDecoder('utf-16le');
  return (text) => {
    const nt = normalize(text);
    return count(decoder.decode(nt.buf.subarray(0, nt.length)));
  };
}

/** Counts the matches of a global regex in a text. */
function counter(re: RegExp): (text: string) => number {
  return (text) => {
    let count = 0;
    re.lastIndex = 0;
    while (re.exec(text)) count++;
    return count;
  };
}

/** Capitalised words, and runs of up to three of them, as fuse.js queries. */
const CAPITALISED_RUN = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}/gu;

/** Builds the naive near-miss matcher: a Fuse index over all aliases, searched with every capitalised n-gram. */
export function fuseBaseline(aliases: readonly string[]): (text: string) => number {
  const fuse = new Fuse([...new Set(aliases)], { includeScore: true, ignoreLocation: true, threshold: 0.34 });
  return (text) => {
    let count = 0;
    for (const run of text.matchAll(CAPITALISED_RUN)) {
      const words = run[0].split(' ');
      for (let n = 1; n <= words.length; n++) {
        for (let i = 0; i + n <= words.length; i++) count += fuse.search(words.slice(i, i + n).join(' '), { limit: 1 }).length;
      }
    }
    return count;
  };
}
