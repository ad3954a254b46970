/**
 * Events spoken of as what may happen: "a possible invasion of Ukraine", "if Russia advances
 * with a further invasion", "an imminent war in Ukraine". Before 24 February 2022 news named the
 * invasion this way daily, and after it the same words name other, feared invasions (from
 * Belarus, of Poland). Such a phrase is not the dataset's event, whatever the article's date.
 */
import { HYPHEN_CODE, SPACE_CODE, unitsToString, wordUnitsFrom, type NormalizedText } from './normalize';
import type { RuleWords } from './rule-words';

/**
 * Words looked at before the phrase: its modifiers ("a possible large-scale invasion" is three
 * words from the article), on the same side of any punctuation.
 */
const MODIFIER_REACH_WORDS = 3;

/**
 * Whether one of the few words right before normalised unit `start` makes the phrase there
 * hypothetical (`RuleWords.hypothetical`); the words looked at stop at one that opens the noun
 * phrase (`RuleWords.phraseOpeners`).
 */
export function hypotheticalBefore(nt: NormalizedText, start: number, words: RuleWords): boolean {
  const { buf } = nt;
  let end = start - 1;
  for (let w = 0; w < MODIFIER_REACH_WORDS && end > 0 && (buf[end] === SPACE_CODE || buf[end] === HYPHEN_CODE); w++) {
    const from = wordUnitsFrom(buf, end);
    if (from === end) return false;
    const word = unitsToString(buf, from, end);
    if (words.hypothetical.has(word)) return true;
    if (words.phraseOpeners.has(word)) return false;
    end = from - 1;
  }
  return false;
}
