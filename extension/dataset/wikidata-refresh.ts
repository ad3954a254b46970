/**
 * Node-free core of `npm run dataset:refresh`: brings the pack's names, aliases,
 * descriptions and links up to date from a Wikidata entity export (the JSON that
 * `wbgetentities` returns), and never touches what the pack writes itself (summaries,
 * roles, dates, context, related, reviewed).
 *
 * Edits are made on the YAML source text, not by re-serialising documents: yaml's
 * `Document` finds each node and its source range, and only those ranges are rewritten,
 * so comments, folded summaries and flow-style aliases stay byte-for-byte as written
 * (`Document.toString()` would re-fold every long summary).
 */
import * as v from 'valibot';
import { isMap, isScalar, isSeq, parse, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { foldAlias, type SourcedEntity } from './compile';
import { MAX_DESCRIPTION_LENGTH, TYPOGRAPHIC_CHARS, type AliasSource } from './schema';

// ---------------------------------------------------------------------------
// The export

const Term = v.object({ language: v.string(), value: v.string() });
type Term = v.InferOutput<typeof Term>;
type Sitelink = { site: string; title: string };
/** Wikidata writes an empty map as `[]` (a PHP empty array) in some exports. */
const EmptyArrayAsMap = v.pipe(
  v.array(v.never()),
  v.transform(() => ({})),
);
const TermMap = v.pipe(
  v.union([v.record(v.string(), Term), EmptyArrayAsMap]),
  v.transform((m) => m as Partial<Record<string, Term>>),
);
const TermListMap = v.pipe(
  v.union([v.record(v.string(), v.array(Term)), EmptyArrayAsMap]),
  v.transform((m) => m as Partial<Record<string, Term[]>>),
);
const Sitelinks = v.pipe(
  v.union([v.record(v.string(), v.looseObject({ site: v.string(), title: v.string() })), EmptyArrayAsMap]),
  v.transform((m) => m as Partial<Record<string, Sitelink>>),
);

const WikidataEntitySchema = v.looseObject({
  id: v.optional(v.string()),
  missing: v.optional(v.string()),
  labels: v.optional(TermMap, {}),
  aliases: v.optional(TermListMap, {}),
  descriptions: v.optional(TermMap, {}),
  sitelinks: v.optional(Sitelinks, {}),
  /** Present when the requested id was merged into another item. */
  redirects: v.optional(v.object({ from: v.string(), to: v.string() })),
});

/** The top level of a `wbgetentities` answer. */
export const WikidataExportSchema = v.looseObject({
  entities: v.record(v.pipe(v.string(), v.regex(/^Q[1-9]\d*$/, 'keys of "entities" must be item ids like Q7747')), WikidataEntitySchema),
});

export type WikidataEntity = v.InferOutput<typeof WikidataEntitySchema>;
export type WikidataExport = v.InferOutput<typeof WikidataExportSchema>;

/**
 * Parses an export's JSON text. Throws an Error whose message says what is wrong
 * (not JSON, not a `wbgetentities` answer, and where).
 */
export function parseWikidataExport(json: string): WikidataExport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  const result = v.safeParse(WikidataExportSchema, data);
  if (!result.success) {
    const issue = result.issues[0]!;
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    throw new Error(`not a wbgetentities export${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  return result.output;
}

// ---------------------------------------------------------------------------
// Planning

/** Languages whose labels and aliases the pack takes: English, Russian, Ukrainian. */
export const PACK_LANGUAGES = ['en', 'ru', 'uk'] as const;

/** The groups of fields refresh may change; `--fields` picks some. */
export const REFRESH_FIELDS = ['name', 'aliases', 'description', 'links'] as const;
export type RefreshField = (typeof REFRESH_FIELDS)[number];

/** A new alias, as it will be written. */
export type NewAlias = Pick<AliasSource, 'text' | 'match' | 'case'>;

/** One change to one entity. */
export type Change =
  | { kind: 'set'; field: 'name' | 'description' | 'wikidata' | 'wikipedia'; before: string | undefined; after: string }
  | { kind: 'add-alias'; alias: NewAlias; language: string }
  | { kind: 'set-source'; before: string | undefined; after: string };

/** Everything refresh will do to one entity. */
export interface EntityPlan {
  source: SourcedEntity;
  /** The export's item id. */
  qid: string;
  changes: Change[];
}

export interface RefreshPlan {
  plans: EntityPlan[];
  /** Things refresh saw and left alone, for the maintainer to look at. */
  notes: string[];
}

export interface PlanOptions {
  languages?: readonly string[];
  fields?: readonly RefreshField[];
}

/** `https://en.wikipedia.org/wiki/...` for a title, encoded as the pack's sources write it. */
export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURI(title).replaceAll("'", '%27')}`;
}

/** Typographic dashes and quotes to their ASCII forms, as aliases must be written. */
function asciiPunctuation(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Longest alias refresh adds; longer Wikidata aliases are full titles, not names in prose. */
const MAX_NEW_ALIAS_LENGTH = 60;
const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;
const ACRONYM = /^[\p{Lu}\p{N}.]{2,8}$/u;

/**
 * How a Wikidata name may match. Names of several words are full; a single word is
 * `short` (a surname such as `Price` must not light up on its own), except acronyms,
 * which are full but must match in capitals.
 */
export function aliasRule(text: string): NewAlias {
  if (/\s/.test(text)) return { text, match: 'full', case: 'proper' };
  if (ACRONYM.test(text) && /\p{Lu}/u.test(text)) return { text, match: 'full', case: 'exact' };
  return { text, match: 'short', case: 'proper' };
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function findSource(
  qid: string,
  item: WikidataEntity,
  byQid: ReadonlyMap<string, SourcedEntity>,
  byTitle: ReadonlyMap<string, SourcedEntity>,
): { source?: SourcedEntity; via: 'id' | 'redirect' | 'title' } {
  const direct = byQid.get(qid);
  if (direct) return { source: direct, via: 'id' };
  const from = item.redirects?.from;
  if (from && byQid.get(from)) return { source: byQid.get(from)!, via: 'redirect' };
  const title = item.sitelinks.enwiki?.title.replaceAll(' ', '_');
  if (title && byTitle.get(title)) return { source: byTitle.get(title)!, via: 'title' };
  return { via: 'id' };
}

/**
 * Works out what the export changes in the pack. Entities are matched by Wikidata id
 * (following a redirect, `redirects.from`), else by English Wikipedia title; the export's
 * other items are listed in `notes`. Only additions are made to aliases: an alias the
 * pack has dropped on purpose is never brought back by removing it from Wikidata.
 */
export function planRefresh(exported: WikidataExport, sources: readonly SourcedEntity[], options: PlanOptions = {}): RefreshPlan {
  const languages = options.languages ?? PACK_LANGUAGES;
  const fields = new Set(options.fields ?? REFRESH_FIELDS);
  const byQid = new Map(sources.filter((s) => s.entity.wikidata).map((s) => [s.entity.wikidata!, s]));
  const byTitle = new Map(sources.filter((s) => s.entity.wikipedia).map((s) => [s.entity.wikipedia!, s]));
  /** Full aliases of every entity, folded: a new full alias must not collide with another entity's. */
  const fullClaims = new Map<string, string>();
  for (const s of sources) {
    for (const a of s.entity.aliases) if (a.match === 'full') fullClaims.set(foldAlias(a.text), s.entity.id);
  }

  const plans: EntityPlan[] = [];
  const notes: string[] = [];
  const keys = Object.keys(exported.entities).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  for (const key of keys) {
    const item = exported.entities[key]!;
    if (item.missing !== undefined) {
      notes.push(`${key}: missing from Wikidata (deleted or never existed); nothing changed`);
      continue;
    }
    const qid = item.id ?? key;
    const label = item.labels.en?.value;
    const { source, via } = findSource(qid, item, byQid, byTitle);
    if (!source) {
      notes.push(`${qid}${label ? ` (${label})` : ''}: no entity of the pack has this id or English Wikipedia title; nothing changed`);
      continue;
    }
    const entity = source.entity;
    const changes: Change[] = [];

    if (fields.has('links')) {
      if (entity.wikidata === undefined || (via === 'redirect' && entity.wikidata !== qid)) {
        changes.push({ kind: 'set', field: 'wikidata', before: entity.wikidata, after: qid });
      } else if (entity.wikidata !== qid) {
        notes.push(`${entity.id}: has wikidata ${entity.wikidata} but its Wikipedia title belongs to ${qid}; left as it is, check by hand`);
      }
      const title = item.sitelinks.enwiki?.title.replaceAll(' ', '_');
      if (title !== undefined && title !== entity.wikipedia) {
        changes.push({ kind: 'set', field: 'wikipedia', before: entity.wikipedia, after: title });
        const oldUrl = entity.wikipedia === undefined ? undefined : wikipediaUrl(entity.wikipedia);
        const newUrl = wikipediaUrl(title);
        if (!entity.sources.includes(newUrl)) {
          changes.push({ kind: 'set-source', before: oldUrl && entity.sources.includes(oldUrl) ? oldUrl : undefined, after: newUrl });
        }
      }
    }

    if (fields.has('name') && label !== undefined) {
      const name = asciiPunctuation(label);
      if (name !== '' && name !== entity.name) changes.push({ kind: 'set', field: 'name', before: entity.name, after: name });
    }

    if (fields.has('description')) {
      const description = item.descriptions.en?.value;
      if (description !== undefined) {
        const text = capitaliseFirst(description.replace(/\s+/g, ' ').trim());
        if (text.length > MAX_DESCRIPTION_LENGTH) {
          notes.push(`${entity.id}: Wikidata's description is longer than ${MAX_DESCRIPTION_LENGTH} characters; not taken`);
        } else if (text !== '' && text.toLowerCase() !== entity.description.toLowerCase()) {
          changes.push({ kind: 'set', field: 'description', before: entity.description, after: text });
        }
      }
    }

    if (fields.has('aliases')) {
      const have = new Set(entity.aliases.map((a) => foldAlias(a.text)));
      for (const language of languages) {
        const names = [item.labels[language]?.value, ...(item.aliases[language] ?? []).map((t) => t.value)];
        for (const raw of names) {
          if (raw === undefined) continue;
          const text = asciiPunctuation(raw);
          const folded = foldAlias(text);
          if (text === '' || have.has(folded)) continue;
          if (!STARTS_WITH_WORD.test(text) || TYPOGRAPHIC_CHARS.test(text) || text.includes('"') || text.length > MAX_NEW_ALIAS_LENGTH) {
            notes.push(`${entity.id}: Wikidata alias '${raw}' (${language}) is not a name the matcher can use; not taken`);
            continue;
          }
          // A name another entity goes by in full names that entity, whatever rule it would get here.
          const owner = fullClaims.get(folded);
          if (owner !== undefined && owner !== entity.id) {
            notes.push(`${entity.id}: Wikidata alias '${text}' (${language}) is a full alias of ${owner}; not taken`);
            continue;
          }
          const alias = aliasRule(text);
          have.add(folded);
          changes.push({ kind: 'add-alias', alias, language });
        }
      }
    }

    if (changes.length > 0) plans.push({ source, qid, changes });
  }
  return { plans, notes };
}

