/**
 * Scores system mentions against gold mentions, as RULES.md §8 suggests: strict (same span and
 * entity) and lenient (overlapping span, same entity), micro-averaged, per type.
 *
 * How the gold's flags count is a policy (`ScoringSet`): each gold mention is `required` (a miss
 * is a false negative), `optional` (finding it is neither credit nor fault: the system's mention
 * that matches it is simply not a false positive) or absent from the set.
 */
import type { EntityType } from '../../extension/dataset/pack';
import type { GoldFlag, GoldSpan } from './gold';

/** A type bucket of the figures: the pack's four types, and `other` for gold of no pack type. */
export type Bucket = EntityType | 'other';

/** Gold prepared for scoring. */
export interface ScoredGold {
  start: number;
  end: number;
  /** Dataset id, or undefined for `NIL:` and entities the dataset lacks (never matched). */
  entity: string | undefined;
  bucket: Bucket;
  flags: ReadonlySet<GoldFlag>;
  /** The raw gold entity, for error listings. */
  gold: GoldSpan;
}

/** A system mention prepared for scoring. */
export interface ScoredSystem {
  start: number;
  end: number;
  entity: string;
  bucket: Bucket;
  text: string;
}

/** How one gold mention counts in a set of figures. */
export type Role = 'required' | 'optional';

/** A named way of counting the gold's flags. */
export interface ScoringSet {
  name: string;
  /** Why the set counts flags as it does; printed under the table. */
  rule: string;
  role: (g: ScoredGold) => Role;
  /**
   * Whether an unmatched system mention is let off: later descriptive references to an event
   * are real mentions the gold leaves unmarked (RULES.md §6.2 marks only the first one).
   */
  excuse: (s: ScoredSystem, article: readonly ScoredGold[]) => boolean;
}

/** Unmatched event mentions of an event the gold marks descriptively in the same article. */
function laterDescriptiveReference(s: ScoredSystem, article: readonly ScoredGold[]): boolean {
  return s.bucket === 'event' && article.some((g) => g.flags.has('descriptive') && g.entity === s.entity);
}

/**
 * The two sets of figures.
 * - `scored`: every gold mention counts, except `nested` and `descriptive` ones, which are
 *   optional. Nested names sit inside an event span, and a page shows one highlight per span, so
 *   the matcher returns the event (longest match). Descriptive mentions are common nouns
 *   ("talks", "phone call"), marked only at their first occurrence: linking them is a bonus,
 *   and linking a later one is not a fault. `metonym`, `in_compound` and `title_uncertain`
 *   count in full: the matcher links what is written, inside compounds too, and the dataset
 *   maps the titles.
 * - `core`: only mentions with no flag at all count; flagged ones are optional.
 */
export const SCORING_SETS: readonly ScoringSet[] = [
  {
    name: 'scored',
    rule: 'all gold except nested and descriptive (optional: matching them is no fault, missing them no miss)',
    role: (g) => (g.flags.has('nested') || g.flags.has('descriptive') ? 'optional' : 'required'),
    excuse: laterDescriptiveReference,
  },
  {
    name: 'core',
    rule: 'gold with no flag; flagged gold optional',
    role: (g) => (g.flags.size === 0 ? 'required' : 'optional'),
    excuse: laterDescriptiveReference,
  },
];

/** Span comparison of the two scoring modes. */
export const MODES = {
  strict: (g: ScoredGold, s: ScoredSystem) => g.start === s.start && g.end === s.end,
  lenient: (g: ScoredGold, s: ScoredSystem) => g.start < s.end && s.start < g.end,
} as const;
export type Mode = keyof typeof MODES;

/** Counts of one bucket. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Outcome of scoring one article under one set and mode. */
export interface ArticleScore {
  counts: Map<Bucket, Counts>;
  falsePositives: ScoredSystem[];
  falseNegatives: ScoredGold[];
}

function bump(counts: Map<Bucket, Counts>, bucket: Bucket, key: keyof Counts): void {
  const c = counts.get(bucket) ?? { tp: 0, fp: 0, fn: 0 };
  c[key] += 1;
  counts.set(bucket, c);
}

/**
 * Matches system mentions to gold one-to-one (each system mention takes the first unmatched
 * gold mention of the same entity whose span agrees, required gold first) and counts.
 */
export function scoreArticle(gold: readonly ScoredGold[], system: readonly ScoredSystem[], set: ScoringSet, mode: Mode): ArticleScore {
  const agrees = MODES[mode];
  const roles = gold.map((g) => set.role(g));
  const taken = new Array<boolean>(gold.length).fill(false);
  const counts = new Map<Bucket, Counts>();
  const falsePositives: ScoredSystem[] = [];
  for (const s of system) {
    const candidates = gold
      .map((_, i) => i)
      .filter((i) => !taken[i] && gold[i]!.entity === s.entity && agrees(gold[i]!, s))
      .sort((a, b) => (roles[a] === roles[b] ? a - b : roles[a] === 'required' ? -1 : 1));
    const match = candidates[0];
    if (match !== undefined) {
      taken[match] = true;
      if (roles[match] === 'required') bump(counts, gold[match]!.bucket, 'tp');
    } else if (!set.excuse(s, gold)) {
      bump(counts, s.bucket, 'fp');
      falsePositives.push(s);
    }
  }
  const falseNegatives = gold.filter((_, i) => !taken[i] && roles[i] === 'required');
  for (const g of falseNegatives) bump(counts, g.bucket, 'fn');
  return { counts, falsePositives, falseNegatives };
}

/** Precision, recall and F1 of counts; 1 when there is nothing to get wrong. */
export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Sums the counts of `buckets` (all buckets when omitted). */
export function sumCounts(counts: ReadonlyMap<Bucket, Counts>, buckets?: readonly Bucket[]): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [bucket, c] of counts) {
    if (buckets && !buckets.includes(bucket)) continue;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

/** Adds `more` into `into`, bucket by bucket. */
export function addCounts(into: Map<Bucket, Counts>, more: ReadonlyMap<Bucket, Counts>): void {
  for (const [bucket, c] of more) {
    const t = into.get(bucket) ?? { tp: 0, fp: 0, fn: 0 };
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
    into.set(bucket, t);
  }
}
