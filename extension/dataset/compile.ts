/**
 * Turns validated sources into the runtime pack, and checks the pack as a whole.
 * Both functions are pure (no I/O), so tests and tools can call them on sources
 * they build in memory; `build-pack.ts` does the reading and error reporting.
 */
import { compileMatcher } from '../matcher';
import { normalizeSurface } from '../matcher/compile';
import { isWordUnit } from '../matcher/normalize';
import type { AliasSpec, EntitySpec } from '../matcher/types';
import type { CardData, CompiledPack, Role } from './pack';
import {
  compareIsoDates,
  isValidIsoDate,
  packVersionToIsoDate,
  type AliasSource,
  type EntitySource,
  type PackMeta,
} from './schema';

/** An entity together with where it was written, so problems can point at it. */
export interface SourcedEntity {
  entity: EntitySource;
  /** File name as shown in error messages. */
  file: string;
  /** Position of the entity in its file's top-level list (0-based). */
  index: number;
}

/** Path inside an entity (or the meta file) to the offending value, e.g. `['roles', 0, 'to']`. */
export type FieldPath = readonly (string | number)[];

/** One thing wrong with the sources, precise enough to find and fix. */
export interface Problem {
  file: string;
  /** Entity id, or a placeholder such as `(pack)` or `(entry 3)` when there is none. */
  entity: string;
  /** Entity's position in its file, when the problem is about an entity. */
  index?: number;
  /** The path rendered for people: `roles[0].to`. */
  field: string;
  path: FieldPath;
  message: string;
  /** 1-based line, filled in by whoever has the file text. */
  line?: number;
}

/** Placeholder entity name for problems in `pack.yaml`. */
export const PACK_ENTITY = '(pack)';

/** Renders `['roles', 0, 'to']` as `roles[0].to`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  }
  return out === '' ? '-' : out;
}

/** Builds a problem about one entity. */
function problemAt(source: SourcedEntity, path: FieldPath, message: string): Problem {
  return {
    file: source.file,
    entity: source.entity.id,
    index: source.index,
    field: formatFieldPath(path),
    path,
    message,
  };
}

/** Code-point order: the same on every machine and locale, unlike `localeCompare`. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Compile

/** Copies the fields a card shows, leaving absent optionals out (not `undefined`) so the JSON is stable. */
function toCard(entity: EntitySource): CardData {
  if (entity.reviewed === undefined) {
    throw new Error(`compilePack: entity ${entity.id} has no 'reviewed' date; run checkPack first`);
  }
  const card: CardData = {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    description: entity.description,
    summary: entity.summary,
    related: [...new Set(entity.related)],
    reviewed: entity.reviewed,
  };
  if (entity.type === 'person' && entity.roles !== undefined) {
    card.roles = entity.roles.map((r): Role => (r.to === undefined ? { title: r.title, from: r.from } : { ...r }));
  }
  if (entity.type === 'event') {
    card.start = entity.start;
    if (entity.end !== undefined) card.end = entity.end;
    if (entity.place !== undefined) card.place = entity.place;
  }
  if (entity.wikipedia !== undefined) card.wikipedia = entity.wikipedia;
  if (entity.wikidata !== undefined) card.wikidata = entity.wikidata;
  return card;
}

function toEntitySpec(entity: EntitySource): EntitySpec {
  const spec: EntitySpec = {
    id: entity.id,
    type: entity.type,
    context: [...new Set(entity.context)].sort(byCodePoint),
  };
  if (entity.not.length > 0) spec.not = [...new Set(entity.not)].sort(byCodePoint);
  if (entity.type === 'event') {
    spec.start = entity.start;
    if (entity.end !== undefined) spec.end = entity.end;
    if (entity.announced !== undefined) spec.announced = entity.announced;
  }
  return spec;
}

function compareAliasSpecs(a: AliasSpec, b: AliasSpec): number {
  return (
    byCodePoint(a.entity, b.entity) ||
    byCodePoint(a.text, b.text) ||
    byCodePoint(a.match, b.match) ||
    byCodePoint(a.case, b.case) ||
    Number(a.ambiguous ?? false) - Number(b.ambiguous ?? false) ||
    Number(a.common ?? false) - Number(b.common ?? false)
  );
}