// ---------------------------------------------------------------------------
// Editing the YAML text

/** A replacement of `[start, end)` of a file's text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The order fields are written in; a new field goes before the first later one present. */
const FIELD_ORDER = ['id', 'type', 'name', 'aliases', 'wikipedia', 'wikidata', 'description', 'summary'];

/**
 * Renders a string as a YAML scalar that reads back as itself: plain when yaml parses it
 * back unchanged as a map value (and, with `flow`, as an item of a flow sequence or map),
 * double-quoted otherwise.
 */
export function renderScalar(text: string, flow = false): string {
  const candidate = /^[\p{L}\p{N}]/u.test(text) && !/[\n"']|\s$|: |\s#/u.test(text) && !(flow && /[,[\]{}]/.test(text));
  if (candidate) {
    try {
      const block = parse(`k: ${text}`)?.k === text;
      const inFlow = !flow || (parse(`[${text}]`)?.[0] === text && parse(`{k: ${text}}`)?.k === text);
      if (block && inFlow) return text;
    } catch {
      // fall through to quoting
    }
  }
  // JSON strings are YAML double-quoted scalars.
  return JSON.stringify(text);
}

/** An alias as a sequence item: a plain string for a full proper name, else a flow map. */
function renderAlias(alias: NewAlias): string {
  if (alias.match === 'full' && alias.case === 'proper') return renderScalar(alias.text, true);
  const parts = [`text: ${renderScalar(alias.text, true)}`];
  if (alias.match !== 'full') parts.push(`match: ${alias.match}`);
  if (alias.case !== 'proper') parts.push(`case: ${alias.case}`);
  return `{${parts.join(', ')}}`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
}

function keyStart(pair: Pair): number {
  const key = pair.key as { range?: [number, number, number] };
  if (!key.range) throw new Error('YAML key without a source range');
  return key.range[0];
}

/** Replaces a scalar value in place. */
function replaceValue(pair: Pair, text: string): Edit {
  const value = pair.value as { range?: [number, number, number] } | null;
  if (!value?.range) throw new Error('YAML value without a source range');
  return { start: value.range[0], end: value.range[1], text };
}

/** Adds `key: value` as a new line of a block map, in `FIELD_ORDER`. */
function insertField(src: string, map: YAMLMap, key: string, value: string): Edit {
  if (map.flow) throw new Error('cannot add a field to a flow-style entity; write it in block style');
  const rank = FIELD_ORDER.indexOf(key);
  // Fields missing from FIELD_ORDER (roles, related, sources...) are all written after it.
  const later = map.items.find((p) => {
    const r = FIELD_ORDER.indexOf(isScalar(p.key) ? String(p.key.value) : '');
    return r > rank || r < 0;
  });
  const anchor = later ?? map.items[map.items.length - 1]!;
  const start = keyStart(anchor);
  const indent = src.slice(lineStart(src, start), start).replace(/\S/g, ' ');
  if (later) {
    const at = lineStart(src, start);
    return { start: at, end: at, text: `${indent}${key}: ${value}\n` };
  }
  const value0 = anchor.value as { range?: [number, number, number] };
  const at = lineEnd(src, value0.range?.[1] ?? start);
  return { start: at, end: at, text: `\n${indent}${key}: ${value}` };
}

/** Appends an item to a block or flow sequence. */
function appendItem(src: string, seq: YAMLSeq, item: string): Edit {
  const range = seq.range;
  if (!range) throw new Error('YAML sequence without a source range');
  if (seq.flow) {
    const close = src.lastIndexOf(']', range[1]);
    const empty = seq.items.length === 0;
    return { start: close, end: close, text: empty ? item : `, ${item}` };
  }
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] } | undefined;
  if (!last?.range) throw new Error('cannot append to an empty block sequence');
  const ls = lineStart(src, last.range[0]);
  const prefix = src.slice(ls, last.range[0]);
  const at = lineEnd(src, last.range[1] - 1);
  return { start: at, end: at, text: `\n${prefix}${item}` };
}

