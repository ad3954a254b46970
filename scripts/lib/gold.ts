/**
 * The gold annotations of `test/fixtures/gold/` as the tools and tests read them: each
 * article's body, its date, and its mentions with UTF-16 offsets and dataset ids. The one
 * place that knows the gold's conventions (RULES.md), so `npm run eval` and the dataset's
 * coverage test agree on them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { EntityType } from '../../extension/dataset/pack';
import { articleBody, dateOfSourceLine } from './article-file';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const GOLD_DIR = join(REPO_ROOT, 'test/fixtures/gold');
export const ARTICLES_DIR = join(REPO_ROOT, 'test/fixtures/articles');

/**
 * Events without a Wikipedia article of their own: gold `event:` keys (EVENTS.md) mapped to
 * dataset ids. Every other gold entity is found through the dataset's `wikipedia` field.
 */
export const EVENT_KEY_TO_ID: Readonly<Record<string, string>> = {
  'event:Russia_December_2021_security_demands': 'russia-security-demands-2021',
  'event:Biden-Putin_video_call_7_December_2021': 'biden-putin-video-call-2021-12-07',
  'event:Biden-Putin_phone_call_30_December_2021': 'biden-putin-phone-call-2021-12-30',
  'event:US-Russia_Geneva_security_talks_January_2022': 'geneva-security-talks-2022-01',
  'event:NATO-Russia_Council_meeting_12_January_2022': 'nato-russia-council-meeting-2022-01-12',
  'event:OSCE_Permanent_Council_meeting_13_January_2022': 'osce-permanent-council-meeting-2022-01-13',
};

/** Gold types (RULES.md §7) in the pack's spelling; `other` (pipelines, laws) has no pack type. */
export const GOLD_TYPE: Readonly<Record<string, EntityType>> = {
  person: 'person',
  organisation: 'organization',
  place: 'place',
  event: 'event',
};

/** The optional flags of a gold mention (RULES.md). */
export const GOLD_FLAGS = ['metonym', 'descriptive', 'nested', 'in_compound', 'title_uncertain'] as const;
export type GoldFlag = (typeof GOLD_FLAGS)[number];

/** One gold mention as stored: offsets in Unicode code points of the body. */
export interface GoldMention {
  surface: string;
  occurrence: number;
  /** English Wikipedia title, `event:<key>` or `NIL:<name>`. */
  entity: string;
  type: string;
  start: number;
  end: number;
  metonym?: boolean;
  descriptive?: boolean;
  nested?: boolean;
  in_compound?: boolean;
  title_uncertain?: boolean;
  note?: string;
}

/** A gold mention with its offsets converted to UTF-16 code units of the body. */
export interface GoldSpan extends GoldMention {
  start16: number;
  end16: number;
}

/** One article of the gold set, ready to score. */
export interface GoldArticle {
  /** File name without `.json`. */
  name: string;
  /** The text the offsets index: the article file after its first two lines. */
  body: string;
  /** Publication day read from the article's `source:` line, if it gives one. */
  date: string | undefined;
  mentions: GoldSpan[];
}

/** Names of the gold files (without `.json`), sorted. */
export function goldNames(): string[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'))
    .sort();
}

/**
 * UTF-16 index of every code-point index of `text` (one entry more than code points, for
 * end offsets). Gold offsets are Python string indices, i.e. code points; JavaScript strings
 * are indexed in UTF-16 units, which differ after any astral character.
 */
export function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return map;
}

/** Reads one gold file and its article; throws if an offset disagrees with its surface. */
export function readGoldArticle(name: string): GoldArticle {
  const gold = JSON.parse(readFileSync(join(GOLD_DIR, `${name}.json`), 'utf8')) as { article: string; mentions: GoldMention[] };
  const { header, body } = articleBody(readFileSync(join(GOLD_DIR, '..', gold.article), 'utf8'));
  const to16 = codePointToUtf16(body);
  const mentions = gold.mentions.map((m) => {
    const span: GoldSpan = { ...m, start16: to16[m.start]!, end16: to16[m.end]! };
    if (body.slice(span.start16, span.end16) !== m.surface) {
      throw new Error(`${name}: gold "${m.surface}" at ${m.start} reads "${body.slice(span.start16, span.end16)}"`);
    }
    return span;
  });
  return { name, body, date: dateOfSourceLine(header[1]!), mentions };
}

/** What the dataset must offer to map gold entities: ids and Wikipedia titles. */
export interface DatasetEntityRef {
  id: string;
  wikipedia?: string;
}

/**
 * Maps gold entities to dataset ids: `event:` keys through `EVENT_KEY_TO_ID`, titles through
 * the dataset's `wikipedia` field. Returns undefined for `NIL:` and for entities the dataset lacks.
 */
export function goldToDatasetId(entities: readonly DatasetEntityRef[]): (gold: string) => string | undefined {
  const byTitle = new Map(entities.filter((e) => e.wikipedia).map((e) => [e.wikipedia!, e.id]));
  return (gold) => (gold.startsWith('event:') ? EVENT_KEY_TO_ID[gold] : byTitle.get(gold));
}
