/**
 * The "longer proper name" guard: a single-word name or a surname that has another
 * capitalised word glued to it is most likely part of a longer name the dataset does not
 * know (`Washington Post`, `Sherman Antitrust Act`, `Kazan Kremlin`, `Hunter Biden`,
 * `Kyiv Independent`, `Geneva Conventions`, `Eastern Europe`). The gold annotation rules say
 * the same: a name inside a larger proper name that is not itself linked is not marked.
 *
 * Rule: the candidate is rejected when the word right before it or right after it, separated
 * by whitespace alone, starts with an uppercase letter and is not exempt. Exempt are
 * `NameWords` (sentence openers, titles, calendar words, generic heads: `name-words.ts`) and words
 * that are themselves the edge of a dataset name (`Biden Putin summit`, `Ukraine Russia
 * talks`). Any punctuation in between (`Mr. Peskov`, `Moscow, January`, `U.S. President`,
 * `Kremlin-backed`, a quote mark) breaks the glue, and so does a possessive (`Putin's
 * Kremlin`: the `s` is lowercase), except a middle initial: in `Laura K. Cooper` the surname
 * ends a longer name, and it is the dataset's person only when the first name and the surname
 * make one of that person's names (`Vladimir V. Putin`; `resolve.ts` checks). In a Title Case
 * line (a headline) capitals carry no information, so the guard stands down there.
 *
 * `resolve.ts` applies it to `short` aliases and to single-word aliases spelled with
 * lowercase letters or marked ambiguous; acronyms (`US President`, `NATO Secretary General`)
 * and multi-word names (`U.S. President Joe Biden`) are not guarded.
 */
import { SPACE_CODE as importedSPACE_CODE, UPPER as importedUPPER, LOWER as importedLOWER, WORD as importedWORD, classOf as importedClassOf, isWordUnit as importedIsWordUnit, unitsToString as importedUnitsToString, wordUnitsFrom as importedWordUnitsFrom, wordUnitsTo as importedWordUnitsTo, type NormalizedText } from './normalize';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const SPACE_CODE = importedSPACE_CODE;
const UPPER = importedUPPER;
const LOWER = importedLOWER;
const WORD = importedWORD;
const classOf = importedClassOf;
const isWordUnit = importedIsWordUnit;
const unitsToString = importedUnitsToString;
const wordUnitsFrom = importedWordUnitsFrom;
const wordUnitsTo = importedWordUnitsTo;

/**
 * The capitalised words that do not make a name part of a longer one, folded (`wordsBeforeNames`
 * and `wordsAfterNames` of `name-words.ts`, shipped in the pack and loaded into the matcher).
 */
export interface NameWords {
  /** Before a name: sentence openers, titles, calendar words. */
  before: ReadonlySet<string>;
  /** After a name: titles, calendar words, generic heads. */
  after: ReadonlySet<string>;
}

/**
 * A line is Title Case (a headline, a crosshead) when it has at least this many words of
 * `TITLE_CASE_MIN_LENGTH` letters or more and every one of them is capitalised. Four keeps
 * a short proper name standing alone on its line (`Sherman Antitrust Act`) out of it.
 */
const TITLE_CASE_MIN_WORDS = 4;
/** Short words (`of`, `and`, `the`) stay lowercase in Title Case, so only longer words are counted. */
const TITLE_CASE_MIN_LENGTH = 4;
/** Lines longer than this (in UTF-16 units, each way) are prose, not headlines; bounds the scan. */
const TITLE_CASE_MAX_REACH = 200;

/**
 * Normalised positions where a dataset name starts (`NAME_START` bit) or ends (`NAME_END` bit):
 * neighbours there are not glue. One byte per normalised unit.
 */
export type NameEdges = Uint8Array;
export const NAME_START = 1;
export const NAME_END = 2;

/** `gluedToProperName`: a capitalised, non-exempt word is glued to the span. */
export const GLUED_TO_NAME = 1;
/** `gluedToProperName`: the span follows a first name and a middle initial (`Laura K. Cooper`). */
export const GLUED_TO_INITIAL = 2;

/**
 * Whether the span `[start, end)` ends or starts a longer proper name: 0, or `GLUED_TO_NAME`
 * when a capitalised, non-exempt word is glued to it on either side, or `GLUED_TO_INITIAL`
 * when it follows a first name and a middle initial (`firstNameBeforeInitial` finds the name).
 */
export function gluedToProperName(nt: NormalizedText, text: string, start: number, end: number, edges: NameEdges, words: NameWords): number {
  const { buf, length: n } = nt;
  const shouted = !hasLower(nt, start, end);
  let glued = 0;
  if (start >= 2 && buf[start - 1] === SPACE_CODE && isWordUnit(buf[start - 2]!) && !(edges[start - 1]! & NAME_END) && sameLine(nt, text, start - 2, start)) {
    if (isGlueWord(nt, wordUnitsFrom(buf, start - 1), start - 1, shouted, words.before)) glued = GLUED_TO_NAME;
  }
  if (!glued && end + 1 < n && isWordUnit(buf[end - 1]!) && buf[end] === SPACE_CODE && isWordUnit(buf[end + 1]!) && !(edges[end + 1]! & NAME_START) && sameLine(nt, text, end - 1, end + 1)) {
    if (isGlueWord(nt, end + 1, wordUnitsTo(buf, end + 1, n), shouted, words.after)) glued = GLUED_TO_NAME;
  }
  if (!glued && firstNameBeforeInitial(nt, text, start, words) >= 0) glued = GLUED_TO_INITIAL;
  return glued && !inTitleCaseLine(text, nt.orig[start]!) ? glued : 0;
}