/** Every alias of every entity, each once, in a fixed order. */
function toAliasSpecs(entities: readonly EntitySource[]): AliasSpec[] {
  const seen = new Set<string>();
  const specs: AliasSpec[] = [];
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      const spec: AliasSpec = { text: alias.text, entity: entity.id, match: alias.match, case: alias.case };
      if ('ambiguous' in alias && alias.ambiguous) spec.ambiguous = true;
      if ('common' in alias && alias.common) spec.common = true;
      const key = JSON.stringify(spec);
      if (seen.has(key)) continue;
      seen.add(key);
      specs.push(spec);
    }
  }
  return specs.sort(compareAliasSpecs);
}

/**
 * Compiles validated, checked sources into the runtime pack.
 * Deterministic: the output depends only on the set of entities, not on the order
 * of files or of entries (entities sorted by id, aliases and context sorted), so
 * two builds of the same sources are byte-identical and diffs of the pack are real.
 * Callers should run `checkPack` first; this throws only if `reviewed` is missing.
 */
export function compilePack(meta: PackMeta, entities: readonly EntitySource[]): CompiledPack {
  const sorted = [...entities].sort((a, b) => byCodePoint(a.id, b.id));
  return {
    version: meta.version,
    entities: sorted.map(toCard),
    matcher: compileMatcher(toAliasSpecs(sorted), sorted.map(toEntitySpec)),
  };
}

// ---------------------------------------------------------------------------
// Check

/** Groups sources by a key, keeping file order. */
function groupBy<K>(sources: readonly SourcedEntity[], key: (s: SourcedEntity) => K | undefined): Map<K, SourcedEntity[]> {
  const groups = new Map<K, SourcedEntity[]>();
  for (const s of sources) {
    const k = key(s);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(s);
    else groups.set(k, [s]);
  }
  return groups;
}

function where(s: SourcedEntity): string {
  return `${s.entity.id} in ${s.file}`;
}

/** Ids must be unique across all files: every later definition is reported against the first. */
function checkDuplicateIds(sources: readonly SourcedEntity[]): Problem[] {
  const problems: Problem[] = [];
  for (const [id, group] of groupBy(sources, (s) => s.entity.id)) {
    for (const dup of group.slice(1)) {
      problems.push(problemAt(dup, ['id'], `duplicate id '${id}': already defined in ${group[0]!.file}`));
    }
  }
  return problems;
}

/** The same Wikipedia title or Wikidata id on two entities is almost always a copy-paste slip. */
function checkDuplicateLinks(sources: readonly SourcedEntity[]): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['wikipedia', 'wikidata'] as const) {
    for (const [value, group] of groupBy(sources, (s) => s.entity[field])) {
      for (const dup of group.slice(1)) {
        problems.push(problemAt(dup, [field], `'${value}' is also the ${field} of ${where(group[0]!)}`));
      }
    }
  }
  return problems;
}

/** `related` must name entities of the pack, not the entity itself, each once. */
function checkRelated(sources: readonly SourcedEntity[], otherIds: Iterable<string>): Problem[] {
  const ids = new Set([...sources.map((s) => s.entity.id), ...otherIds]);
  const problems: Problem[] = [];
  for (const s of sources) {
    const seen = new Set<string>();
    s.entity.related.forEach((id, i) => {
      const path = ['related', i];
      if (id === s.entity.id) problems.push(problemAt(s, path, 'an entity cannot be related to itself'));
      else if (!ids.has(id)) problems.push(problemAt(s, path, `unknown entity id '${id}'`));
      else if (seen.has(id)) problems.push(problemAt(s, path, `'${id}' is listed twice`));
      seen.add(id);
    });
  }
  return problems;
}

/** Every date field of an entity, with its path. */
function dateFields(entity: EntitySource): [FieldPath, string][] {
  const fields: [FieldPath, string][] = [];
  if (entity.type === 'person') {
    entity.roles?.forEach((role, i) => {
      fields.push([['roles', i, 'from'], role.from]);
      if (role.to !== undefined) fields.push([['roles', i, 'to'], role.to]);
    });
  }
  if (entity.type === 'event') {
    fields.push([['start'], entity.start]);
    if (entity.end !== undefined) fields.push([['end'], entity.end]);
    if (entity.announced !== undefined) fields.push([['announced'], entity.announced]);
  }
  if (entity.reviewed !== undefined) fields.push([['reviewed'], entity.reviewed]);
  return fields;
}

/** Whether two valid dates are in the wrong order (`later` earlier than `earlier`). */
function isInverted(earlier: string, later: string | undefined): boolean {
  return later !== undefined && isValidIsoDate(earlier) && isValidIsoDate(later) && compareIsoDates(earlier, later) > 0;
}

