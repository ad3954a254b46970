/**
 * The SOURCE format of the knowledge pack: what people write and review in
 * `assets/dataset/*.yaml`. One valibot schema per record gives both the runtime
 * validation (run by `build-pack.ts` on every build) and, through
 * `v.InferOutput`, the TypeScript types the compiler works on. Defaults are
 * applied here (an alias written as a plain string becomes `{match: full,
 * case: proper}`) so nothing downstream has to know the shorthand.
 *
 * What the schema cannot see alone (dates that do not exist, ids that point
 * nowhere, two entities claiming one alias) is left to `checkPack` in
 * `compile.ts`, which sees the whole pack.
 */
import * as v from 'valibot';
import { ENTITY_TYPES } from './pack';

/** Stable kebab-case slug: ids are referenced by `related` and by stored user data, so they never change once published. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Wikidata item ids. */
export const WIKIDATA_PATTERN = /^Q[1-9]\d*$/;

/**
 * English Wikipedia title as it appears in the URL path: underscores, no
 * spaces, not a URL, none of the characters MediaWiki forbids in titles
 * (`# < > [ ] | { }`, controls), and no `.`/`..` path segment, which a browser
 * would resolve out of `/wiki/` (found by test/unit/security/hostile-dataset.test.ts).
 */
export const WIKIPEDIA_TITLE_PATTERN = /^(?!https?:)(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))[^\s#<>[\]|{}\p{Cc}]+$/u;

/** Pack versions are dates, `YYYY.MM.DD`, so a card's footer says how fresh the facts are. */
export const PACK_VERSION_PATTERN = /^\d{4}\.\d{2}\.\d{2}$/;

/** Shape of an ISO date of year, month or day precision (`2014`, `2014-03`, `2014-03-18`). */
export const ISO_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Typographic dashes and quotes are not allowed inside aliases: sources write the ASCII
 * `-` and `'` once and the matcher folds page text (`NATO–Russia`, `People’s`) onto them,
 * so one alias covers every rendering and no alias is listed twice.
 */
export const TYPOGRAPHIC_CHARS = /[\u2010-\u2015\u2018\u2019\u201A\u201B\u201C\u201D\u2212]/;

/** Context words are single lowercase tokens, compared with lowercased page words. */
export const CONTEXT_WORD_PATTERN = /^[^\s]+$/;

/** Longest one-line description; the card shows it under the name without wrapping much. */
export const MAX_DESCRIPTION_LENGTH = 160;

/** Longest summary, about four sentences. */
export const MAX_SUMMARY_LENGTH = 900;

/** The values of `AliasMatch` (matcher/types.ts), as the schema accepts them. */
export const ALIAS_MATCHES = ['full', 'short'] as const;
/** The values of `AliasCase` (matcher/types.ts), as the schema accepts them. */
export const ALIAS_CASES = ['proper', 'exact', 'any'] as const;

/** A non-empty string with no leading/trailing space and no line break. */
const OneLine = v.pipe(
  v.string(),
  v.nonEmpty('must not be empty'),
  v.check((s) => s.trim() === s, 'must not start or end with a space'),
  v.check((s) => !/[\r\n]/.test(s), 'must be a single line'),
);

const DATE_EXPECTED = 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD';

/**
 * A date as written in YAML. An unquoted `2014` arrives as a number (YAML 1.2
 * core schema), so whole numbers are accepted and turned into strings; whether
 * the text is a real date is checked by `checkPack`, which names the field.
 */
const DateText = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer(DATE_EXPECTED))], DATE_EXPECTED),
  v.transform((value) => String(value)),
);

const HttpsUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.startsWith('https://', 'must be an https URL'),
);

/** The matcher starts matches only at word starts, so an alias must begin with a letter or digit. */
const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;

const AliasText = v.pipe(
  OneLine,
  v.regex(STARTS_WITH_WORD, 'must start with a letter or digit'),
  v.check((s) => !TYPOGRAPHIC_CHARS.test(s), "write ASCII - and ' (the matcher folds typographic dashes and quotes)"),
);

/**
 * An alias is either a plain string (a full name, proper case) or an object
 * that says how it may match. See `AliasMatch` / `AliasCase` in `matcher/types.ts`.
 */
export const AliasSchema = v.union(
  [
    v.pipe(
      AliasText,
      v.transform((text) => ({ text, match: 'full' as const, case: 'proper' as const })),
    ),
    v.strictObject({
      text: AliasText,
      match: v.optional(v.picklist(ALIAS_MATCHES), 'full'),
      case: v.optional(v.picklist(ALIAS_CASES), 'proper'),
      /**
       * The surface is also the head of other names (`Kremlin` in `Kazan Kremlin`): see
       * `AliasSpec.ambiguous` in `matcher/types.ts`.
       */
      ambiguous: v.optional(v.boolean()),
      /** The surface is also an everyday word (`Turkey`): see `AliasSpec.common` in `matcher/types.ts`. */
      common: v.optional(v.boolean()),
    }),
  ],
  'expected a string or {text, match?, case?, ambiguous?, common?}',
);

