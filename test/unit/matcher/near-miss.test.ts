import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../extension/matcher/compile';
import { findMentions } from '../../../extension/matcher/find-mentions';
import { CHILD_COUNT_SHIFT, FIRST_CHILD_MASK, LABEL_MASK, loadMatcher, NODE_STRIDE, TERMINAL_ALIAS, TERMINAL_SHIFT, type Matcher } from '../../../extension/matcher/load';
import { withinEdits } from '../../../extension/matcher/near-miss';
import type { EntitySpec } from '../../../extension/matcher/types';
import { loadPack } from '../../../scripts/lib/annotate-text';
import { prng } from '../../bench/synthetic';

/** The real pack: thousands of keys, with the shared prefixes and lengths real names have. */
const { matcher } = loadPack();

/** Every alias key of the trie, rebuilt from its nodes. */
function aliasKeys(m: Matcher): string[] {
  const keys: string[] = [];
  const visit = (node: number, key: string) => {
    const first = m.nodes[NODE_STRIDE * node]!;
    if (node !== 0 && (first >>> TERMINAL_SHIFT) & TERMINAL_ALIAS) keys.push(key);
    const count = m.nodes[NODE_STRIDE * node + 1]! >>> CHILD_COUNT_SHIFT;
    for (let v = first & FIRST_CHILD_MASK; v < (first & FIRST_CHILD_MASK) + count; v++) {
      visit(v, key + String.fromCharCode(m.nodes[NODE_STRIDE * v + 1]! & LABEL_MASK));
    }
  };
  visit(0, '');
  return keys;
}

/** The optimal string alignment distance, from the whole table: what the walk must agree with. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const keys = aliasKeys(matcher);

/** Spans a few random edits away from real keys (the first letter kept, as the walk requires), and some plain words. */
function spans(count: number): string[] {
  const random = prng(20261128);
  const pick = <T>(items: ArrayLike<T>) => items[Math.floor(random() * items.length)]!;
  const letters = 'abcdeiklmnorstuvyz -';
  const out = ['guardian', 'photograph', 'conservation', 'thursday', 'zelenskyi', 'stoltenburg', 'lavorv'];
  while (out.length < count) {
    let span = pick(keys.filter((k) => k.length >= 6));
    for (let edits = Math.floor(random() * 4); edits > 0; edits--) {
      const at = 1 + Math.floor(random() * (span.length - 1));
      const kind = Math.floor(random() * 4);
      if (kind === 0) span = span.slice(0, at) + pick(letters) + span.slice(at + 1);
      else if (kind === 1) span = span.slice(0, at) + pick(letters) + span.slice(at);
      else if (kind === 2) span = span.slice(0, at) + span.slice(at + 1);
      else if (at + 1 < span.length) span = span.slice(0, at) + span[at + 1] + span[at] + span.slice(at + 2);
    }
    out.push(span);
  }
  return out;
}

describe('withinEdits: the banded trie walk', () => {
  it.each([1, 2])('finds exactly the keys within %i edits, at their distance', (maxEdits) => {
    for (const span of spans(300)) {
      const want = keys
        .filter((k) => k[0] === span[0])
        .map((k) => ({ key: k, edits: osaDistance(span, k) }))
        .filter((r) => r.edits <= maxEdits)
        .map((r) => `${r.key}:${r.edits}`)
        .sort();
      const got = withinEdits(matcher, span, maxEdits)
        .map((r) => `${r.key}:${r.edits}`)
        .sort();
      expect(got, span).toEqual(want);
    }
  });
});

describe('findMentions: near misses', () => {
  // Two people two letters apart, each known by one name, with the same context words.
  const person = (id: string): EntitySpec => ({ id, type: 'person', context: ['minister', 'Moscow'] });
  const names = loadMatcher(
    compileMatcher(
      [
        { text: 'Pavel Rostovski', entity: 'Rostovski', match: 'full', case: 'proper' },
        { text: 'Pavel Rastavsky', entity: 'Rastavsky', match: 'full', case: 'proper' },
      ],
      [person('Rostovski'), person('Rastavsky')],
    ),
  );
  const linked = (text: string) => findMentions(text, names).map((m) => `${text.slice(m.start, m.end)} → ${m.entity}`);
  /** `count` filler words that are neither names nor context words. */
  const filler = (count: number) => Array.from({ length: count }, () => 'and').join(' ');

  it.each([
    // `Rostovsky` is one edit from `Rostovski` and two from `Rastavsky`: the closest is the one meant.
    { name: 'the name fewest edits away wins', text: 'In Moscow, the minister Pavel Rostovsky said', want: ['Pavel Rostovsky → Rostovski'] },
    { name: 'and the other way round', text: 'In Moscow, the minister Pavel Rastavski said', want: ['Pavel Rastavski → Rastavsky'] },
    // Without a full mention a near miss needs two context words within CONTEXT_WINDOW_WORDS (12)
    // words; the stage skips runs with fewer in reach, and must skip no more than that.
    { name: 'context words twelve words before count', text: `Moscow minister ${filler(10)} Pavel Rostovsky`, want: ['Pavel Rostovsky → Rostovski'] },
    { name: 'thirteen words before do not', text: `Moscow minister ${filler(11)} Pavel Rostovsky`, want: [] },
    { name: 'context words twelve words after count', text: `Pavel Rostovsky ${filler(9)} Moscow minister`, want: ['Pavel Rostovsky → Rostovski'] },
    { name: 'thirteen words after do not', text: `Pavel Rostovsky ${filler(10)} Moscow minister`, want: [] },
    { name: 'one context word is not enough without the name in full', text: 'the minister Pavel Rostovsky said', want: [] },
    { name: 'one context word is enough after the name in full', text: 'Pavel Rostovski spoke. Later the minister Pavel Rostovsky said', want: ['Pavel Rostovski → Rostovski', 'Pavel Rostovsky → Rostovski'] },
  ])('$name', ({ text, want }) => {
    expect(linked(text)).toEqual(want);
  });
});