/** The edits that carry out one entity's plan on its file's text. */
function editsFor(src: string, doc: Document, plan: EntityPlan): Edit[] {
  const node = isSeq(doc.contents) ? doc.contents.items[plan.source.index] : undefined;
  if (!isMap(node)) throw new Error(`${plan.source.entity.id}: not found at its place in ${plan.source.file}`);
  const edits: Edit[] = [];
  const newAliases: string[] = [];
  for (const change of plan.changes) {
    if (change.kind === 'add-alias') {
      newAliases.push(renderAlias(change.alias));
    } else if (change.kind === 'set') {
      const pair = pairOf(node, change.field);
      const text = renderScalar(change.after);
      edits.push(pair ? replaceValue(pair, text) : insertField(src, node, change.field, text));
    } else {
      const pair = pairOf(node, 'sources');
      if (!pair || !isSeq(pair.value)) throw new Error(`${plan.source.entity.id}: has no sources list`);
      const index = change.before === undefined ? -1 : pair.value.items.findIndex((i) => isScalar(i) && i.value === change.before);
      if (index >= 0) {
        const item = pair.value.items[index] as { range: [number, number, number] };
        edits.push({ start: item.range[0], end: item.range[1], text: renderScalar(change.after) });
      } else {
        edits.push(appendItem(src, pair.value, renderScalar(change.after)));
      }
    }
  }
  if (newAliases.length > 0) {
    const pair = pairOf(node, 'aliases');
    if (!pair || !isSeq(pair.value)) throw new Error(`${plan.source.entity.id}: has no aliases list`);
    const seq = pair.value;
    if (seq.flow) {
      edits.push(appendItem(src, seq, newAliases.join(', ')));
    } else {
      const first = appendItem(src, seq, newAliases[0]!);
      const prefix = first.text.slice(1, first.text.length - newAliases[0]!.length);
      edits.push({ ...first, text: newAliases.map((a) => `\n${prefix}${a}`).join('') });
    }
  }
  return edits;
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
function applyEdits(src: string, edits: Edit[]): string {
  let out = src;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/**
 * The new text of every file the plan changes, keyed by the file's display path
 * (`SourcedEntity.file`). `read` returns a file's current text.
 */
export function applyRefresh(plans: readonly EntityPlan[], read: (file: string) => string): Map<string, string> {
  const byFile = new Map<string, EntityPlan[]>();
  for (const plan of plans) {
    const list = byFile.get(plan.source.file) ?? [];
    list.push(plan);
    byFile.set(plan.source.file, list);
  }
  const out = new Map<string, string>();
  for (const [file, list] of byFile) {
    const src = read(file);
    const doc = parseDocument(src, { keepSourceTokens: false });
    out.set(file, applyEdits(src, list.flatMap((plan) => editsFor(src, doc, plan))));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Showing the changes

function describe(change: Change): string {
  switch (change.kind) {
    case 'add-alias': {
      const rule = [change.alias.match !== 'full' ? change.alias.match : '', change.alias.case !== 'proper' ? `case ${change.alias.case}` : '']
        .filter(Boolean)
        .join(', ');
      return `+ alias (${change.language}) ${JSON.stringify(change.alias.text)}${rule ? ` [${rule}]` : ''}`;
    }
    case 'set':
      return change.before === undefined
        ? `+ ${change.field}: ${JSON.stringify(change.after)}`
        : `~ ${change.field}: ${JSON.stringify(change.before)} -> ${JSON.stringify(change.after)}`;
    case 'set-source':
      return change.before === undefined ? `+ source: ${change.after}` : `~ source: ${change.before} -> ${change.after}`;
  }
}

/** The plan as the maintainer reads it: one block per entity, one line per change. */
export function formatPlan(plan: RefreshPlan): string {
  const lines: string[] = [];
  for (const p of plan.plans) {
    lines.push(`${p.source.file} ${p.source.entity.id} (${p.qid})`);
    for (const change of p.changes) lines.push(`  ${describe(change)}`);
  }
  return lines.join('\n');
}

/**
 * A unified diff of one file (`---`/`+++`, `@@` hunks with `context` lines around each
 * change), computed line by line; empty when nothing changed.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Changes are a few lines in a long file: strip the common head and tail, then diff the
  // middle by longest common subsequence.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  type Op = { tag: ' ' | '-' | '+'; line: string; ai: number; bi: number };
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ tag: ' ', line: a[k]!, ai: k, bi: k });
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push({ tag: ' ', line: x[i]!, ai: head + i, bi: head + j });
      i++;
      j++;
    } else if (i < x.length && (j === y.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removals before additions, as diff(1) prints them.
      ops.push({ tag: '-', line: x[i]!, ai: head + i, bi: head + j });
      i++;
    } else {
      ops.push({ tag: '+', line: y[j]!, ai: head + i, bi: head + j });
      j++;
    }
  }
  for (let k = 0; k < tail; k++) ops.push({ tag: ' ', line: a[a.length - tail + k]!, ai: a.length - tail + k, bi: b.length - tail + k });

  const out = [`--- ${file}`, `+++ ${file}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.tag === ' ') {
      k++;
      continue;
    }
    const from = Math.max(0, k - context);
    let to = k;
    // Extend the hunk while the next change is within 2 × context lines.
    for (;;) {
      while (to < ops.length && ops[to]!.tag !== ' ') to++;
      let next = to;
      while (next < ops.length && ops[next]!.tag === ' ') next++;
      if (next < ops.length && next - to <= 2 * context) to = next;
      else break;
    }
    to = Math.min(ops.length, to + context);
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((o) => o.tag !== '+').length;
    const bCount = hunk.filter((o) => o.tag !== '-').length;
    out.push(`@@ -${hunk[0]!.ai + 1},${aCount} +${hunk[0]!.bi + 1},${bCount} @@`);
    for (const o of hunk) out.push(`${o.tag}${o.line}`);
    k = to;
  }
  return out.join('\n');
}
