/**
 * `npm run dataset:check`: validates the knowledge pack as the build does (schema, unique
 * ids, dangling related ids, bad or inverted dates, full aliases no rule separates,
 * `reviewed`), compiles it, and prints its counts. Exit 0 when the pack is good, 1 with
 * every problem as `file:line entity field: message` when it is not, 2 for a bad command
 * line. Writes only when asked, and atomically: `--out` (the compiled pack as JSON, for
 * tools) and `--update-readme` (the counts table in README.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadSources } from '../extension/dataset/build-pack';
import { compilePack } from '../extension/dataset/compile';
import { findCountsBlock, packStats, renderCountsBlock, renderCountsTable, updateCountsBlock } from '../extension/dataset/stats';
import { CliError, DEFAULT_DATASET_DIR, DEFAULT_README, EXIT, runCli, writeFileAtomic } from './lib/dataset-cli';

const USAGE = `Usage: npm run dataset:check -- [options]

  --dir DIR          the pack's YAML sources (default: assets/dataset)
  --out FILE         also write the compiled pack as JSON to FILE (only if the pack is good)
  --update-readme    rewrite the counts table in README.md from the pack
  --readme FILE      the README to check or update (default: README.md)
  --list-missing     list the ids of entities without a Wikidata id or Wikipedia title`;

runCli(USAGE, () => {
  let args;
  try {
    args = parseArgs({
      options: {
        dir: { type: 'string' },
        out: { type: 'string' },
        'update-readme': { type: 'boolean', default: false },
        readme: { type: 'string' },
        'list-missing': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const dir = resolve(args.dir ?? DEFAULT_DATASET_DIR);
  if (!existsSync(dir)) throw new CliError(`dataset folder not found: ${dir}`);

  const { meta, entities, problems } = loadSources(dir);
  if (problems.length > 0 || !meta) {
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}; nothing written.\n`);
    return EXIT.datasetProblems;
  }
  const pack = compilePack(
    meta,
    entities.map((s) => s.entity),
  );
  const stats = packStats(entities.map((s) => s.entity));

  process.stdout.write(`Pack ${pack.version}: ${stats.total.entities} entities, no problems.\n\n${renderCountsTable(stats)}\n\n`);
  process.stdout.write(
    `${stats.withoutWikidata.length} entities have no Wikidata id and ${stats.withoutWikipedia.length} no English Wikipedia title` +
      `${args['list-missing'] ? ':' : ' (--list-missing lists them).'}\n`,
  );
  if (args['list-missing']) {
    process.stdout.write(`  without Wikidata id: ${stats.withoutWikidata.join(', ') || '-'}\n`);
    process.stdout.write(`  without Wikipedia title: ${stats.withoutWikipedia.join(', ') || '-'}\n`);
  }

  if (args.out !== undefined) {
    const out = resolve(args.out);
    writeFileAtomic(out, `${JSON.stringify(pack)}\n`);
    process.stdout.write(`Wrote the compiled pack to ${out}.\n`);
  }

  const readmePath = resolve(args.readme ?? DEFAULT_README);
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    const block = findCountsBlock(readme);
    if (args['update-readme']) {
      const updated = updateCountsBlock(readme, stats);
      if (updated !== readme) writeFileAtomic(readmePath, updated);
      process.stdout.write(`${updated === readme ? 'README counts already up to date' : 'Updated the counts table'} in ${readmePath}.\n`);
    } else if (block && block.text !== renderCountsBlock(stats)) {
      process.stdout.write(`Note: the counts table in ${readmePath} is out of date; run with --update-readme.\n`);
    }
  } else if (args['update-readme']) {
    throw new CliError(`README not found: ${readmePath}`);
  }
  return EXIT.ok;
});
