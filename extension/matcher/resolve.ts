/**
 * Judges candidates: which entity (if any) a candidate span links to, and how sure we are.
 * Candidates are judged in text order so that a full mention is on record (`seen`) before
 * the short mentions after it are judged.
 */
import { capitalRequired, caseAllows as importedCaseAllows } from './case-policy';
import {
  CASE_ANY as importedCASE_ANY,
  CASE_EXACT as importedCASE_EXACT,
  CASE_MASK as importedCASE_MASK,
  CASE_PROPER as importedCASE_PROPER,
  FLAG_AMBIGUOUS as importedFLAG_AMBIGUOUS,
  FLAG_COMMON as importedFLAG_COMMON,
  FLAG_HAS_LOWER as importedFLAG_HAS_LOWER,
  FLAG_SHARED as importedFLAG_SHARED,
  FLAG_SHORT as importedFLAG_SHORT,
  FLAG_SINGLE_WORD as importedFLAG_SINGLE_WORD,
} from './compiled-format';
import { dateFit as importedDateFit } from './dates';
import { contextCount as importedContextCount } from './evidence';
import { hypotheticalBefore } from './hypothetical';
import {
  type Matcher,
  ROW_CAPS as importedROW_CAPS,
  ROW_ENTITY as importedROW_ENTITY,
  ROW_FLAGS as importedROW_FLAGS,
  ROW_NODE as importedROW_NODE,
  ROW_STRIDE as importedROW_STRIDE,
  someRowAt,
} from './load';
import { SPACE_CODE, type NormalizedText } from './normalize';
import {
  besideShoutedWord as importedBesideShoutedWord,
  firstNameBeforeInitial,
  GLUED_TO_INITIAL as importedGLUED_TO_INITIAL,
  gluedToProperName as importedGluedToProperName,
  type NameEdges,
} from './proper-name';
import { keyNode, type Candidate, type ContextHit } from './scan';
import {
  AMBIGUOUS_FULL_FACTOR as importedAMBIGUOUS_FULL_FACTOR,
  DATE_UNKNOWN_FACTOR as importedDATE_UNKNOWN_FACTOR,
  FULL_SCORE as importedFULL_SCORE,
  NEAR_MISS_FACTOR as importedNEAR_MISS_FACTOR,
  NEAR_MISS_MIN_CUES as importedNEAR_MISS_MIN_CUES,
  SHORT_CONTEXT_SCORE as importedSHORT_CONTEXT_SCORE,
  SHORT_SEEN_SCORE as importedSHORT_SEEN_SCORE,
} from './scoring';

// Module-local copies of imported bindings used in hot loops: unbundled (tsx, vitest) an imported
// binding is read through a getter at every use, which cost a third of the matcher's time.
const caseAllows = importedCaseAllows;
const ROW_CAPS = importedROW_CAPS;
const ROW_ENTITY = importedROW_ENTITY;
const ROW_FLAGS = importedROW_FLAGS;
const ROW_NODE = importedROW_NODE;
const ROW_STRIDE = importedROW_STRIDE;
const CASE_ANY = importedCASE_ANY;
const CASE_EXACT = importedCASE_EXACT;
const CASE_MASK = importedCASE_MASK;
const CASE_PROPER = importedCASE_PROPER;
const FLAG_AMBIGUOUS = importedFLAG_AMBIGUOUS;
const FLAG_COMMON = importedFLAG_COMMON;
const FLAG_HAS_LOWER = importedFLAG_HAS_LOWER;
const FLAG_SHARED = importedFLAG_SHARED;
const FLAG_SHORT = importedFLAG_SHORT;
const FLAG_SINGLE_WORD = importedFLAG_SINGLE_WORD;
const dateFit = importedDateFit;
const contextCount = importedContextCount;
const besideShoutedWord = importedBesideShoutedWord;
const gluedToProperName = importedGluedToProperName;
const GLUED_TO_INITIAL = importedGLUED_TO_INITIAL;
const AMBIGUOUS_FULL_FACTOR = importedAMBIGUOUS_FULL_FACTOR;
const DATE_UNKNOWN_FACTOR = importedDATE_UNKNOWN_FACTOR;
const FULL_SCORE = importedFULL_SCORE;
const NEAR_MISS_FACTOR = importedNEAR_MISS_FACTOR;
const NEAR_MISS_MIN_CUES = importedNEAR_MISS_MIN_CUES;
const SHORT_CONTEXT_SCORE = importedSHORT_CONTEXT_SCORE;
const SHORT_SEEN_SCORE = importedSHORT_SEEN_SCORE;

