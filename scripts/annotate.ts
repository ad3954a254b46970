/**
 * `npm run --silent annotate -- <file.txt|file.html> [--json] [--date YYYY-MM-DD]`
 *
 * Prints the mentions the matcher links in a file, with the real knowledge pack.
 * - `.txt`: the text is the file as it is. `.html`: the text the content script would read,
 *   through the same extraction code, on happy-dom.
 * - The article's date comes from `--date`, else the page's metadata: for HTML what the content
 *   script reads (`article:published_time`, JSON-LD, `<time>`), for a text file in the fixtures'
 *   article format its `source:` line (line 2); else there is none.
 * - `--json` prints exactly one JSON object on one line:
 *   `{"mentions": [{start, end, text, entity, type, name, wikipedia, score}]}`, offsets in
 *   UTF-16 code units of that text. npm prints its own `> backstory annotate` header on stdout
 *   unless run with `--silent`, hence `npm run --silent`; `npx tsx scripts/annotate.ts` needs no flag.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { annotateText, loadPack, type AnnotatedMention } from './lib/annotate-text';
import { dateOfSourceLine, sourceLine } from './lib/article-file';
import { readHtmlPage } from './lib/html-text';

const USAGE = 'usage: npm run --silent annotate -- <file.txt|file.html> [--json] [--date YYYY-MM-DD]';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readInput(file: string): { text: string; date: string | undefined } {
  const content = readFileSync(file, 'utf8');
  if (/^\.html?$/i.test(extname(file))) {
    const page = readHtmlPage(content);
    return { text: page.text, date: page.date };
  }
  const source = sourceLine(content);
  return { text: content, date: source === undefined ? undefined : dateOfSourceLine(source) };
}

/** A readable table: offsets, score, type, the text as written, and what it links to. */
function table(mentions: readonly AnnotatedMention[], date: string | undefined): string {
  const rows = mentions.map((m) => [
    `${m.start}-${m.end}`,
    m.score.toFixed(2),
    m.type,
    JSON.stringify(m.text),
    `${m.entity}${m.wikipedia ? ` (${m.wikipedia})` : ''}`,
  ]);
  const header = ['span', 'score', 'type', 'text', 'entity'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [
    `${mentions.length} mention${mentions.length === 1 ? '' : 's'}, article date ${date ?? 'unknown'}`,
    line(header),
    ...rows.map(line),
  ].join('\n');
}

let args: ReturnType<typeof parseArgs<{ options: { json: { type: 'boolean' }; date: { type: 'string' } }; allowPositionals: true }>>;
try {
  args = parseArgs({ options: { json: { type: 'boolean' }, date: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  fail((error as Error).message);
}
const [file, ...extra] = args.positionals;
if (!file || extra.length > 0) fail(file ? `one file at a time (got ${args.positionals.length})` : 'no file given');
if (args.values.date !== undefined && !DAY.test(args.values.date)) fail(`--date must be YYYY-MM-DD (got ${args.values.date})`);

const input = readInput(file);
const date = args.values.date ?? input.date;
const mentions = annotateText(input.text, loadPack(), date);
process.stdout.write(args.values.json ? `${JSON.stringify({ mentions })}\n` : `${table(mentions, date)}\n`);
