/**
 * Dates of events against the article's date. All dates are ISO strings compared as
 * strings; the compiler pads partial dates (`2022`, `2022-02`) so that comparison is exact.
 */

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_DAY_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * Ranks above every real date: an event under way on the article's day beats one that had
 * already ended (the 2021–22 crisis over the 2014 one).
 */
const ONGOING_RANK = '~';

/** Pads a partial ISO date to the first day it can mean: `2022-02` → `2022-02-01`. */
export function earliestDay(iso: string): string {
  const m = parsePartial(iso);
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/**
 * Pads a partial ISO date to a string that sorts after every day it can mean:
 * `2022-02` → `2022-02-31` (no such day, but string order is all that matters).
 */
export function latestDay(iso: string): string {
  const m = parsePartial(iso);
  return `${m[1]}-${m[2] ?? '12'}-${m[3] ?? '31'}`;
}

function parsePartial(iso: string): RegExpExecArray {
  const m = ISO_PARTIAL.exec(iso);
  if (!m) throw new Error(`matcher: not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "${iso}"`);
  return m;
}

/** The article's day from `MatchContext.date`, or undefined when absent or unreadable. */
export function articleDay(date: string | undefined): string | undefined {
  return date && ISO_DAY_PREFIX.test(date) ? date.slice(0, 10) : undefined;
}

/** How an entity's dates fit the article's day (see `dateFit`). */
export interface DateFit {
  readonly rank: string;
  readonly dated: boolean;
}

/** The answers of `dateFit` that do not depend on the entity's dates, shared: it runs for every alias row judged. */
const UNRANKED_DATED = Object.freeze({ rank: '', dated: true });
const UNRANKED_TIMELESS = Object.freeze({ rank: '', dated: false });
const ONGOING_DATED = Object.freeze({ rank: ONGOING_RANK, dated: true });
const ONGOING_TIMELESS = Object.freeze({ rank: ONGOING_RANK, dated: false });

/**
 * How an entity's dates fit the article's day.
 * - `undefined`: the event cannot be meant (it was not yet announced or started).
 * - `rank`: for choosing between entities that share a surface; higher is better:
 *   under way on that day, or timeless (no dates) (`~`) > ended (its end day, so the most
 *   recent wins). Without an article day every rank is `''`: dates cannot choose.
 * - `dated`: the entity has dates at all (so an unknown article day lowers confidence).
 */
export function dateFit(
  from: string | undefined,
  to: string | undefined,
  day: string | undefined,
): DateFit | undefined {
  const dated = from !== undefined || to !== undefined;
  if (day === undefined) return dated ? UNRANKED_DATED : UNRANKED_TIMELESS;
  if (from !== undefined && day < from) return undefined;
  if (to !== undefined && day > to) return { rank: to, dated };
  return dated ? ONGOING_DATED : ONGOING_TIMELESS;
}