/**
 * The entities named in full so far, by entity index: a byte each, read for every alias row
 * judged (a `Set` of ids cost a cache miss on the entity and on its id string per row on a
 * large dataset). `added` lists, in order, the entities this text named in full for the first
 * time, which `resolve` marks in `bits` as it accepts them.
 */
export interface SeenEntities {
  bits: Uint8Array;
  added: number[];
}

/** A candidate the rules accepted: normalised span, entity index and score. */
export interface Accepted {
  start: number;
  end: number;
  entity: number;
  score: number;
}

/**
 * Exact-case acronyms this short (`US`, `UN`, `EU`) are English words or parts of them when
 * shouted (`CONTACT US`), so in all-caps text they are dropped; longer ones (`NATO`, `OSCE`) stay.
 */
const SHOUTABLE_ACRONYM_LENGTH = 2;

/** What backs a link, strongest highest: used to choose between entities sharing a surface. */
const Evidence = { None: 0, Context: 1, Seen: 2 } as const;
type Evidence = (typeof Evidence)[keyof typeof Evidence];

/** A candidate that spells an alias with an edit or two (see `near-miss.ts`), judged by the same rules. */
export interface NearMissCandidate extends Candidate {
  nearMiss: true;
}

interface Option {
  /** Where the mention starts: the candidate's start, or its first name's when named with a middle initial. */
  start: number;
  entity: number;
  score: number;
  full: boolean;
  evidence: Evidence;
  dateRank: number;
}

/** Everything `resolve` reads besides the candidates. */
export interface ResolveInput {
  nt: NormalizedText;
  text: string;
  matcher: Matcher;
  hits: ContextHit[];
  /** The article's day (`yyyymmdd`, see `dates.ts`), if known. */
  day: number | undefined;
  /** The entities with a full mention earlier on the page; updated with this text's full mentions. */
  seen: SeenEntities;
  /** Where dataset names start and end, for the proper-name guard. */
  edges: NameEdges;
  /** Mentions scoring below this are dropped. */
  threshold: number;
}

/**
 * Applies the rules to every candidate, in text order:
 * 1. case policy (`caseAllows`); a near miss instead needs an alias spelled in proper case
 *    (a name, not an acronym or an event phrase);
 * 2. a `common` alias (`Turkey`) where its capital is required anyway (`capitalRequired`)
 *    counts as short from here on;
 *    for short aliases and single-word names, the proper-name guard (`gluedToProperName`);
 *    after a first name and a middle initial the span is a full mention of the entity when
 *    the first name and the span make one of its full names (`Vladimir V. Putin`, linked
 *    whole), and of someone else otherwise (`Laura K. Cooper`);
 *    near misses were guarded when their spans were chosen;
 * 3. event dates against the article's day (`dateFit`); a dated event's phrase after a word of
 *    what may happen (`a possible invasion`, `hypothetical.ts`) is not the event;
 * 4. evidence for short aliases: an earlier full mention (`seen`) or a context word within
 *    `CONTEXT_WINDOW_WORDS`; near misses need a full mention anywhere in the text and a
 *    context word, or `NEAR_MISS_MIN_CUES` context words;
 * 5. when several entities remain for one span (a shared surface), the one whose dates fit
 *    best wins, then the one with the strongest evidence; a tie stays silent.
 * Accepted full mentions are added to `seen` at once, so later short mentions in the same
 * text can lean on them.
 */
export function resolve(candidates: readonly (Candidate | NearMissCandidate)[], input: ResolveInput): Accepted[] {
  const accepted: Accepted[] = [];
  for (let from = 0; from < candidates.length; from += WARM_BATCH) {
    const to = Math.min(candidates.length, from + WARM_BATCH);
    warmRows(candidates, from, to, input);
    for (let i = from; i < to; i++) {
      const cand = candidates[i]!;
      const winner = judge(cand, input);
      if (!winner) continue;
      accepted.push({ start: winner.start, end: cand.end, entity: winner.entity, score: winner.score });
      if (winner.full && !input.seen.bits[winner.entity]) {
        input.seen.bits[winner.entity] = 1;
        input.seen.added.push(winner.entity);
      }
    }
  }
  return accepted;
}

/**
 * Candidates whose dataset memory `warmRows` loads before they are judged: few enough that
 * what it loads (about six cache lines each) stays in a core's 48 KB L1 cache until then.
 */
const WARM_BATCH = 32;

