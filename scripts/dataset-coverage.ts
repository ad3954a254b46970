/**
 * `npm run dataset:coverage -- <article.txt|page.html>`: which entities an article lights
 * up, and the capitalised names in it the pack lacks, most frequent first: the worklist
 * for a maintainer when a new story breaks. HTML is read as the content script reads it
 * (`scripts/lib/html-text.ts`); a `.txt` file is taken as it is. Exit 0 with a report, 1
 * when the pack itself has problems, 2 for a bad command line or an unreadable file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CoverageReport } from '../extension/dataset/coverage';
import { isValidIsoDate } from '../extension/dataset/schema';
import { CliError, DEFAULT_DATASET_DIR, EXIT, runCli } from './lib/dataset-cli';

const USAGE = `Usage: npm run dataset:coverage -- <article.txt|page.html> [options]

  --date YYYY-MM-DD  the article's publication day (default: from the page's metadata,
                     or the first ISO date in a text file's first three lines)
  --top N            show at most N missing names (default: 40; 0 for all)
  --json             print the report as JSON
  --dir DIR          the pack's YAML sources (default: assets/dataset)`;

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})\b/;

async function readArticle(path: string): Promise<{ text: string; date: string | undefined }> {
  const ext = extname(path).toLowerCase();
  const content = readFileSync(path, 'utf8');
  if (HTML_EXTENSIONS.has(ext)) {
    const { readHtmlPage } = await import('./lib/html-text');
    const page = readHtmlPage(content);
    return { text: page.text, date: page.date };
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    const head = content.split('\n').slice(0, 3).join('\n');
    const date = ISO_DAY.exec(head)?.[1];
    return { text: content, date: date && isValidIsoDate(date) ? date : undefined };
  }
  throw new CliError(`cannot read ${path}: expected a .txt or .html file`);
}

function formatReport(file: string, date: string | undefined, report: CoverageReport, top: number): string {
  const lines = [`${file} (article date: ${date ?? 'unknown'})`, ''];
  lines.push(`Lit up: ${report.lit.length} entities, ${report.mentionCount} mentions`);
  const width = Math.max(0, ...report.lit.map((e) => e.name.length));
  for (const e of report.lit) {
    lines.push(`  ${String(e.mentions).padStart(3)}  ${e.type.padEnd(12)} ${e.name.padEnd(width)}  ${e.id}  [${e.surfaces.join(' | ')}]`);
  }
  const shown = top > 0 ? report.missing.slice(0, top) : report.missing;
  lines.push('', `Not in the pack: ${report.missing.length} capitalised names${shown.length < report.missing.length ? ` (top ${shown.length})` : ''}`);
  for (const m of shown) lines.push(`  ${String(m.count).padStart(3)}  ${m.name}`);
  return lines.join('\n');
}

runCli(USAGE, async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        date: { type: 'string' },
        top: { type: 'string' },
        json: { type: 'boolean', default: false },
        dir: { type: 'string' },
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
  if (positionals.length !== 1) throw new CliError('give exactly one article: a .txt or .html file');
  const file = positionals[0]!;
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`article not found: ${file}`);
  if (args.date !== undefined && !isValidIsoDate(args.date)) throw new CliError(`--date must be a day, YYYY-MM-DD: ${args.date}`);
  if (args.date !== undefined && args.date.length !== 10) throw new CliError(`--date must be a day, YYYY-MM-DD: ${args.date}`);
  const top = args.top === undefined ? 40 : Number(args.top);
  if (!Number.isInteger(top) || top < 0) throw new CliError(`--top must be a whole number: ${args.top}`);

  const ext = extname(path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext)) throw new CliError(`cannot read ${file}: expected a .txt or .html file`);

  // The pack compiler, the matcher and happy-dom load only once the command line is good.
  const article = await readArticle(path);
  const date = args.date ?? article.date;
  const [{ buildPackFromDir }, { coverageReport }, { loadMatcher }] = await Promise.all([
    import('../extension/dataset/build-pack'),
    import('../extension/dataset/coverage'),
    import('../extension/matcher'),
  ]);
  let pack;
  try {
    pack = buildPackFromDir(resolve(args.dir ?? DEFAULT_DATASET_DIR));
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.datasetProblems);
  }
  const cards = new Map(pack.entities.map((card) => [card.id, card]));
  const report = coverageReport(article.text, loadMatcher(pack.matcher), cards, date ? { date } : {});
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ file, date: date ?? null, ...report }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(file, date, report, top)}\n`);
  }
  return EXIT.ok;
});
