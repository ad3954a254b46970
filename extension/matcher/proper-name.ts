/**
 * The "longer proper name" guard: a surname or a bare ambiguous word that has another
 * capitalised word glued to it is most likely part of a longer name the dataset does not
 * know (`Washington Post`, `Sherman Antitrust Act`, `Kazan Kremlin`, `Hunter Biden`).
 *
 * Rule: the candidate is rejected when the word right before it or right after it, separated
 * by whitespace alone, starts with an uppercase letter and is not one of `GLUE_EXEMPT_WORDS`.
 * Any punctuation in between (`Mr. Peskov`, `Moscow, January`, `U.S. President`, `Kremlin-backed`,
 * a quote mark) breaks the glue, and so does a possessive (`Putin's Kremlin`: the `s` is lowercase).
 * The matcher applies it only to `short` aliases and to single-word aliases that are
 * ambiguous (flagged, or shared by several entities): full names stay linked in
 * `U.S. President Joe Biden` and at the start of sentences.
 */
import { SPACE_CODE, UPPER, classOf, isWordUnit, unitsToString, type NormalizedText } from './normalize';

/**
 * Capitalised only because they open a sentence: a name after them stands alone
 * (`The Kremlin said`, `Later Peskov added`). Function words and the adverbs news prose
 * opens with; lowercase, as normalised text is.
 */
const SENTENCE_OPENERS = [
  'a', 'after', 'afterwards', 'again', 'against', 'also', 'although', 'among', 'an', 'and', 'as', 'at',
  'because', 'before', 'between', 'both', 'but', 'by', 'during', 'earlier', 'even', 'for', 'from',
  'here', 'how', 'however', 'i', 'if', 'in', 'including', 'indeed', 'instead', 'last', 'later', 'like',
  'meanwhile', 'neither', 'nor', 'now', 'of', 'on', 'only', 'or', 'over', 'perhaps', 'separately',
  'since', 'so', 'still', 'than', 'that', 'the', 'then', 'there', 'these', 'this', 'those', 'though',
  'to', 'today', 'tonight', 'under', 'unlike', 'until', 'what', 'when', 'where', 'whether', 'while',
  'who', 'why', 'with', 'without', 'yesterday', 'yet',
];

/**
 * Titles and roles written before a name (`President Biden`, `Spokesman Peskov`, `Mr Price`)
 * or after a place (`Moscow Mayor`): they introduce the name rather than extend it.
 * Abbreviations with a period (`Gen.`, `Sen.`) need no entry: the period breaks the glue.
 */
const TITLES = [
  'admiral', 'ambassador', 'captain', 'chair', 'chairman', 'chairwoman', 'chancellor', 'chief',
  'colonel', 'commander', 'commissioner', 'dame', 'deputy', 'director', 'dr', 'envoy', 'general',
  'governor', 'judge', 'justice', 'king', 'lady', 'leader', 'lord', 'major', 'mayor', 'minister',
  'miss', 'mr', 'mrs', 'ms', 'patriarch', 'pope', 'premier', 'president', 'presidents', 'prince',
  'princess', 'prof', 'professor', 'queen', 'rep', 'representative', 'secretary', 'sen', 'senator',
  'sir', 'speaker', 'spokesman', 'spokesperson', 'spokeswoman',
];

/** Datelines and AP style put days and months right after names (`in Moscow Tuesday`). */
const CALENDAR_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
];

/** Capitalised neighbours that never make a name part of a longer one. */
export const GLUE_EXEMPT_WORDS: ReadonlySet<string> = new Set([...SENTENCE_OPENERS, ...TITLES, ...CALENDAR_WORDS]);

/** Whether the span `[start, end)` has a capitalised, non-exempt word glued to it on either side. */
export function gluedToProperName(nt: NormalizedText, text: string, start: number, end: number): boolean {
  const { buf, length: n } = nt;
  if (start >= 2 && buf[start - 1] === SPACE_CODE && isWordUnit(buf[start - 2]!)) {
    let from = start - 2;
    while (from > 0 && isWordUnit(buf[from - 1]!)) from--;
    if (isGlueWord(nt, text, from, start - 1)) return true;
  }
  if (end + 1 < n && isWordUnit(buf[end - 1]!) && buf[end] === SPACE_CODE && isWordUnit(buf[end + 1]!)) {
    let to = end + 2;
    while (to < n && isWordUnit(buf[to]!)) to++;
    if (isGlueWord(nt, text, end + 1, to)) return true;
  }
  return false;
}

function isGlueWord(nt: NormalizedText, text: string, from: number, to: number): boolean {
  if (!(classOf(text.charCodeAt(nt.orig[from]!)) & UPPER)) return false;
  return !GLUE_EXEMPT_WORDS.has(unitsToString(nt.buf, from, to));
}
