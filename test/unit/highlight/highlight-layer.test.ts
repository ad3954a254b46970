// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, HighlightLayer, type HighlightRegistryLike, type PaintedMention } from '../../../extension/highlight/highlight-layer';
import type { EntityType } from '../../../extension/dataset/pack';

/** happy-dom has no Highlight; a minimal stand-in that keeps its ranges. */
class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

class FakeRegistry extends Map<string, FakeHighlight> {}

beforeAll(() => {
  (globalThis as unknown as { Highlight: unknown }).Highlight ??= FakeHighlight;
});

function mention(text: Text, start: number, end: number, type: EntityType, entity: string): PaintedMention {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  return { range, entity, type, nodes: [text] };
}

describe('HighlightLayer', () => {
  it('keeps one highlight per entity type, holding that type’s ranges', () => {
    document.body.innerHTML = '<p>Peskov of the Kremlin met NATO in Geneva</p>';
    const text = document.body.querySelector('p')!.firstChild as Text;
    const registry = new FakeRegistry();
    const layer = new HighlightLayer(registry as unknown as HighlightRegistryLike);
    layer.paint([
      mention(text, 0, 6, 'person', 'dmitry-peskov'),
      mention(text, 14, 21, 'organization', 'kremlin'),
      mention(text, 26, 30, 'organization', 'nato'),
    ]);
    const strings = (name: string) => [...(registry.get(name) ?? [])].map((r) => r.toString());
    expect(strings(HIGHLIGHT_NAMES.person)).toEqual(['Peskov']);
    expect(strings(HIGHLIGHT_NAMES.organization)).toEqual(['Kremlin', 'NATO']);
    expect(registry.has(HIGHLIGHT_NAMES.place)).toBe(false);
    expect(registry.has(HIGHLIGHT_NAMES.event)).toBe(false);
    expect(layer.painted).toHaveLength(3);
  });

  it('replaces the previous paint and clears every type', () => {
    document.body.innerHTML = '<p>Peskov and Geneva</p>';
    const text = document.body.querySelector('p')!.firstChild as Text;
    const registry = new FakeRegistry();
    const layer = new HighlightLayer(registry as unknown as HighlightRegistryLike);
    layer.paint([mention(text, 0, 6, 'person', 'dmitry-peskov')]);
    layer.paint([mention(text, 11, 17, 'place', 'geneva')]);
    expect(registry.has(HIGHLIGHT_NAMES.person)).toBe(false);
    expect([...registry.get(HIGHLIGHT_NAMES.place)!].map(String)).toEqual(['Geneva']);
    layer.clear();
    expect(registry.size).toBe(0);
    expect(layer.painted).toHaveLength(0);
  });

  it('adds progressively and removes what a predicate drops', () => {
    document.body.innerHTML = '<p>Peskov and Geneva and Lavrov</p>';
    const text = document.body.querySelector('p')!.firstChild as Text;
    const registry = new FakeRegistry();
    const layer = new HighlightLayer(registry as unknown as HighlightRegistryLike);
    layer.add([mention(text, 0, 6, 'person', 'dmitry-peskov')]);
    layer.add([mention(text, 11, 17, 'place', 'geneva'), mention(text, 22, 28, 'person', 'sergey-lavrov')]);
    const strings = (name: string) => [...(registry.get(name) ?? [])].map(String);
    expect(strings(HIGHLIGHT_NAMES.person)).toEqual(['Peskov', 'Lavrov']);
    expect(layer.removeWhere((m) => m.entity === 'dmitry-peskov')).toBe(1);
    expect(strings(HIGHLIGHT_NAMES.person)).toEqual(['Lavrov']);
    expect(layer.size).toBe(2);
    expect(layer.painted.map((m) => m.entity)).toEqual(['geneva', 'sergey-lavrov']);
  });

  it('paints nothing inside the page’s DOM', () => {
    document.body.innerHTML = '<p>Peskov</p>';
    const before = document.body.innerHTML;
    const text = document.body.querySelector('p')!.firstChild as Text;
    new HighlightLayer(new FakeRegistry() as unknown as HighlightRegistryLike).paint([mention(text, 0, 6, 'person', 'p')]);
    expect(document.body.innerHTML).toBe(before);
  });
});
