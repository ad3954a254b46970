/**
 * Prints where `npm run build` put each browser's extension and how to load
 * it, after checking that both manifests are really there.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const output = resolve(import.meta.dirname, '..', process.env.BACKSTORY_OUT_DIR ?? '.output');
const builds = [
  { browser: 'Chrome / Chromium', dir: 'chrome-mv3', load: 'chrome://extensions → Developer mode → Load unpacked → pick this folder' },
  { browser: 'Firefox', dir: 'firefox-mv3', load: 'about:debugging#/runtime/this-firefox → Load Temporary Add-on… → pick manifest.json in this folder' },
];

let ok = true;
for (const b of builds) {
  const dir = resolve(output, b.dir);
  const present = existsSync(resolve(dir, 'manifest.json'));
  ok &&= present;
  console.log(`${b.browser}: ${present ? dir : `MISSING (${dir})`}\n  load it: ${b.load}`);
}
process.exit(ok ? 0 : 1);