/** Where `warmRows` leaves what it read, so that the engine cannot drop the reads as unused. */
let warmSink = 0;

/**
 * Reads the memory that judging candidates `from` to `to` will read first: each candidate's
 * first alias row (`firstRow`, then the row), its entity's days, seen byte and context words,
 * and its alias's capitals. Judging one candidate is a chain of dependent loads, each a cache
 * miss on a large dataset (100k aliases: about 15 MB of rows, days and entities, read in random order), so
 * the core waits on one miss at a time. Here the loads of different candidates do not depend
 * on each other, one short loop per link of the chain, and the core has many in flight at once.
 * At 100k aliases this took resolving the bench's 2 MB from 8.8 to 7.0 ms (sources) and from
 * 8.3–8.8 to 6.2–6.9 ms (the bundle); at 1k, where everything is in cache anyway, no change.
 */
function warmRows(candidates: readonly Candidate[], from: number, to: number, input: ResolveInput): void {
  const { firstRow, rows, days, entities, capOffsets } = input.matcher;
  const seen = input.seen.bits;
  let sink = 0;
  for (let i = from; i < to; i++) sink |= firstRow[candidates[i]!.node]!;
  for (let i = from; i < to; i++) sink |= rows[ROW_STRIDE * (firstRow[candidates[i]!.node]! - 1) + ROW_ENTITY]!;
  for (let i = from; i < to; i++) {
    const row = ROW_STRIDE * (firstRow[candidates[i]!.node]! - 1);
    const entity = rows[row + ROW_ENTITY]!;
    const caps = rows[row + ROW_CAPS]!;
    sink |= days[2 * entity]! | seen[entity]! | (caps < capOffsets.length ? capOffsets[caps]! : 0) | (entities[entity]!.context?.[0] ?? 0);
  }
  warmSink ^= sink;
}

/**
 * The entity a candidate span links to, or undefined. Alias rows of a node are sorted by
 * entity, so each entity's rows are consecutive: keep the best row per entity, then the best
 * two entities, and stay silent when those two tie.
 */
function judge(cand: Candidate | NearMissCandidate, input: ResolveInput): Option | undefined {
  const m = input.matcher;
  const ranking: Ranking = { top: undefined, second: undefined };
  const glued: GluedCache = { value: undefined };
  let current: Option | undefined;
  const rows = m.rows;
  for (let a = m.firstRow[cand.node]! - 1; a >= 0 && rows[ROW_STRIDE * a + ROW_NODE] === cand.node; a++) {
    const option = judgeRow(a, cand, input, glued);
    if (!option) continue;
    if (current && current.entity !== option.entity) {
      rank(ranking, current);
      current = undefined;
    }
    if (!current || option.score > current.score) current = option;
  }
  if (current) rank(ranking, current);
  const { top, second } = ranking;
  if (top && second && compareOptions(top, second) === 0) return undefined;
  return top;
}

/** The best two entities' options seen so far for one candidate. */
interface Ranking {
  top: Option | undefined;
  second: Option | undefined;
}

function rank(ranking: Ranking, option: Option): void {
  if (!ranking.top || compareOptions(option, ranking.top) < 0) {
    ranking.second = ranking.top;
    ranking.top = option;
  } else if (!ranking.second || compareOptions(option, ranking.second) < 0) {
    ranking.second = option;
  }
}

/** Lazily computed proper-name guard, shared by the rows of one candidate. */
interface GluedCache {
  /** `gluedToProperName`'s answer. */
  value: number | undefined;
  /** With `GLUED_TO_INITIAL`: where the first name starts (`firstNameBeforeInitial`). */
  firstName?: number;
  /** With `GLUED_TO_INITIAL`: the trie node of the first name and the span as one key, or 0. */
  fullNameNode?: number;
}

