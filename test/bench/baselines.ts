/**
 * The two baselines `npm run bench` runs beside the matcher, in the same process:
 * - one regular expression alternating every alias, as highlighters such as mark.js build;
 * - fuse.js called on every capitalised n-gram of the text (up to three words) against all
 *   aliases, the naive way to get near misses.
 */
import Fuse from 'fuse.js/basic';

/** Escapes a string for use inside a RegExp. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds the mark.js-style matcher: longest aliases first, `\b`-bounded, case-insensitive. (With
 * the `u` flag and Unicode-aware boundaries V8's regex is some 100× slower still at 10k aliases.)
 */
export function regexBaseline(aliases: readonly string[]): (text: string) => number {
  const sorted = [...new Set(aliases)].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`\\b(?:${sorted.join('|')})\\b`, 'gi');
  return (text) => {
    let count = 0;
    re.lastIndex = 0;
    while (re.exec(text)) count++;
    return count;
  };
}

/** Capitalised words, and runs of up to three of them, as fuse.js queries. */
const CAPITALISED_RUN = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}/gu;

/** Builds the naive near-miss matcher: a Fuse index over all aliases, searched with every capitalised n-gram. */
export function fuseBaseline(aliases: readonly string[]): (text: string) => number {
  const fuse = new Fuse([...new Set(aliases)], { includeScore: true, ignoreLocation: true, threshold: 0.34 });
  return (text) => {
    let count = 0;
    for (const run of text.matchAll(CAPITALISED_RUN)) {
      const words = run[0].split(' ');
      for (let n = 1; n <= words.length; n++) {
        for (let i = 0; i + n <= words.length; i++) count += fuse.search(words.slice(i, i + n).join(' '), { limit: 1 }).length;
      }
    }
    return count;
  };
}