/** Dates must exist on the calendar, and periods must not end before they start. */
function checkDates(sources: readonly SourcedEntity[]): Problem[] {
  const problems: Problem[] = [];
  for (const s of sources) {
    for (const [path, value] of dateFields(s.entity)) {
      if (!isValidIsoDate(value)) {
        problems.push(problemAt(s, path, `'${value}' is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`));
      }
    }
    const e = s.entity;
    if (e.type === 'person') {
      e.roles?.forEach((role, i) => {
        if (isInverted(role.from, role.to)) {
          problems.push(problemAt(s, ['roles', i, 'to'], `ends (${role.to}) before it starts (${role.from})`));
        }
      });
    }
    if (e.type === 'event') {
      if (isInverted(e.start, e.end)) {
        problems.push(problemAt(s, ['end'], `ends (${e.end}) before it starts (${e.start})`));
      }
      if (e.announced !== undefined && isInverted(e.announced, e.start)) {
        problems.push(problemAt(s, ['announced'], `is after the start (${e.start}); leave it out when the event was not announced ahead`));
      }
    }
  }
  return problems;
}

/** Every card says when its facts were checked, and that cannot be after the pack was made. */
function checkReviewed(meta: PackMeta, sources: readonly SourcedEntity[]): Problem[] {
  const packDate = packVersionToIsoDate(meta.version);
  const problems: Problem[] = [];
  for (const s of sources) {
    const reviewed = s.entity.reviewed;
    if (reviewed === undefined) {
      problems.push(problemAt(s, ['reviewed'], 'missing: say when the facts were last checked (YYYY-MM-DD)'));
    } else if (isValidIsoDate(reviewed) && isValidIsoDate(packDate) && compareIsoDates(reviewed, packDate) > 0) {
      problems.push(problemAt(s, ['reviewed'], `${reviewed} is later than the pack version ${meta.version}`));
    }
  }
  return problems;
}

/** The pack version must be a real date. */
function checkMeta(meta: PackMeta, metaFile: string): Problem[] {
  if (isValidIsoDate(packVersionToIsoDate(meta.version))) return [];
  return [
    {
      file: metaFile,
      entity: PACK_ENTITY,
      field: 'version',
      path: ['version'],
      message: `'${meta.version}' is not a real date`,
    },
  ];
}

/** Case folding used to compare aliases. */
export function foldAlias(text: string): string {
  return text.toLowerCase();
}

function hasUpperAt(text: string, i: number): boolean {
  const ch = text[i]!;
  return ch !== ch.toLowerCase();
}

/**
 * Whether some page text could match both aliases (same folded text assumed),
 * following the case policies documented on `AliasCase`:
 * `any` matches every casing; two `proper` aliases both match the all-caps
 * rendering; `exact` matches only itself, which a `proper` alias accepts when
 * it has capitals wherever the proper one does.
 */
function casesOverlap(a: AliasSource, b: AliasSource): boolean {
  if (a.case === 'any' || b.case === 'any') return true;
  if (a.case === 'proper' && b.case === 'proper') return true;
  if (a.case === 'exact' && b.case === 'exact') return a.text === b.text;
  const [exact, proper] = a.case === 'exact' ? [a.text, b.text] : [b.text, a.text];
  if (exact.length !== proper.length) return true;
  for (let i = 0; i < proper.length; i++) {
    if (hasUpperAt(proper, i) && !hasUpperAt(exact, i)) return false;
  }
  return true;
}

/**
 * The period in which an article may name an event, as the matcher sees it:
 * from its announcement (or start) to its end, open while it is ongoing.
 */
function eventSpan(e: EntitySource): [string, string | undefined] | undefined {
  return e.type === 'event' ? [e.announced ?? e.start, e.end] : undefined;
}

/**
 * Two events whose periods do not overlap may share words: the matcher picks
 * one by the article's date (see `EntitySpec.start`). Anything else sharing a
 * full alias is ambiguous.
 */
function separatedByDates(a: EntitySource, b: EntitySource): boolean {
  const x = eventSpan(a);
  const y = eventSpan(b);
  if (!x || !y) return false;
  const before = (first: [string, string | undefined], second: [string, string | undefined]): boolean =>
    first[1] !== undefined && compareIsoDates(first[1], second[0]) < 0;
  return before(x, y) || before(y, x);
}

/**
 * No rule can separate two entities that claim the same alias with
 * `match: full` and case policies that accept the same text (two `proper`
 * aliases, say), unless both are events on different dates. `short` aliases
 * may be shared: context words and earlier full mentions decide. An alias
 * repeated within one entity is reported as a duplicate.
 */
