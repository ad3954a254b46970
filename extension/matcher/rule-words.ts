/**
 * The word lists of the matcher's rules other than the proper-name guard's (`name-words.ts`):
 * the words that make an event's head noun a verb (`event-patterns.ts`), the abbreviations that
 * end with a period inside a sentence (`sentences.ts`), and the words of what may happen with
 * the words that open a noun phrase (`hypothetical.ts`). Like the guard's, they are read by the
 * compiler only, which ships them folded in the pack (`CompiledLayout.ruleWords`): lists are
 * data, and the content script is held to 50 KB gzipped. Functions, not constants, so that
 * bundles which never call them, the content script's among them, leave the lists out.
 * Written as news prints them, lowercase; the compiler folds them as it folds aliases.
 */

/** The lists as the matcher holds them (`Matcher.ruleWords`), folded. */
export interface RuleWords {
  /** `verbMarkers()`. */
  readonly verbMarkers: ReadonlySet<string>;
  /** `abbreviations()`. */
  readonly abbreviations: ReadonlySet<string>;
  /** `hypotheticalWords()`. */
  readonly hypothetical: ReadonlySet<string>;
  /** `phraseOpeners()`. */
  readonly phraseOpeners: ReadonlySet<string>;
}

/** Words that make the head a verb (`would call`, `to call`, `are meeting`, `he talks`), not the name of an event. */
export function verbMarkers(): string[] {
  return [
    'to', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'shall', 'did', 'do', 'does',
    'not', 'never', 'is', 'are', 'was', 'were', 'be', 'been', 'am', 'i', 'we', 'you', 'he', 'she', 'they', 'it',
  ];
}

/**
 * Words that end with a period inside a sentence (`Mr. Putin`, `Gen. Milley`, `Jan. 10`).
 * Single letters (`U.S.`, `Laura K. Cooper`) need no entry: they never end one.
 */
export function abbreviations(): string[] {
  return [
    'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'col', 'lt', 'sgt', 'capt', 'adm', 'maj',
    'prof', 'rev', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'inc', 'corp', 'ltd', 'co',
  ];
}

/**
 * Words that make the event phrase after them one that may happen. Not `full-scale` ("Russia
 * launched a full-scale invasion"), which describes what happened, nor `new` and `another`
 * ("Biden and Putin held another phone call" is the call of 30 December).
 */
export function hypotheticalWords(): string[] {
  return ['possible', 'potential', 'imminent', 'looming', 'feared', 'threatened', 'further', 'any', 'wider', 'future', 'prospective', 'hypothetical'];
}

/** Words that open the event phrase's noun phrase: nothing before them modifies it. */
export function phraseOpeners(): string[] {
  return ['a', 'an', 'the', 'this', 'that', 'its', 'their', 'his', 'her'];
}
