/**
 * Node-only: reads the YAML sources of the knowledge pack from a folder,
 * validates them, and compiles the runtime pack. Called at build time by
 * `scripts/vite-pack-plugin.ts`, by the tests, and by tools.
 *
 * Every problem is reported at once as `file:line entity-id field: message`,
 * so a failing build reads like a compiler's error list and each line can be
 * clicked in an editor. Line numbers come from yaml's `parseDocument` with a
 * `LineCounter`, which keeps each node's source offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import * as v from 'valibot';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { checkPack, compilePack, formatFieldPath, PACK_ENTITY, type FieldPath, type Problem, type SourcedEntity } from './compile';
import type { CompiledPack } from './pack';
import { EntitySchema, PackMetaSchema, type PackMeta } from './schema';

/** The pack's meta file; every other `*.yaml` / `*.yml` file in the folder holds entities. */
export const META_FILE = 'pack.yaml';

const SOURCE_FILE_PATTERN = /\.ya?ml$/;

/** Placeholder entity name for problems about a whole file (syntax errors, wrong top level). */
const FILE_ENTITY = '(file)';

/** One parsed source file, kept so problems found later can be given a line. */
interface ParsedFile {
  /** Path as shown in messages. */
  display: string;
  doc: Document;
  lines: LineCounter;
}

/** Everything read from a dataset folder, valid or not. */
export interface LoadedSources {
  /** Absent when `pack.yaml` is missing or invalid. */
  meta?: PackMeta;
  /** The entities that passed the schema, in file order. */
  entities: SourcedEntity[];
  /** Syntax, schema and whole-pack problems, each with a line, sorted by file and line. */
  problems: Problem[];
}

/** Shows paths under the working directory relatively (clickable, short) and others absolutely. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function readParsed(dir: string, name: string): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { lineCounter: lines, uniqueKeys: true });
  return { display: displayPath(join(dir, name)), doc, lines };
}

/** Offset where a YAML node starts, if it has a source range. */
function startOf(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

/**
 * The 1-based line of the deepest node along `path` that exists: the key of a
 * missing field's parent, the key line of a map entry, the item of a list.
 */
function lineOf(file: ParsedFile, path: FieldPath): number {
  let node: unknown = file.doc.contents;
  let offset = startOf(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      const start = startOf(item);
      if (start === undefined) break;
      offset = start;
      node = item;
    } else {
      break;
    }
  }
  return file.lines.linePos(offset).line;
}

type Issue = v.BaseIssue<unknown>;

/** Valibot's messages, reworded where they read like internals. */
function describeIssue(issue: Issue, path: FieldPath): string {
  if (issue.expected === 'never') return 'unknown field';
  if (issue.kind === 'schema' && issue.received === 'undefined' && path.length > 0) return 'required field is missing';
  return issue.message;
}

/**
 * Flattens a valibot issue into (path, message) pairs. A union issue carries
 * the issues of every option; those of the option whose type the input had
 * (a nested path, or a failed validation rather than a type mismatch) say far
 * more than "expected a string or {text, match?, case?}".
 */
function flattenIssue(issue: Issue, base: FieldPath): { path: FieldPath; message: string }[] {
  const path = [...base, ...(issue.path ?? []).map((item) => item.key as string | number)];
  const precise = issue.issues?.filter((sub) => (sub.path?.length ?? 0) > 0 || sub.kind === 'validation') ?? [];
  if (precise.length > 0) return precise.flatMap((sub) => flattenIssue(sub, path));
  return [{ path, message: describeIssue(issue, path) }];
}

function schemaProblems(
  issues: readonly Issue[],
  file: ParsedFile,
  entity: string,
  index: number | undefined,
): Problem[] {
  return issues.flatMap((issue) =>
    flattenIssue(issue, []).map(({ path, message }) => ({
      file: file.display,
      entity,
      ...(index === undefined ? {} : { index }),
      field: formatFieldPath(path),
      path,
      message,
      line: lineOf(file, index === undefined ? path : [index, ...path]),
    })),
  );
}

/** YAML syntax errors (bad indentation, duplicate keys...) with yaml's own positions. */
function syntaxProblems(file: ParsedFile): Problem[] {
  return file.doc.errors.map((error) => ({
    file: file.display,
    entity: FILE_ENTITY,
    field: 'yaml',
    path: [],
    message: error.message.split('\n')[0]!,
    line: error.linePos?.[0].line ?? 1,
  }));
}

