/**
 * Dates of events against the article's date. Days are numbers `yyyymmdd` (`20220224`), so
 * that they compare as numbers and sit in the matcher's typed arrays; the compiler pads partial
 * dates (`2022`, `2022-02`) so that comparison is exact.
 */

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** An absent date in `Matcher.days`: below every real day. */
export const NO_DAY = 0;

/**
 * Ranks above every real day: an event under way on the article's day beats one that had
 * already ended (the 2021–22 crisis over the 2014 one).
 */
const ONGOING_RANK = 99_999_999;

/** Ranks every entity alike, when the article's day is unknown and dates cannot choose. */
const UNRANKED = 0;

const dayNumber = (year: string, month: string, day: string): number => Number(year) * 10_000 + Number(month) * 100 + Number(day);

/** Pads a partial ISO date to the first day it can mean: `2022-02` → `20220201`. */
export function earliestDay(iso: string): number {
  const m = parsePartial(iso);
  return dayNumber(m[1]!, m[2] ?? '01', m[3] ?? '01');
}

/**
 * Pads a partial ISO date to a day that sorts after every day it can mean:
 * `2022-02` → `20220231` (no such day, but order is all that matters).
 */
export function latestDay(iso: string): number {
  const m = parsePartial(iso);
  return dayNumber(m[1]!, m[2] ?? '12', m[3] ?? '31');
}

function parsePartial(iso: string): RegExpExecArray {
  const m = ISO_PARTIAL.exec(iso);
  if (!m) throw new Error(`matcher: not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): "${iso}"`);
  return m;
}

/** The article's day from `MatchContext.date`, or undefined when absent or unreadable. */
export function articleDay(date: string | undefined): number | undefined {
  const m = date ? ISO_DAY_PREFIX.exec(date) : null;
  return m ? dayNumber(m[1]!, m[2]!, m[3]!) : undefined;
}

/** How an entity's dates fit the article's day (see `dateFit`). */
export interface DateFit {
  readonly rank: number;
  readonly dated: boolean;
}

/** The answers of `dateFit` that do not depend on the entity's dates, shared: it runs for every alias row judged. */
const UNRANKED_DATED = Object.freeze({ rank: UNRANKED, dated: true });
const UNRANKED_TIMELESS = Object.freeze({ rank: UNRANKED, dated: false });
const ONGOING_DATED = Object.freeze({ rank: ONGOING_RANK, dated: true });
const ONGOING_TIMELESS = Object.freeze({ rank: ONGOING_RANK, dated: false });

/**
 * How an entity's dates (`NO_DAY` where it has none) fit the article's day.
 * - `undefined`: the event cannot be meant (it was not yet announced or started).
 * - `rank`: for choosing between entities that share a surface; higher is better:
 *   under way on that day, or timeless (no dates) > ended (its end day, so the most
 *   recent wins). Without an article day every rank is the same: dates cannot choose.
 * - `dated`: the entity has dates at all (so an unknown article day lowers confidence).
 */
export function dateFit(from: number, to: number, day: number | undefined): DateFit | undefined {
  const dated = from !== NO_DAY || to !== NO_DAY;
  if (day === undefined) return dated ? UNRANKED_DATED : UNRANKED_TIMELESS;
  if (from !== NO_DAY && day < from) return undefined;
  if (to !== NO_DAY && day > to) return { rank: to, dated };
  return dated ? ONGOING_DATED : ONGOING_TIMELESS;
}
