/**
 * Judges candidates: which entity (if any) a candidate span links to, and how sure we are.
 * Candidates are judged in text order so that a full mention is on record (`seen`) before
 * the short mentions after it are judged.
 */
import { caseAllows } from './case-policy';
import {
  FLAG_AMBIGUOUS,
  FLAG_SHARED,
  FLAG_SHORT,
  FLAG_SINGLE_WORD,
} from './compiled-format';
import { dateFit } from './dates';
import type { Matcher } from './load';
import type { NormalizedText } from './normalize';
import { gluedToProperName } from './proper-name';
import type { Candidate, ContextHit } from './scan';
import {
  AMBIGUOUS_FULL_FACTOR,
  CONTEXT_WINDOW_WORDS,
  DATE_UNKNOWN_FACTOR,
  FULL_SCORE,
  SHORT_CONTEXT_SCORE,
  SHORT_SEEN_SCORE,
  THRESHOLD,
} from './scoring';

/** A candidate the rules accepted: normalised span, entity index and score. */
export interface Accepted {
  start: number;
  end: number;
  entity: number;
  score: number;
}

/** What backs a link, strongest highest: used to choose between entities sharing a surface. */
const Evidence = { None: 0, Context: 1, Seen: 2 } as const;
type Evidence = (typeof Evidence)[keyof typeof Evidence];

interface Option {
  entity: number;
  score: number;
  full: boolean;
  evidence: Evidence;
  dateRank: string;
}

/** Everything `resolve` reads besides the candidates. */
export interface ResolveInput {
  nt: NormalizedText;
  text: string;
  matcher: Matcher;
  hits: ContextHit[];
  /** The article's day, `YYYY-MM-DD`, if known. */
  day: string | undefined;
  /** Entity ids with a full mention earlier on the page; updated with this text's full mentions. */
  seen: Set<string>;
}

/**
 * Applies the rules to every candidate, in text order:
 * 1. case policy (`caseAllows`);
 * 2. for short and ambiguous single-word aliases, the proper-name guard (`gluedToProperName`);
 * 3. event dates against the article's day (`dateFit`);
 * 4. evidence for short aliases: an earlier full mention (`seen`) or a context word within
 *    `CONTEXT_WINDOW_WORDS`;
 * 5. when several entities remain for one span (a shared surface), the one whose dates fit
 *    best wins, then the one with the strongest evidence; a tie stays silent.
 * Accepted full mentions are added to `seen` at once, so later short mentions in the same
 * text can lean on them.
 */
export function resolve(candidates: Candidate[], input: ResolveInput): Accepted[] {
  const accepted: Accepted[] = [];
  for (const cand of candidates) {
    const winner = judge(cand, input);
    if (!winner) continue;
    accepted.push({ start: cand.start, end: cand.end, entity: winner.entity, score: winner.score });
    if (winner.full) input.seen.add(input.matcher.entities[winner.entity]!.id);
  }
  return accepted;
}

/**
 * The entity a candidate span links to, or undefined. Alias rows of a node are sorted by
 * entity, so each entity's rows are consecutive: keep the best row per entity, then the best
 * two entities, and stay silent when those two tie.
 */
function judge(cand: Candidate, input: ResolveInput): Option | undefined {
  const m = input.matcher;
  const ranking: Ranking = { top: undefined, second: undefined };
  const glued: GluedCache = { value: undefined };
  let current: Option | undefined;
  for (let a = m.firstAlias[cand.node]! - 1; a >= 0 && a < m.aliasNode.length && m.aliasNode[a] === cand.node; a++) {
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
  value: boolean | undefined;
}

/** Applies the rules to one alias row at one candidate span. */
function judgeRow(a: number, cand: Candidate, input: ResolveInput, glued: GluedCache): Option | undefined {
  const { nt, text, matcher: m, day, seen } = input;
  const flags = m.aliasFlags[a]!;
  if (!caseAllows(flags, m.aliasCaps[a]!, nt, text, cand.start, cand.end)) return undefined;
  const short = (flags & FLAG_SHORT) !== 0;
  const shared = (flags & FLAG_SHARED) !== 0;
  const guarded = short || ((flags & FLAG_SINGLE_WORD) !== 0 && (flags & (FLAG_AMBIGUOUS | FLAG_SHARED)) !== 0);
  if (guarded) {
    glued.value ??= gluedToProperName(nt, text, cand.start, cand.end);
    if (glued.value) return undefined;
  }
  const entity = m.aliasEntity[a]!;
  const spec = m.entities[entity]!;
  const fit = dateFit(spec.from, spec.to, day);
  if (!fit) return undefined;

  let evidence: Evidence = seen.has(spec.id) ? Evidence.Seen : Evidence.None;
  if (evidence === Evidence.None && (short || shared) && contextNear(input.hits, spec.context, cand)) {
    evidence = Evidence.Context;
  }
  let score: number;
  if (short) {
    if (evidence === Evidence.None) return undefined;
    score = evidence === Evidence.Seen ? SHORT_SEEN_SCORE : SHORT_CONTEXT_SCORE;
  } else {
    score = flags & FLAG_AMBIGUOUS ? FULL_SCORE * AMBIGUOUS_FULL_FACTOR : FULL_SCORE;
  }
  if (fit.dated && day === undefined) score *= DATE_UNKNOWN_FACTOR;
  if (score < THRESHOLD) return undefined;
  return { entity, score, full: !short, evidence, dateRank: fit.rank };
}

/** Orders options best first: later-fitting dates, then stronger evidence. */
function compareOptions(a: Option, b: Option): number {
  if (a.dateRank !== b.dateRank) return a.dateRank > b.dateRank ? -1 : 1;
  return b.evidence - a.evidence;
}

/** Whether one of the entity's context words occurs within the window around the candidate. */
function contextNear(hits: ContextHit[], context: readonly number[] | undefined, cand: Candidate): boolean {
  if (!context || hits.length === 0) return false;
  const lowest = cand.word - CONTEXT_WINDOW_WORDS;
  const highest = cand.word + CONTEXT_WINDOW_WORDS;
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid]!.word < lowest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < hits.length && hits[i]!.word <= highest; i++) {
    const hit = hits[i]!;
    const overlaps = hit.start < cand.end && hit.end > cand.start;
    if (!overlaps && context.includes(hit.node)) return true;
  }
  return false;
}