function fileProblem(file: ParsedFile, message: string): Problem {
  return { file: file.display, entity: FILE_ENTITY, field: '-', path: [], message, line: 1 };
}

function loadMeta(dir: string, names: readonly string[], problems: Problem[]): { meta?: PackMeta; file?: ParsedFile } {
  if (!names.includes(META_FILE)) {
    const display = displayPath(join(dir, META_FILE));
    problems.push({ file: display, entity: PACK_ENTITY, field: 'version', path: ['version'], message: `${META_FILE} is missing`, line: 1 });
    return {};
  }
  const file = readParsed(dir, META_FILE);
  const syntax = syntaxProblems(file);
  if (syntax.length > 0) {
    problems.push(...syntax);
    return { file };
  }
  const result = v.safeParse(PackMetaSchema, file.doc.toJS());
  if (!result.success) {
    problems.push(...schemaProblems(result.issues, file, PACK_ENTITY, undefined));
    return { file };
  }
  return { meta: result.output, file };
}

function entityLabel(raw: unknown, index: number): string {
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : `(entry ${index + 1})`;
}

function loadEntities(file: ParsedFile, entities: SourcedEntity[], invalidIds: Set<string>, problems: Problem[]): void {
  const syntax = syntaxProblems(file);
  if (syntax.length > 0) {
    problems.push(...syntax);
    return;
  }
  const data: unknown = file.doc.toJS();
  if (data === null || data === undefined) return; // an empty file is allowed
  if (!Array.isArray(data)) {
    problems.push(fileProblem(file, 'the top level must be a list of entities (each starting with "- id:")'));
    return;
  }
  data.forEach((raw: unknown, index) => {
    const result = v.safeParse(EntitySchema, raw);
    if (result.success) {
      entities.push({ entity: result.output, file: file.display, index });
      return;
    }
    const label = entityLabel(raw, index);
    invalidIds.add(label);
    problems.push(...schemaProblems(result.issues, file, label, index));
  });
}

function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * Reads `pack.yaml` and every other YAML file of `dir` (in name order), keeps
 * the entities that pass the schema, and runs `checkPack` on them. Never throws
 * on bad content: tools get the valid part and the full problem list.
 */
export function loadSources(dir: string): LoadedSources {
  const names = readdirSync(dir)
    .filter((name) => SOURCE_FILE_PATTERN.test(name))
    .sort();
  const problems: Problem[] = [];
  const { meta, file: metaFile } = loadMeta(dir, names, problems);

  const files = new Map<string, ParsedFile>();
  if (metaFile) files.set(metaFile.display, metaFile);
  const entities: SourcedEntity[] = [];
  const invalidIds = new Set<string>();
  for (const name of names) {
    if (name === META_FILE) continue;
    const file = readParsed(dir, name);
    files.set(file.display, file);
    loadEntities(file, entities, invalidIds, problems);
  }

  if (meta && metaFile) {
    for (const problem of checkPack(meta, entities, { metaFile: metaFile.display, otherIds: invalidIds })) {
      const file = files.get(problem.file);
      const path = problem.index === undefined ? problem.path : [problem.index, ...problem.path];
      problems.push({ ...problem, line: file ? lineOf(file, path) : 1 });
    }
  }
  return { ...(meta ? { meta } : {}), entities, problems: problems.sort(compareProblems) };
}

/** One problem as a compiler-style line: `file:line entity-id field: message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line ?? 1} ${problem.entity} ${problem.field}: ${problem.message}`;
}

/**
 * Builds the runtime pack from the YAML sources in `dir`. Throws one Error
 * listing every problem (one `file:line entity-id field: message` per line)
 * if anything is wrong, so a broken dataset can never ship.
 */
export function buildPackFromDir(dir: string): CompiledPack {
  const { meta, entities, problems } = loadSources(dir);
  if (problems.length > 0 || !meta) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    throw new Error(`Knowledge pack in ${displayPath(dir)} has ${count}:\n${problems.map(formatProblem).join('\n')}`);
  }
  return compilePack(
    meta,
    entities.map((s) => s.entity),
  );
}
