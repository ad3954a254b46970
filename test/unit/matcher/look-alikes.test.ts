import { describe, expect, it } from 'vitest';
import { annotateText, loadPack } from '../../../scripts/lib/annotate-text';
import { LOOK_ALIKES } from './look-alikes.cases';

/** The real pack, as the extension build makes it from assets/dataset. */
const loaded = loadPack();

describe('look-alike words and names, against the real pack', () => {
  it('has at least 50 sentences', () => {
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(LOOK_ALIKES)('$name', ({ text, date, want }) => {
    const got = annotateText(text, loaded, date).map((m) => `${m.text} → ${m.entity}`);
    expect(got).toEqual(want);
  });
});