function checkAliases(sources: readonly SourcedEntity[]): Problem[] {
  type Claim = { source: SourcedEntity; alias: AliasSource; index: number };
  const byFolded = new Map<string, Claim[]>();
  const problems: Problem[] = [];
  for (const source of sources) {
    const own = new Map<string, AliasSource>();
    source.entity.aliases.forEach((alias, index) => {
      const key = `${foldAlias(alias.text)}\u0000${alias.match}\u0000${alias.case}`;
      if (own.has(key)) {
        problems.push(problemAt(source, ['aliases', index], `alias '${alias.text}' is listed twice`));
        return;
      }
      own.set(key, alias);
      if (alias.match !== 'full') return;
      const folded = foldAlias(alias.text);
      const claims = byFolded.get(folded);
      const claim = { source, alias, index };
      if (claims) claims.push(claim);
      else byFolded.set(folded, [claim]);
    });
  }
  for (const claims of byFolded.values()) {
    for (let j = 1; j < claims.length; j++) {
      const later = claims[j]!;
      for (const earlier of claims.slice(0, j)) {
        if (earlier.source.entity.id === later.source.entity.id) continue;
        if (!casesOverlap(earlier.alias, later.alias)) continue;
        if (separatedByDates(earlier.source.entity, later.source.entity)) continue;
        problems.push(
          problemAt(
            later.source,
            ['aliases', later.index],
            `full alias '${later.alias.text}' (case: ${later.alias.case}) is also a full alias of ${where(earlier.source)} ` +
              `(case: ${earlier.alias.case}); make one of them match: short or give them case policies that separate them`,
          ),
        );
        break;
      }
    }
  }
  return problems;
}

/** Options of `checkPack`. */
export interface CheckOptions {
  /** File name of the meta file, as shown in messages. */
  metaFile?: string;
  /**
   * Ids of entries that exist but failed the schema: `related` links to them are
   * not reported as dangling, so one bad entity does not cascade into many problems.
   */
  otherIds?: Iterable<string>;
}

/**
 * Checks the pack as a whole, beyond what the per-entity schema can see:
 * duplicate ids (and Wikipedia/Wikidata links), dangling or self `related` ids,
 * unparseable and inverted dates (an announcement after the start included), full aliases no rule separates, and `reviewed`
 * missing or later than the pack version. Returns every problem, in file order
 * per check, so authors fix a batch at a time; an empty array means the pack is good.
 */
export function checkPack(meta: PackMeta, entities: readonly SourcedEntity[], options: CheckOptions = {}): Problem[] {
  return [
    ...checkMeta(meta, options.metaFile ?? 'pack.yaml'),
    ...checkDuplicateIds(entities),
    ...checkDuplicateLinks(entities),
    ...checkRelated(entities, options.otherIds ?? []),
    ...checkDates(entities),
    ...checkReviewed(meta, entities),
    ...checkAliases(entities),
    ...checkNotNames(entities),
  ];
}

/**
 * Each phrase that is not a name (`not`) must contain one of its entity's aliases as whole
 * words, or it silences nothing of that entity (a stale entry), and must not itself be an
 * alias of any entity, which it would silence everywhere. Both are judged on the keys the
 * matcher compiles (`normalizeSurface`) and on its word units, as the page will be read.
 */
function checkNotNames(sources: readonly SourcedEntity[]): Problem[] {
  const keyOf = (text: string): string => normalizeSurface(text).key;
  const aliases = new Set(sources.flatMap((s) => s.entity.aliases.map((a) => keyOf(a.text))));
  const problems: Problem[] = [];
  for (const source of sources) {
    const own = source.entity.aliases.map((a) => keyOf(a.text));
    source.entity.not.forEach((phrase, index) => {
      const key = keyOf(phrase);
      if (aliases.has(key)) {
        problems.push(problemAt(source, ['not', index], `'${phrase}' is an alias; a phrase in 'not' must be longer than the name it silences`));
      } else if (!own.some((alias) => containsWords(key, alias))) {
        problems.push(problemAt(source, ['not', index], `'${phrase}' contains none of ${source.entity.id}'s aliases as whole words`));
      }
    });
  }
  return problems;
}

/** Whether the key `phrase` holds the key `words` with no word unit right before or after it. */
function containsWords(phrase: string, words: string): boolean {
  const wordAt = (k: number): boolean => k >= 0 && k < phrase.length && isWordUnit(phrase.charCodeAt(k));
  for (let at = phrase.indexOf(words); at >= 0; at = phrase.indexOf(words, at + 1)) {
    if (!wordAt(at - 1) && !wordAt(at + words.length)) return true;
  }
  return false;
}