const PERIOD_CODE = 0x2e;

/**
 * Where the first name starts when the span at `start` follows a first name and a middle
 * initial on one line (`Laura K. Cooper`, `Vladimir V. Putin`), or -1. The first name is a
 * capitalised word that is not exempt (`President V. Putin` is a title, not a first name; a
 * lone `V. Putin` has no first name), followed by one space; the initial is one uppercase
 * letter, a period and one space.
 */
export function firstNameBeforeInitial(nt: NormalizedText, text: string, start: number, words: NameWords): number {
  const { buf, classes } = nt;
  const initial = start - 3;
  if (initial < 2 || buf[start - 1] !== SPACE_CODE || buf[start - 2] !== PERIOD_CODE || !(classes[initial]! & UPPER)) return -1;
  if (buf[initial - 1] !== SPACE_CODE || !isWordUnit(buf[initial - 2]!) || !sameLine(nt, text, initial - 2, start)) return -1;
  const from = wordUnitsFrom(buf, initial - 1);
  return isGlueWord(nt, from, initial - 1, false, words.before) ? from : -1;
}

/**
 * Whether the original text between normalised units `a` and `b` has no line break: a heading
 * and the paragraph under it, or two lines of a list, are never one name.
 */
export function sameLine(nt: NormalizedText, text: string, a: number, b: number): boolean {
  for (let i = nt.orig[a]! + 1, end = nt.orig[b]!; i < end; i++) if (text.charCodeAt(i) === NEWLINE) return false;
  return true;
}

/**
 * Whether the word `[from, to)` next to a candidate makes it part of a longer name: it is
 * capitalised and not exempt. Next to a shouted candidate (`ERDOĞAN VISITS`, a dateline or an
 * all-caps headline) an all-caps word says nothing, so it is not glue.
 */
function isGlueWord(nt: NormalizedText, from: number, to: number, shouted: boolean, exempt: ReadonlySet<string>): boolean {
  if (!(nt.classes[from]! & UPPER)) return false;
  if (shouted && !hasLower(nt, from, to)) return false;
  return !exempt.has(unitsToString(nt.buf, from, to));
}

/** Whether the original characters behind normalised `[from, to)` include a lowercase letter. */
export function hasLower(nt: NormalizedText, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (nt.classes[k]! & LOWER) return true;
  return false;
}

/** Whether the line of `text` around UTF-16 index `at` is a Title Case headline. */
export function inTitleCaseLine(text: string, at: number): boolean {
  let from = at;
  const low = Math.max(0, at - TITLE_CASE_MAX_REACH);
  while (from > low && text.charCodeAt(from - 1) !== NEWLINE) from--;
  if (from === low && low > 0) return false;
  let to = at;
  const high = Math.min(text.length, at + TITLE_CASE_MAX_REACH);
  while (to < high && text.charCodeAt(to) !== NEWLINE) to++;
  if (to === high && high < text.length) return false;
  let words = 0;
  let i = from;
  while (i < to) {
    while (i < to && !(classOf(text.charCodeAt(i)) & WORD)) i++;
    const wordStart = i;
    while (i < to && classOf(text.charCodeAt(i)) & WORD) i++;
    if (i - wordStart < TITLE_CASE_MIN_LENGTH) continue;
    const first = classOf(text.charCodeAt(wordStart));
    if (first & LOWER) return false;
    if (first & UPPER) words++;
  }
  return words >= TITLE_CASE_MIN_WORDS;
}

const NEWLINE = 0x0a;

/**
 * Whether the span `[start, end)` has an all-caps word glued to it (same line, one space): in
 * shouted text (`CONTACT US`, `TELL US MORE`) a two-letter acronym is more likely a word.
 */
export function besideShoutedWord(nt: NormalizedText, text: string, start: number, end: number): boolean {
  const { buf, length: n } = nt;
  if (start >= 2 && buf[start - 1] === SPACE_CODE && isWordUnit(buf[start - 2]!) && sameLine(nt, text, start - 2, start)) {
    if (allCaps(nt, wordUnitsFrom(buf, start - 1), start - 1)) return true;
  }
  if (end + 1 < n && buf[end] === SPACE_CODE && isWordUnit(buf[end + 1]!) && sameLine(nt, text, end - 1, end + 1)) {
    if (allCaps(nt, end + 1, wordUnitsTo(buf, end + 1, n))) return true;
  }
  return false;
}

/** A word of two or more letters, all uppercase. */
function allCaps(nt: NormalizedText, from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let k = from; k < to; k++) if (!(nt.classes[k]! & UPPER)) return false;
  return true;
}
