/**
 * The alias case policies of `AliasCase`, checked on the original (unfolded) characters
 * behind a candidate span.
 */
import {
  CASE_ANY as importedCASE_ANY,
  CASE_EXACT as importedCASE_EXACT,
  CASE_MASK as importedCASE_MASK,
  CASE_PROPER as importedCASE_PROPER,
  FLAG_HAS_LOWER,
  FLAG_SHORT,
  FLAG_SINGLE_WORD,
} from './compiled-format';
import { LOWER as importedLOWER, UPPER as importedUPPER, type NormalizedText } from './normalize';
import { hasLower, inTitleCaseLine } from './proper-name';
import type { RuleWords } from './rule-words';
import { startsSentence } from './sentences';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const CASE_ANY = importedCASE_ANY;
const CASE_EXACT = importedCASE_EXACT;
const CASE_MASK = importedCASE_MASK;
const CASE_PROPER = importedCASE_PROPER;
const LOWER = importedLOWER;
const UPPER = importedUPPER;

/** The offsets (in the alias) of an alias row's uppercase units: `offsets[from, to)`. */
export interface CapsOfRow {
  offsets: Int32Array;
  from: number;
  to: number;
}

/**
 * Whether the text's capitalisation in `[start, end)` satisfies the alias's case policy.
 * - `any`: always.
 * - `exact`: uppercase exactly where the alias has it (`US` but not `Us` or `us`).
 * - `proper`: uppercase at least where the alias has it, so an all-caps dateline (`MOSCOW`)
 *   counts but `price` never matches `Price`; and never an all-lowercase span, even for an
 *   alias without capitals. A single-word `short` alias does not accept its all-caps
 *   rendering: a shouted `PRICE` in a headline is more likely the word than the surname.
 */
export function caseAllows(
  flags: number,
  caps: CapsOfRow,
  nt: NormalizedText,
  start: number,
  end: number,
): boolean {
  const policy = flags & CASE_MASK;
  if (policy === CASE_ANY) return true;
  const classes = nt.classes;
  const { offsets, from, to } = caps;
  for (let c = from; c < to; c++) {
    if (!(classes[start + offsets[c]!]! & UPPER)) return false;
  }
  const capCount = to - from;
  const shortWord = (flags & SHORT_WORD_WITH_LOWER) === SHORT_WORD_WITH_LOWER;
  // A proper alias with capitals has just been found capitalised, which is all it needs
  // unless the shouting rule applies: skip the span walk.
  if (policy === CASE_PROPER && capCount > 0 && !shortWord) return true;
  let uppers = 0;
  let lowers = 0;
  for (let k = start; k < end; k++) {
    const cls = classes[k]!;
    if (cls & UPPER) uppers++;
    else if (cls & LOWER) lowers++;
  }
  if (policy === CASE_EXACT) return uppers === capCount;
  if (uppers === 0 && lowers > 0) return false;
  return !(shortWord && lowers === 0);
}

/** Flags of a single-word `short` alias spelled with lowercase letters (`Price`, not `NATO`). */
const SHORT_WORD_WITH_LOWER = FLAG_SHORT | FLAG_SINGLE_WORD | FLAG_HAS_LOWER;

/**
 * Whether the capital of the span `[start, end)` would be there whatever the word is: at the
 * start of a sentence or a line, in a Title Case line (a headline), or in all caps. There a
 * `common` alias (`Turkey`, also the bird) is not told from the everyday word by its case.
 */
export function capitalRequired(nt: NormalizedText, text: string, start: number, end: number, words: RuleWords): boolean {
  return !hasLower(nt, start, end) || startsSentence(nt, text, start, words) || inTitleCaseLine(text, nt.orig[start]!);
}
