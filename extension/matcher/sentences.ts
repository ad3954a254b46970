/**
 * Where sentences end and begin in normalised text. Event patterns count their cues within one
 * sentence; a word that is also an everyday word (`Turkey`) says it is a name by its capital
 * only where a capital is not required anyway, so not at the start of a sentence.
 */
import { LOWER, SPACE_CODE, UPPER, isWordUnit as importedIsWordUnit, unitsToString as importedUnitsToString, wordUnitsFrom as importedWordUnitsFrom, type NormalizedText } from './normalize';
import { sameLine as importedSameLine } from './proper-name';
import type { RuleWords } from './rule-words';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const isWordUnit = importedIsWordUnit;
const unitsToString = importedUnitsToString;
const sameLine = importedSameLine;
const wordUnitsFrom = importedWordUnitsFrom;

/** Normalised units that end a sentence, and the quotes and brackets that may stand around the break. */
const SENTENCE_MARKS: ReadonlySet<number> = new Set(['.', '!', '?'].map((ch) => ch.charCodeAt(0)));
const PERIOD = 0x2e;
const QUOTES: ReadonlySet<number> = new Set(['"', "'", '(', ')', '[', ']', '\u201c', '\u201d'].map((ch) => ch.charCodeAt(0)));

/**
 * Whether a sentence ends in normalised `[from, to)`: a `.`, `!` or `?`, then a space and a
 * capital (quotes and brackets around the space allowed), where a period does not follow an
 * abbreviation or a single letter. It errs towards one sentence: a missed end only leaves the
 * window as wide as it was.
 */
export function sentenceEndsBetween(nt: NormalizedText, from: number, to: number, words: RuleWords): boolean {
  const { buf, classes } = nt;
  for (let k = from; k < to; k++) {
    if (!SENTENCE_MARKS.has(buf[k]!)) continue;
    let next = k + 1;
    while (next < to && QUOTES.has(buf[next]!)) next++;
    if (buf[next] !== SPACE_CODE) continue;
    next++;
    while (next < nt.length && QUOTES.has(buf[next]!)) next++;
    if (next >= nt.length || !(classes[next]! & UPPER)) continue;
    if (buf[k] === PERIOD && abbreviationBefore(nt, k, words)) continue;
    return true;
  }
  return false;
}

/**
 * Quote marks that open a quotation when a word follows them at once (`she said: "Turkey is…"`).
 * Not `«`: Russian news sets names in it (`телеканал «Дождь»`), and there the capital is the name's.
 */
const OPENING_QUOTES: ReadonlySet<number> = new Set(['"', '\u201c', '\u201e'].map((ch) => ch.charCodeAt(0)));

/**
 * Whether normalised unit `start` (a capital) begins a sentence: nothing but spaces, quotes,
 * bullets or dashes before it on its line, the end of a sentence (`sentenceEndsBetween`), or an
 * opening quote mark right before it (a quoted sentence).
 */
export function startsSentence(nt: NormalizedText, text: string, start: number, words: RuleWords): boolean {
  const { buf } = nt;
  if (start > 0 && OPENING_QUOTES.has(buf[start - 1]!)) return true;
  let before = start - 1;
  while (before >= 0 && !isWordUnit(buf[before]!) && !SENTENCE_MARKS.has(buf[before]!)) before--;
  if (before < 0 || !sameLine(nt, text, before, start)) return true;
  return SENTENCE_MARKS.has(buf[before]!) && sentenceEndsBetween(nt, before, start, words);
}

/**
 * Whether the word ending at normalised unit `end` (a period) is an initial (one letter: `U.S.`,
 * `Laura K. Cooper`), an abbreviation (`RuleWords.abbreviations`), or missing. A number ends a
 * sentence: "They spoke on Dec. 7. Biden warned…".
 */
function abbreviationBefore(nt: NormalizedText, end: number, words: RuleWords): boolean {
  const start = wordUnitsFrom(nt.buf, end);
  if (end - start === 1) return (nt.classes[start]! & (UPPER | LOWER)) !== 0;
  return end === start || words.abbreviations.has(unitsToString(nt.buf, start, end));
}
