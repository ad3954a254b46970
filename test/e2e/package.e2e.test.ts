/**
 * What the built packages promise before any page loads: the fewest
 * permissions, no remote code, the Firefox identity and data-collection
 * declaration, and a Firefox zip that addons-linter accepts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR as output, ROOT as root } from './harness/paths';

/** Calls that would reach the network or evaluate strings as code. */
const REMOTE_OR_EVAL = /\beval\s*\(|new Function\s*\(|\bfetch\s*\(|XMLHttpRequest|WebSocket\s*\(|sendBeacon|importScripts\s*\(/g;

/**
 * `createIsolatedElement`, which makes the card's shadow root, can `fetch` its
 * CSS from a `url`. Backstory passes the card's CSS inline, so that branch
 * never runs; it is recognised by the code right beside it.
 */
function isCssUrlLoader(code: string, index: number): boolean {
  const around = code.slice(Math.max(0, index - 200), index + 200);
  return /`url`in \w+\?await fetch\(\w+\.url\)/.test(around);
}

/**
 * Code in `pack.js` besides the pack's text, at most: WXT's wrapper and the
 * call that leaves the text for `content.js`. Every page evaluates pack.js
 * first; an import that drags a module's top-level tables in (the
 * normaliser's buffers, once, through the matcher's index) shows up here.
 */
const PACK_JS_CODE_MAX_CHARS = 1_000;

/**
 * addons-linter flags Preact's own handling of `dangerouslySetInnerHTML` in
 * the bundle. Backstory never uses it (a test of the sources enforces that),
 * so a warning is attributed to Preact only when that prop's name sits right
 * beside the flagged column.
 */
function isPreactInnerHtml(warning: { code: string; file?: string; line?: number; column?: number }, dir: string): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line || warning.column === undefined) return false;
  const line = readFileSync(resolve(dir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  return line.slice(Math.max(0, warning.column - 400), warning.column + 400).includes('dangerouslySetInnerHTML');
}

const manifest = (dir: string) => JSON.parse(readFileSync(resolve(output, dir, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (dir) => {
  it('asks only for storage and contextMenus, and for no host permissions beyond its content script', () => {
    const m = manifest(dir);
    expect(m.manifest_version).toBe(3);
    // storage: the switches and reading options. contextMenus: the "Look up “…” in
    // Backstory" item for selected text; it grants no access to pages or tabs.
    expect([...m.permissions].sort()).toEqual(['contextMenus', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('runs one content script on http and https pages, top frame only, with the highlight styles', () => {
    const [cs, ...rest] = manifest(dir).content_scripts;
    expect(rest).toEqual([]);
    expect(cs.matches.sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(cs.all_frames ?? false).toBe(false);
    expect(cs.run_at).toBe('document_idle');
    expect(cs.css).toHaveLength(1);
    const css = readFileSync(resolve(output, dir, cs.css[0]), 'utf8');
    expect(css).toMatch(/::highlight\(backstory-person\)/);
  });

  it('keeps the default content security policy and exposes no resources to pages', () => {
    const m = manifest(dir);
    expect(m.content_security_policy).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('ships no code that fetches or evaluates at run time', () => {
    const files = readdirSync(resolve(output, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((f) => {
      const code = readFileSync(resolve(output, dir, f), 'utf8');
      return [...code.matchAll(REMOTE_OR_EVAL)]
        .filter((m) => !(m[0].startsWith('fetch') && isCssUrlLoader(code, m.index)))
        .map((m) => `${f}: ${code.slice(Math.max(0, m.index - 60), m.index + 40)}`);
    });
    expect(found).toEqual([]);
  });

  it('keeps pack.js to the pack\'s text, in double quotes, and the call that leaves it', () => {
    const code = readFileSync(resolve(output, dir, 'pack.js'), 'utf8');
    // Not a template literal: engines scan one far slower (scripts/vite-pack-plugin.ts).
    const text = /"\{\\"version\\"(?:[^"\\]|\\.)*"/.exec(code);
    expect(text).not.toBeNull();
    expect(code.length - text![0].length).toBeLessThanOrEqual(PACK_JS_CODE_MAX_CHARS);
  });
});

describe('Firefox package', () => {
  it('carries a gecko id and declares that no data is collected', () => {
    const gecko = manifest('firefox-mv3').browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('passes addons-linter with no errors and no warnings', () => {
    const zip = readdirSync(output).find((f) => f.endsWith('-firefox.zip'));
    expect(zip, 'run `npm run zip` first').toBeDefined();
    let out: string;
    try {
      out = execFileSync(resolve(root, 'node_modules/.bin/addons-linter'), ['--output', 'json', resolve(output, zip!)], { encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout: string }).stdout; // non-zero exit when it finds errors: read the report anyway
    }
    type Finding = { code: string; file?: string; line?: number; column?: number; message: string };
    const report: { errors: Finding[]; warnings: Finding[] } = JSON.parse(out);
    const show = (list: Finding[]) => list.map((x) => `${x.code} ${x.file ?? ''}:${x.line ?? ''}: ${x.message}`);
    expect(show(report.errors)).toEqual([]);
    const ours = report.warnings.filter((w) => !isPreactInnerHtml(w, resolve(output, 'firefox-mv3')));
    expect(show(ours)).toEqual([]);
  });
});

it('zips the Chrome build for the store', () => {
  expect(existsSync(output) && readdirSync(output).some((f) => f.endsWith('-chrome.zip'))).toBe(true);
});
