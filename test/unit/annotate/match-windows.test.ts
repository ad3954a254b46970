import { describe, expect, it } from 'vitest';
import { matchWindows } from '../../../extension/annotate/match-windows';

describe('matchWindows', () => {
  it('keeps a short text whole', () => {
    expect(matchWindows('Dmitry Peskov said', 100, 10)).toEqual([{ start: 0, end: 18, ownEnd: 18 }]);
  });

  it.each([
    ['words', 'Dmitry Peskov said that Sergei Lavrov and Wendy Sherman met in Geneva '.repeat(40)],
    ['one long word', 'x'.repeat(1000)],
  ])('covers %s with owned parts that tile the text exactly', (_name, text) => {
    const windows = matchWindows(text, 100, 30);
    expect(windows[0]!.start).toBe(0);
    expect(windows.at(-1)!.ownEnd).toBe(text.length);
    windows.forEach((w, i) => {
      expect(w.end - w.start).toBeLessThanOrEqual(100);
      expect(w.ownEnd).toBeGreaterThan(w.start);
      expect(w.ownEnd).toBeLessThanOrEqual(w.end);
      if (i > 0) expect(w.start).toBe(windows[i - 1]!.ownEnd);
    });
  });

  it('hands over after whitespace, so no window starts inside a word', () => {
    const text = 'Dmitry Peskov said that Sergei Lavrov and Wendy Sherman met in Geneva '.repeat(40);
    for (const w of matchWindows(text, 100, 30).slice(1)) expect(text[w.start - 1]).toBe(' ');
  });

  it.each([
    ['words', 'NATO-Russia Council '.repeat(100)],
    ['no whitespace', 'x'.repeat(1000)],
  ])('leaves at least half the overlap after each hand-over point (%s)', (_name, text) => {
    for (const w of matchWindows(text, 100, 30).slice(0, -1)) expect(w.end - w.ownEnd).toBeGreaterThanOrEqual(15);
  });
});
