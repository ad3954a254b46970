import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../../extension/dataset/build-pack';
import { findCountsBlock, packStats, renderCountsBlock, updateCountsBlock } from '../../../extension/dataset/stats';
import { DATASET_DIR, REPO_ROOT } from './helpers';

const stats = packStats(loadSources(DATASET_DIR).entities.map((s) => s.entity));

describe('the counts table in README.md', () => {
  it('matches the pack (run `npm run dataset:check -- --update-readme` after changing the pack)', () => {
    const block = findCountsBlock(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'));
    expect(block, 'README.md has no dataset-counts block').toBeDefined();
    expect(block!.text).toBe(renderCountsBlock(stats));
  });
});

describe('packStats', () => {
  it('adds up: every entity once, in its type, with and without ids', () => {
    const types = Object.values(stats.byType);
    expect(types.reduce((n, c) => n + c.entities, 0)).toBe(stats.total.entities);
    expect(stats.total.entities - stats.total.withWikidata).toBe(stats.withoutWikidata.length);
    expect(stats.total.entities - stats.total.withWikipedia).toBe(stats.withoutWikipedia.length);
  });
});

describe('updateCountsBlock', () => {
  it('replaces only what lies between the markers', () => {
    const readme = `# Title\n\nBefore.\n\n${renderCountsBlock(stats).replace(/\| \*\*total\*\* .*\n/, '| stale |\n')}\n\nAfter.\n`;
    const updated = updateCountsBlock(readme, stats);
    expect(updated).toBe(`# Title\n\nBefore.\n\n${renderCountsBlock(stats)}\n\nAfter.\n`);
  });

  it('refuses a README without the markers', () => {
    expect(() => updateCountsBlock('# Title\n', stats)).toThrow(/no counts block/);
  });
});