/** Applies the rules to one alias row at one candidate span. */
function judgeRow(a: number, cand: Candidate | NearMissCandidate, input: ResolveInput, glued: GluedCache): Option | undefined {
  const { nt, text, matcher: m, day, seen } = input;
  const row = ROW_STRIDE * a;
  const flags = m.rows[row + ROW_FLAGS]!;
  const nearMiss = 'nearMiss' in cand;
  if (nearMiss) {
    if ((flags & CASE_MASK) !== CASE_PROPER || !(flags & FLAG_HAS_LOWER)) return undefined;
  } else if (!caseAllows(flags, { offsets: m.capOffsets, from: m.rows[row + ROW_CAPS]!, to: m.rows[row + ROW_STRIDE + ROW_CAPS]! }, nt, cand.start, cand.end)) {
    return undefined;
  }
  if ((flags & CASE_MASK) === CASE_EXACT && cand.end - cand.start <= SHOUTABLE_ACRONYM_LENGTH && besideShoutedWord(nt, text, cand.start, cand.end)) {
    return undefined;
  }
  const entity = m.rows[row + ROW_ENTITY]!;
  // Named in full with a middle initial (`Vladimir V. Putin`): a full mention, whatever the alias.
  let named = false;
  let short = (flags & FLAG_SHORT) !== 0;
  // An everyday word where a capital is required anyway (`Turkey is…` opening a sentence) needs evidence, as a surname does.
  if (!nearMiss && !short && flags & FLAG_COMMON && capitalRequired(nt, text, cand.start, cand.end, m.ruleWords)) short = true;
  const shared = (flags & FLAG_SHARED) !== 0;
  const singleWordName = (flags & FLAG_SINGLE_WORD) !== 0 && (flags & (FLAG_HAS_LOWER | FLAG_AMBIGUOUS | FLAG_SHARED)) !== 0;
  if (!nearMiss && (short || singleWordName)) {
    glued.value ??= gluedToProperName(nt, text, cand.start, cand.end, input.edges, m.nameWords);
    if (glued.value === GLUED_TO_INITIAL) {
      glued.firstName ??= firstNameBeforeInitial(nt, text, cand.start, m.nameWords);
      glued.fullNameNode ??= fullNameNode(input, cand, glued.firstName);
      if (!someRowAt(m, glued.fullNameNode, (f, e) => e === entity && !(f & FLAG_SHORT))) return undefined;
      named = true;
    } else if (glued.value) {
      return undefined;
    }
  }
  if (named) short = false;
  const fit = dateFit(m.days[2 * entity]!, m.days[2 * entity + 1]!, day);
  if (!fit) return undefined;
  // A dated event described in words ("a possible invasion of Ukraine") may be one that never happened.
  if (fit.dated && (flags & CASE_MASK) === CASE_ANY && hypotheticalBefore(nt, cand.start, m.ruleWords)) return undefined;

  let evidence: Evidence = seen.bits[entity] ? Evidence.Seen : Evidence.None;
  if (nearMiss) {
    // A near miss needs its context twice over: the exact name in the text and a context word
    // nearby (`Osama` on a page about Obama is not him), or two context words.
    const cues = contextCount(input.hits, m.entities[entity]!.context, cand, NEAR_MISS_MIN_CUES);
    if (cues < (evidence === Evidence.Seen ? 1 : NEAR_MISS_MIN_CUES)) return undefined;
    if (evidence === Evidence.None) evidence = Evidence.Context;
  } else if (evidence === Evidence.None && (short || shared) && contextCount(input.hits, m.entities[entity]!.context, cand, 1, m.calendarNodes) > 0) {
    evidence = Evidence.Context;
  }
  let score: number;
  if (named) {
    score = FULL_SCORE;
  } else if (short) {
    if (evidence === Evidence.None) return undefined;
    score = evidence === Evidence.Seen ? SHORT_SEEN_SCORE : SHORT_CONTEXT_SCORE;
  } else {
    score = flags & FLAG_AMBIGUOUS ? FULL_SCORE * AMBIGUOUS_FULL_FACTOR : FULL_SCORE;
  }
  if (nearMiss) score *= NEAR_MISS_FACTOR;
  if (fit.dated && day === undefined) score *= DATE_UNKNOWN_FACTOR;
  if (score < input.threshold) return undefined;
  // Named with a middle initial, the mention is the whole name, as the reader sees it.
  return { start: named ? glued.firstName! : cand.start, entity, score, full: !short && !nearMiss, evidence, dateRank: fit.rank };
}

/** The trie node of the first name (from `from`) before a middle initial and the span, spelled as one key (`vladimir putin`), or 0. */
function fullNameNode(input: ResolveInput, cand: Candidate, from: number): number {
  const { buf } = input.nt;
  const units: number[] = [];
  for (let k = from; k < cand.start - 4; k++) units.push(buf[k]!);
  units.push(SPACE_CODE);
  for (let k = cand.start; k < cand.end; k++) units.push(buf[k]!);
  return keyNode(input.matcher, units);
}

/** Orders options best first: later-fitting dates, then stronger evidence. */
function compareOptions(a: Option, b: Option): number {
  if (a.dateRank !== b.dateRank) return a.dateRank > b.dateRank ? -1 : 1;
  return b.evidence - a.evidence;
}