/** A role a person held; `to` is absent while it is still held. */
export const RoleSchema = v.strictObject({
  title: OneLine,
  from: DateText,
  to: v.optional(DateText),
});

/** Fields every entity has, whatever its type. */
const baseEntries = {
  id: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a kebab-case slug (a-z, 0-9, -)')),
  name: OneLine,
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1, 'needs at least one alias')),
  wikipedia: v.optional(
    v.pipe(v.string(), v.regex(WIKIPEDIA_TITLE_PATTERN, 'must be an English Wikipedia title with underscores')),
  ),
  wikidata: v.optional(v.pipe(v.string(), v.regex(WIKIDATA_PATTERN, 'must be a Wikidata id like Q7747'))),
  description: v.pipe(OneLine, v.maxLength(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`)),
  summary: v.pipe(
    v.string(),
    v.transform((s) => s.trim().replace(/\s+/g, ' ')),
    v.nonEmpty('must not be empty'),
    v.maxLength(MAX_SUMMARY_LENGTH, `must be at most ${MAX_SUMMARY_LENGTH} characters`),
  ),
  related: v.optional(v.array(v.pipe(v.string(), v.regex(ID_PATTERN, 'must be an entity id'))), []),
  context: v.optional(
    v.array(
      v.pipe(
        v.string(),
        v.regex(CONTEXT_WORD_PATTERN, 'must be a single word'),
        v.regex(STARTS_WITH_WORD, 'must start with a letter or digit'),
        v.check((s) => s === s.toLowerCase(), 'must be lowercase'),
      ),
    ),
    [],
  ),
  /**
   * Phrases that contain one of the entity's names but name something else (`Sherman tank`,
   * `Austin, Texas`): a mention inside one never links, even after a full mention of the
   * entity. Matched in any case. See `EntitySpec.not` in `matcher/types.ts`.
   */
  not: v.optional(v.array(AliasText), []),
  sources: v.pipe(v.array(HttpsUrl), v.minLength(1, 'needs at least one source')),
  /** Optional in the schema so that `checkPack` can report it by name with the rest. */
  reviewed: v.optional(DateText),
};

const PersonSchema = v.strictObject({
  type: v.literal('person'),
  ...baseEntries,
  roles: v.optional(v.array(RoleSchema)),
});

const OrganizationSchema = v.strictObject({ type: v.literal('organization'), ...baseEntries });

const PlaceSchema = v.strictObject({ type: v.literal('place'), ...baseEntries });

/** Events carry dates so the matcher can choose between events that share words. */
const EventSchema = v.strictObject({
  type: v.literal('event'),
  ...baseEntries,
  start: DateText,
  end: v.optional(DateText),
  /**
   * When the event was publicly scheduled, if before `start`: articles written in
   * between (previews of the Geneva talks) may then name it (see `EntitySpec.announced`).
   */
  announced: v.optional(DateText),
  /** Where it happened, as display text (link the place entity through `related`). */
  place: v.optional(OneLine),
});

/**
 * One entity of the source files. A variant on `type`, so `roles` is only
 * allowed on people and `start`/`end`/`place` only on events.
 */
export const EntitySchema = v.variant(
  'type',
  [PersonSchema, OrganizationSchema, PlaceSchema, EventSchema],
  `type must be one of: ${ENTITY_TYPES.join(', ')}`,
);

/** `assets/dataset/pack.yaml`. */
export const PackMetaSchema = v.strictObject({
  version: v.pipe(v.string(), v.regex(PACK_VERSION_PATTERN, 'must be a date-based version "YYYY.MM.DD" (quote it)')),
});

/** An alias after defaults: always `{text, match, case}`. */
export type AliasSource = v.InferOutput<typeof AliasSchema>;
/** A person's role, dates as strings. */
export type RoleSource = v.InferOutput<typeof RoleSchema>;
/** One validated entity, defaults applied (`related`, `context` and `not` always arrays). */
export type EntitySource = v.InferOutput<typeof EntitySchema>;
/** The validated `pack.yaml`. */
export type PackMeta = v.InferOutput<typeof PackMetaSchema>;
/** What an author may write, before defaults: useful for tests and tools that build sources. */
export type EntityInput = v.InferInput<typeof EntitySchema>;

/** Days in each month of a non-leap year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Whether `text` is a real ISO date of year, month or day precision.
 * `Date.parse` is not used: it accepts `2021-02-30` and rolls it over.
 */
export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE_PATTERN.exec(text);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const max = month === 2 && isLeapYear(Number(y)) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day >= 1 && day <= max;
}

/**
 * Compares two valid ISO dates at their common precision, so `2014` vs
 * `2014-03` is 0 (neither is known to be earlier). Negative when `a` is earlier.
 */
export function compareIsoDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The pack version `2026.11.28` as the ISO date `2026-11-28`. */
export function packVersionToIsoDate(version: string): string {
  return version.replaceAll('.', '-');
}
