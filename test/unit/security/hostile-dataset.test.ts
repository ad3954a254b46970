/**
 * What the pack compiler lets through, and what it stops, when a dataset
 * entry attacks. Text may carry any markup (it is text, and the card renders
 * it as text: test/e2e/robustness/inert-data.e2e.test.ts shows that in both
 * browsers); links may not: sources must be https URLs, and a Wikipedia
 * title must be a title, so the one link a card shows always lands on
 * https://en.wikipedia.org/wiki/.
 */
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPackFromDir, formatProblem, loadSources } from '../../../extension/dataset/build-pack';
import { wikipediaUrl } from '../../../extension/card/card-facts';
import { DATASET_DIR, FIXTURES_DIR, removeTempDatasets, writeTempDataset } from '../dataset/helpers';

const HOSTILE_DATASET = resolve(FIXTURES_DIR, 'hostile/dataset');
const PACK_YAML = 'version: "2026.11.28"\n';

/** A one-entity dataset whose entity has `field: value` (a YAML scalar, as written). */
function datasetWith(field: string, value: string): string {
  const entity = {
    id: 'test-entity',
    type: 'place',
    name: 'Test Place',
    aliases: ['Test Place'],
    description: 'A test entity',
    summary: 'A test entity.',
    sources: ['https://example.org/'],
    reviewed: '2026-11-28',
  } as Record<string, unknown>;
  const lines = Object.entries(entity)
    .filter(([k]) => k !== field)
    .map(([k, v]) => (Array.isArray(v) ? `  ${k}: [${v.map((x) => JSON.stringify(x)).join(', ')}]` : `  ${k}: ${JSON.stringify(v)}`));
  lines.push(`  ${field}: ${value}`);
  return writeTempDataset({ 'pack.yaml': PACK_YAML, 'test.yaml': `- ${lines.join('\n').trimStart()}\n` });
}

afterAll(removeTempDatasets);

describe('a dataset that attacks', () => {
  it('compiles, keeping every string as written (markup is text, rendered as text)', () => {
    const pack = buildPackFromDir(HOSTILE_DATASET);
    const person = pack.entities.find((e) => e.id === 'script-person')!;
    expect(person.name).toBe('<script>window.__pwned = "name"</script>Ivan <b>Bold</b>');
    expect(person.wikipedia).toBe('javascript:window.__pwned="href"');
    expect(pack.entities.map((e) => e.id).sort()).toEqual(['markup-event', 'markup-org', 'script-person']);
  });

  it.each([
    ['sources', '["javascript:alert(1)"]'],
    ['sources', '["http://example.org/insecure"]'],
    ['sources', '["data:text/html,<script>alert(1)</script>"]'],
    ['sources', '["//evil.example/x"]'],
    ['sources', '["https://"]'],
    ['wikipedia', '"https://evil.example/wiki/X"'],
    ['wikipedia', '"http://en.wikipedia.org/wiki/X"'],
    ['wikipedia', '"Vladimir Putin"'],
    ['wikipedia', '".."'],
    ['wikipedia', '"../../evil"'],
    ['wikipedia', '"X#<script>"'],
    ['wikipedia', '"<script>"'],
    ['wikipedia', '"X\\u0000Y"'],
  ])('rejects %s: %s', (field, value) => {
    const { problems } = loadSources(datasetWith(field, value));
    expect(problems.map(formatProblem).join('\n')).toMatch(new RegExp(`test-entity ${field}`));
  });

  it('builds every link a card can show on https://en.wikipedia.org/wiki/, for the real pack and the hostile one', () => {
    const titles = [DATASET_DIR, HOSTILE_DATASET].flatMap((dir) =>
      buildPackFromDir(dir).entities.flatMap((e) => (e.wikipedia ? [e.wikipedia] : [])),
    );
    expect(titles.length).toBeGreaterThan(100);
    for (const title of titles) {
      const url = new URL(wikipediaUrl(title));
      expect(url.protocol, title).toBe('https:');
      expect(url.host, title).toBe('en.wikipedia.org');
      expect(url.pathname.startsWith('/wiki/'), title).toBe(true);
      expect(decodeURIComponent(url.pathname.slice('/wiki/'.length)), title).toBe(title);
      expect(url.search + url.hash, title).toBe('');
    }
  });
});
