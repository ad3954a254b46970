/**
 * `npm run dataset:refresh -- <wikidata.json>`: updates names, aliases (English, Russian,
 * Ukrainian), descriptions and Wikidata/Wikipedia links from a Wikidata entity export in
 * `wbgetentities` JSON, never the pack's own summaries, roles or dates, and uses no network.
 *
 * A dry run by default: it prints what would change (per entity, then as a unified diff)
 * and writes nothing. With `--write` it applies the changes, but only after the whole
 * updated pack has passed the same checks as `dataset:check` in a scratch copy; each file
 * is then replaced atomically. Exit 0 when done (or nothing to do), 1 when the pack has
 * problems or the update would cause some, 2 for a bad command line or export.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadSources } from '../extension/dataset/build-pack';
import {
  applyRefresh,
  formatPlan,
  PACK_LANGUAGES,
  parseWikidataExport,
  planRefresh,
  REFRESH_FIELDS,
  unifiedDiff,
  type RefreshField,
} from '../extension/dataset/wikidata-refresh';
import { CliError, DEFAULT_DATASET_DIR, EXIT, runCli, writeFileAtomic } from './lib/dataset-cli';

const USAGE = `Usage: npm run dataset:refresh -- <wikidata.json> [options]

  --write            apply the changes (default: dry run, show them and write nothing)
  --dir DIR          the pack's YAML sources (default: assets/dataset)
  --lang LIST        languages of labels and aliases to take (default: ${PACK_LANGUAGES.join(',')})
  --fields LIST      what to update, of ${REFRESH_FIELDS.join(',')} (default: all)

The export is the JSON of Wikidata's wbgetentities, e.g. saved from
https://www.wikidata.org/w/api.php?action=wbgetentities&ids=Q7747|Q212&props=labels|aliases|descriptions|sitelinks&languages=en|ru|uk&sitefilter=enwiki&format=json`;

function listOption(value: string | undefined, name: string, allowed?: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new CliError(`--${name} needs a comma-separated list`);
  const bad = allowed ? items.filter((i) => !allowed.includes(i)) : items.filter((i) => !/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(i));
  if (bad.length > 0) throw new CliError(`--${name}: unknown ${bad.join(', ')}${allowed ? ` (use ${allowed.join(', ')})` : ''}`);
  return items;
}

runCli(USAGE, () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        write: { type: 'boolean', default: false },
        dir: { type: 'string' },
        lang: { type: 'string' },
        fields: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const { values: args, positionals } = parsed;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new CliError('give exactly one Wikidata export (wbgetentities JSON)');
  const exportPath = resolve(positionals[0]!);
  if (!existsSync(exportPath)) throw new CliError(`export not found: ${positionals[0]}`);
  const languages = listOption(args.lang, 'lang');
  const fields = listOption(args.fields, 'fields', REFRESH_FIELDS) as RefreshField[] | undefined;

  let exported;
  try {
    exported = parseWikidataExport(readFileSync(exportPath, 'utf8'));
  } catch (error) {
    throw new CliError(`${positionals[0]}: ${(error as Error).message}`);
  }

  const dir = resolve(args.dir ?? DEFAULT_DATASET_DIR);
  if (!existsSync(dir)) throw new CliError(`dataset folder not found: ${dir}`);
  const before = loadSources(dir);
  if (before.problems.length > 0) {
    for (const problem of before.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stderr.write(`\nThe pack has ${before.problems.length} problem(s); fix them (npm run dataset:check) before refreshing. Nothing written.\n`);
    return EXIT.datasetProblems;
  }

  const plan = planRefresh(exported, before.entities, { ...(languages ? { languages } : {}), ...(fields ? { fields } : {}) });
  const readSource = (file: string) => readFileSync(resolve(file), 'utf8');
  const updated = applyRefresh(plan.plans, readSource);

  if (plan.plans.length === 0) {
    process.stdout.write('Nothing to change: the pack already agrees with the export.\n');
  } else {
    process.stdout.write(`${formatPlan(plan)}\n`);
    for (const [file, text] of updated) process.stdout.write(`\n${unifiedDiff(file, readSource(file), text)}\n`);
  }
  if (plan.notes.length > 0) process.stdout.write(`\nLeft alone:\n${plan.notes.map((n) => `  ${n}`).join('\n')}\n`);
  if (updated.size === 0) return EXIT.ok;

  // Check the whole updated pack in a scratch copy before touching the real files.
  const scratch = mkdtempSync(join(tmpdir(), 'backstory-refresh-'));
  try {
    for (const name of readdirSync(dir)) if (/\.ya?ml$/.test(name)) copyFileSync(join(dir, name), join(scratch, name));
    for (const [file, text] of updated) writeFileSync(join(scratch, basename(file)), text);
    const after = loadSources(scratch);
    if (after.problems.length > 0) {
      for (const problem of after.problems) process.stderr.write(`${formatProblem(problem).replace(scratch, dir)}\n`);
      process.stderr.write(`\nThe update would give the pack ${after.problems.length} problem(s); nothing written.\n`);
      return EXIT.datasetProblems;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const changes = plan.plans.reduce((n, p) => n + p.changes.length, 0);
  if (!args.write) {
    process.stdout.write(`\nDry run: ${changes} change(s) to ${plan.plans.length} entities in ${updated.size} file(s); nothing written. Run again with --write to apply.\n`);
    return EXIT.ok;
  }
  for (const [file, text] of updated) writeFileAtomic(resolve(file), text);
  process.stdout.write(`\nWrote ${changes} change(s) to ${plan.plans.length} entities in ${updated.size} file(s).\n`);
  return EXIT.ok;
});
