/**
 * Events named by a sentence rather than a label: a head noun of the event's aliases
 * (`talks`, `call`, `meeting`) with at least `PATTERN_MIN_CUES` distinct context words of the
 * event around it, as in "talks between representatives of the two rivals in Geneva in
 * January" or "Biden will hold a call with Putin on Thursday". The article's date must fit the
 * event, and chooses between events sharing the words (the call of 30 December over the
 * video call of 7 December in an article of 29 December).
 *
 * Such references are anaphora-prone ("the call", "the talks" again and again), so only the
 * first reference to an event on a page is linked this way, and none after the event has been
 * named by a label: the reader already knows which event it is (RULES.md §6.2 marks only the
 * first descriptive reference).
 */
import { dateFit as importedDateFit } from './dates';
import { hitsAround as importedHitsAround, hitsNearWords as importedHitsNearWords } from './evidence';
import { pairKey as importedPairKey, type Matcher } from './load';
import { unitsToString as importedUnitsToString, wordEnd as importedWordEnd, type NormalizedText } from './normalize';
import type { Accepted } from './resolve';
import type { RuleWords } from './rule-words';
import type { ContextHit } from './scan';
import { sentenceEndsBetween as importedSentenceEndsBetween } from './sentences';
import { DATE_UNKNOWN_FACTOR as importedDATE_UNKNOWN_FACTOR, PATTERN_MIN_CUES as importedPATTERN_MIN_CUES, PATTERN_SCORE as importedPATTERN_SCORE } from './scoring';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const dateFit = importedDateFit;
const hitsAround = importedHitsAround;
const hitsNearWords = importedHitsNearWords;
const pairKey = importedPairKey;
const sentenceEndsBetween = importedSentenceEndsBetween;
const wordEnd = importedWordEnd;
const unitsToString = importedUnitsToString;
const DATE_UNKNOWN_FACTOR = importedDATE_UNKNOWN_FACTOR;
const PATTERN_MIN_CUES = importedPATTERN_MIN_CUES;
const PATTERN_SCORE = importedPATTERN_SCORE;

/** What the pattern stage reads. */
export interface PatternInput {
  nt: NormalizedText;
  matcher: Matcher;
  hits: readonly ContextHit[];
  heads: readonly ContextHit[];
  day: number | undefined;
  threshold: number;
  /** 1 for every word an exact mention touches: heads there are part of a name already. */
  coveredWords: Uint8Array;
  /** Normalised start of each entity's first exact mention in this text, if any. */
  firstMention: ReadonlyMap<number, number>;
  /** Ids of entities linked earlier on the page (earlier chunks); updated with the events linked here. */
  mentioned: Set<string>;
}

interface PatternOption {
  entity: number;
  cues: number;
  rank: number;
}

/** The event mentions the sentence patterns find, sorted by start. */
export function findPatternMentions(input: PatternInput): Accepted[] {
  const { matcher: m, day } = input;
  const score = day === undefined ? PATTERN_SCORE * DATE_UNKNOWN_FACTOR : PATTERN_SCORE;
  if (score < input.threshold) return [];
  const out: Accepted[] = [];
  if (input.heads.length === 0) return out;
  // Only context words of describable events can be cues: look at those alone.
  const cueHits = input.hits.filter((h) => m.describableByContext.has(h.node));
  for (const head of input.heads) {
    if (input.coveredWords[head.word] || hitsNearWords(cueHits, head.word, head.word) < PATTERN_MIN_CUES || afterVerbMarker(input.nt, head.word, input.matcher.ruleWords)) continue;
    let top: PatternOption | undefined;
    let tie = false;
    for (const [entity, cues] of cuesAround(input.nt, m, cueHits, head)) {
      const spec = m.entities[entity]!;
      if (cues < PATTERN_MIN_CUES || !spec.heads!.includes(head.node)) continue;
      const fit = dateFit(m.days[2 * entity]!, m.days[2 * entity + 1]!, day);
      if (!fit) continue;
      const option = { entity, cues, rank: fit.rank };
      const order = top ? compare(option, top) : -1;
      if (order < 0) {
        top = option;
        tie = false;
      } else if (order === 0) {
        tie = true;
      }
    }
    if (!top || tie || mentionedBefore(input, top.entity, head.start)) continue;
    out.push({ start: head.start, end: head.end, entity: top.entity, score });
    input.mentioned.add(m.entities[top.entity]!.id);
  }
  return out;
}

/**
 * For each describable event with at least two of its context words within
 * `CONTEXT_WINDOW_WORDS` of the head and in its sentence, how many distinct ones there are (events with fewer
 * cannot reach `PATTERN_MIN_CUES` and are left out). Found through `describableByPair`
 * from the pairs of context words in the window, so the cost does not grow with the number of
 * events sharing a head or a context word.
 */
function cuesAround(nt: NormalizedText, m: Matcher, cueHits: readonly ContextHit[], head: ContextHit): Map<number, number> {
  const tally = new Map<number, number>();
  const nodes: number[] = [];
  for (const hit of hitsAround(cueHits, head)) {
    // The head noun said twice (`talks ... talks`) is not a second cue.
    if (hit.node === head.node || nodes.includes(hit.node)) continue;
    // Nor is a word of the sentence before or after: "Sullivan said talks would continue." next
    // to "Stoltenberg chaired the NATO-Russia Council in Brussels." names no meeting.
    if (sentenceEndsBetween(nt, Math.min(hit.end, head.end), Math.max(hit.start, head.start), m.ruleWords)) continue;
    nodes.push(hit.node);
  }
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      for (const entity of m.describableByPair.get(pairKey(m, nodes[i]!, nodes[j]!)) ?? []) {
        if (tally.has(entity)) continue;
        const context = m.entities[entity]!.context!;
        let cues = 0;
        for (const node of nodes) if (context.includes(node)) cues++;
        tally.set(entity, cues);
      }
    }
  }
  return tally;
}

/** Whether the word before `word` marks it as a verb (`RuleWords.verbMarkers`). */
function afterVerbMarker(nt: NormalizedText, word: number, words: RuleWords): boolean {
  if (word === 0) return false;
  return words.verbMarkers.has(unitsToString(nt.buf, nt.wordStarts[word - 1]!, wordEnd(nt, word - 1)));
}

/** Whether the event was linked earlier on the page: then this is anaphora, left alone. */
function mentionedBefore(input: PatternInput, entity: number, at: number): boolean {
  const first = input.firstMention.get(entity);
  return input.mentioned.has(input.matcher.entities[entity]!.id) || (first !== undefined && first < at);
}

/** Best first: later-fitting dates, then more context words. */
function compare(a: PatternOption, b: PatternOption): number {
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : 1;
  return b.cues - a.cues;
}
