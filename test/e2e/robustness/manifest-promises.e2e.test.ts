/**
 * The built manifests against what the README promises (its Permissions
 * section): every permission asked for is justified there, nothing beyond it
 * is asked, and the content security policy is the default or stricter.
 * (test/e2e/package.e2e.test.ts checks the package itself: no remote code, no
 * eval, addons-linter clean.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_DIR, ROOT } from '../harness/paths';

const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const permissionsSection = readme.slice(readme.indexOf('## Permissions'), readme.indexOf('\n## ', readme.indexOf('## Permissions') + 1));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest, as the README promises', (dir) => {
  const manifest = JSON.parse(readFileSync(resolve(OUTPUT_DIR, dir, 'manifest.json'), 'utf8'));

  it('justifies every permission in the README\'s Permissions table', () => {
    expect(permissionsSection).toContain('| permission | why |');
    const asked: string[] = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    expect(asked.length).toBeGreaterThan(0);
    for (const permission of asked) {
      const row = permissionsSection.split('\n').find((line) => line.startsWith(`| \`${permission}\` |`));
      expect(row, `README row for \`${permission}\``).toBeDefined();
      expect(row!.split('|')[2]!.trim().length, `a reason for \`${permission}\``).toBeGreaterThan(20);
    }
  });

  it('asks for no site access beyond its http(s) content script, and exposes no files to pages', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    for (const cs of manifest.content_scripts ?? []) {
      for (const match of cs.matches) expect(match).toMatch(/^https?:\/\/\*\/\*$/);
    }
  });

  it('keeps the default content security policy, or a stricter one', () => {
    const csp = manifest.content_security_policy;
    if (csp === undefined) return;
    for (const policy of Object.values(csp as Record<string, string>)) {
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
      expect(policy).toMatch(/script-src 'self'/);
    }
  });
});
