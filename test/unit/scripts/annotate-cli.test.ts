import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/gold';

/** What `npm run annotate -- … --json` promises on stdout, per mention. */
interface JsonMention {
  start: number;
  end: number;
  text: string;
  entity: string;
  type: string;
  name: string;
  wikipedia: string | null;
  score: number;
}

const ARTICLE = join(REPO_ROOT, 'test/fixtures/articles/seed-moscowtimes.txt');
const PAGE = join(REPO_ROOT, 'test/fixtures/pages/moscowtimes-biden-putin.html');

/** Runs the tool as documented (`npm run --silent annotate -- …`) and returns its stdout. */
function annotate(...args: string[]): string {
  return execFileSync('npm', ['run', '--silent', 'annotate', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('npm run annotate', { timeout: 60_000 }, () => {
  it('prints exactly one JSON object on stdout with --json, offsets into the file as it is', () => {
    const stdout = annotate(ARTICLE, '--json', '--date', '2021-12-30');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const { mentions } = JSON.parse(stdout) as { mentions: JsonMention[] };
    const text = readFileSync(ARTICLE, 'utf8');
    expect(mentions.length).toBeGreaterThan(50);
    for (const m of mentions) {
      expect(Object.keys(m)).toEqual(['start', 'end', 'text', 'entity', 'type', 'name', 'wikipedia', 'score']);
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(['person', 'organization', 'place', 'event']).toContain(m.type);
    }
    expect(mentions).toContainEqual(
      expect.objectContaining({ text: 'Dmitry Peskov', entity: 'dmitry-peskov', type: 'person', wikipedia: 'Dmitry_Peskov' }),
    );
    expect(mentions.find((m) => m.text === 'security demands')?.wikipedia).toBeNull();
  });

  it('dates a text article by its source line when --date is not given', () => {
    expect(annotate(ARTICLE).split('\n')[0]).toMatch(/mentions, article date 2021-12-30$/);
  });

  it('reads an HTML page as the content script does, dated by its metadata', () => {
    const table = annotate(PAGE);
    expect(table.split('\n')[0]).toMatch(/mentions, article date 2021-12-30$/);
    expect(table).toContain('"Dmitry Peskov"');
  });

  it('rejects a malformed --date with usage on stderr and nothing on stdout', () => {
    expect(() => execFileSync('npx', ['tsx', 'scripts/annotate.ts', ARTICLE, '--date', '30/12/2021'], { cwd: REPO_ROOT, stdio: 'pipe' })).toThrow(
      /--date must be YYYY-MM-DD/,
    );
  });
});
