/**
 * The pages the browser benchmark loads, gathered into one temporary folder
 * served over HTTP: the real pages of test/fixtures/pages (linked, not
 * copied) and synthetic pages generated for this run (never committed).
 */
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGES_DIR } from '../../e2e/harness/paths';
import { manyTextNodes, syntheticArticle } from '../../fixtures/pages/synthetic-pages';

/** One page of the benchmark. */
export interface BenchPage {
  /** Row label. */
  label: string;
  /** Path on the bench server, with its query. */
  path: string;
  /** Real page from test/fixtures/pages (the floor-ratio target applies to these). */
  fixture: boolean;
}

/** Text sizes of the cost-against-size sweep, in characters (10 KB to 5 MB). */
export const SWEEP_SIZES = [10_000, 30_000, 100_000, 300_000, 1_000_000, 5_000_000];

export const BIG_PAGE_CHARS = 5_000_000;
export const MANY_TEXT_NODES = 100_000;

const sweepFile = (chars: number) => `sweep-${chars}.html`;

/** A scratch folder holding every page, and the pages in benchmark order. */
export interface PageSet {
  dir: string;
  pages: BenchPage[];
  sweep: { chars: number; path: string }[];
  /** Writes an extra file into the folder (the alias sweep's pages and packs). */
  write(name: string, content: string): Promise<string>;
  remove(): Promise<void>;
}

export async function preparePages(filter?: (label: string) => boolean): Promise<PageSet> {
  const dir = await mkdtemp(join(tmpdir(), 'backstory-bench-pages-'));
  const fixtures = (await readdir(PAGES_DIR)).filter((f) => f.endsWith('.html')).sort();
  for (const f of fixtures) await symlink(join(PAGES_DIR, f), join(dir, f));
  await writeFile(join(dir, 'synthetic-5mb.html'), syntheticArticle(BIG_PAGE_CHARS));
  await writeFile(join(dir, 'synthetic-100k-nodes.html'), manyTextNodes(MANY_TEXT_NODES));
  for (const chars of SWEEP_SIZES) await writeFile(join(dir, sweepFile(chars)), syntheticArticle(chars, chars));
  const pages: BenchPage[] = [
    ...fixtures.map((f) => ({ label: f.replace(/\.html$/, ''), path: `/${f}`, fixture: true })),
    { label: 'synthetic 5 MB', path: '/synthetic-5mb.html', fixture: false },
    { label: 'synthetic 5 MB, mid-page', path: '/synthetic-5mb.html?scroll-middle', fixture: false },
    { label: 'synthetic 100k nodes', path: '/synthetic-100k-nodes.html', fixture: false },
  ].filter((p) => !filter || filter(p.label));
  return {
    dir,
    pages,
    sweep: SWEEP_SIZES.map((chars) => ({ chars, path: `/${sweepFile(chars)}` })),
    async write(name, content) {
      await writeFile(join(dir, name), content);
      return `/${name}`;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
