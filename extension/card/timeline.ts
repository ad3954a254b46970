/**
 * An event's small timeline: the event among its neighbours in the story
 * (the build-up, the December demands, the January talks, the invasion).
 * Derived from the pack alone: events related to it either way, or starting
 * close to it, ordered by start. Pure, so what a timeline shows is tested
 * on the real pack without rendering.
 */
import type { CardData } from '../dataset/pack';

/**
 * Events starting within this many days of an event are its neighbours even
 * when the pack does not relate them: about the span of one phase of a crisis
 * (the weeks between Russia's demands and the January talks), short enough
 * that years-long wars stay out of a one-day meeting's timeline.
 */
export const TIMELINE_WINDOW_DAYS = 75;

/**
 * A related event counts as this many times closer than it is. The pack's
 * editors linked it for a reason, so the build-up months before outranks an
 * unrelated call days before; but an event linked across decades (NATO's
 * enlargement since 1952) must not push out the weeks around the event.
 */
export const RELATED_PULL = 10;

/**
 * Most neighbours shown on each side of the event; a side with fewer lends
 * its places to the other. Five lines in all fit a card without scrolling.
 */
export const TIMELINE_SIDE = 2;

const DAY_MS = 86_400_000;

/** An ISO date of any precision as a day number (`2014` → 1 January 2014). */
function dayOf(iso: string): number {
  const [y = '1970', m = '01', d = '01'] = iso.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
}

/**
 * The events to show with `event`, itself included, ordered by start; empty
 * when it has no neighbour (a timeline of one says nothing). The closest in
 * date win, related events pulled closer by `RELATED_PULL`.
 */
export function eventTimeline(event: CardData, all: readonly CardData[]): CardData[] {
  if (event.type !== 'event' || !event.start) return [];
  const day = dayOf(event.start);
  const related = (e: CardData) => event.related.includes(e.id) || e.related.includes(event.id);
  const candidates = all.filter(
    (e) =>
      e.type === 'event' &&
      e.id !== event.id &&
      e.start !== undefined &&
      (related(e) || Math.abs(dayOf(e.start) - day) <= TIMELINE_WINDOW_DAYS),
  );
  const distance = (e: CardData) => Math.abs(dayOf(e.start!) - day) / (related(e) ? RELATED_PULL : 1);
  const rank = (a: CardData, b: CardData) => distance(a) - distance(b) || a.id.localeCompare(b.id);
  const before = candidates.filter((e) => dayOf(e.start!) < day).sort(rank);
  const after = candidates.filter((e) => dayOf(e.start!) >= day).sort(rank);
  const total = 2 * TIMELINE_SIDE;
  const takeBefore = Math.min(before.length, Math.max(TIMELINE_SIDE, total - after.length));
  const takeAfter = Math.min(after.length, total - takeBefore);
  const chosen = [...before.slice(0, takeBefore), event, ...after.slice(0, takeAfter)];
  if (chosen.length < 2) return [];
  return chosen.sort((a, b) => dayOf(a.start!) - dayOf(b.start!) || (a === event ? -1 : b === event ? 1 : a.id.localeCompare(b.id)));
}

/**
 * An event's name as a timeline line: without the trailing date in brackets
 * that the pack adds to tell events apart (`Russia's security demands
 * (December 2021)`), since the line shows the date beside it.
 */
export function timelineLabel(name: string): string {
  return name.replace(/\s*\([^()]*\)$/, '') || name;
}
