/**
 * The facts a card states, derived from card data and the article's date.
 * Pure, so what a card says is tested without rendering it.
 */
import type { CardData, EntityType, Role } from '../dataset/pack';

/** How each type is named on a card. */
export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
};

/**
 * ISO dates of any precision compare correctly as strings once padded:
 * `2014` is treated as the start of 2014 when it opens a period, and as its
 * end when it closes one.
 */
function periodStart(date: string): string {
  return (date + '-01-01').slice(0, 10);
}
function periodEnd(date: string): string {
  return (date + '-12-31').slice(0, 10);
}

/**
 * The role a person held on `date` (ISO), so a card about an article from
 * 2021 says "U.S. Secretary of State" even if the pack knows later roles.
 * Without a date, or when no role covers it, the most recent role is used.
 */
export function roleAt(roles: readonly Role[] | undefined, date?: string): Role | undefined {
  if (!roles || roles.length === 0) return undefined;
  const latestFirst = [...roles].sort((a, b) => periodStart(b.from).localeCompare(periodStart(a.from)));
  if (date) {
    const held = latestFirst.find(
      (r) => periodStart(r.from) <= date && (r.to === undefined || date <= periodEnd(r.to)),
    );
    if (held) return held;
  }
  return latestFirst[0];
}

/** The one bold line under a card's name: the role at the article's date, else the description. */
export function oneLine(card: CardData, date?: string): string {
  if (card.type === 'person') {
    const role = roleAt(card.roles, date);
    if (role) return role.title;
  }
  return card.description;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-01-10` → `10 January 2022`; `2014-03` → `March 2014`; `2014` → `2014`. */
export function formatDate(iso: string): string {
  const [y = '', m, d] = iso.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1];
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** `2022-01-10` → `10 Jan 2022`; `2014-03` → `Mar 2014`; `2014` → `2014`: for the timeline's narrow date column. */
export function formatShortDate(iso: string): string {
  const [y = '', m, d] = iso.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1]?.slice(0, 3);
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** An event's dates as a reader says them, or undefined for entities without dates. */
export function eventDates(card: CardData): string | undefined {
  if (card.type !== 'event' || !card.start) return undefined;
  if (!card.end || card.end === card.start) return formatDate(card.start);
  return `${formatDate(card.start)} – ${formatDate(card.end)}`;
}

/** Wikipedia titles are validated by the pack schema; the URL is built here and only here. */
export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title)}`;
}
