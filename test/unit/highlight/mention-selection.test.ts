// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityType } from '../../../extension/dataset/pack';
import { HighlightLayer, type HighlightRegistryLike, type PaintedMention } from '../../../extension/highlight/highlight-layer';
import { MentionSelection } from '../../../extension/highlight/mention-selection';
import type { MentionFilter } from '../../../extension/highlight/select-mentions';

/** happy-dom has no Highlight; a minimal stand-in that keeps its ranges. */
class FakeHighlight extends Set<Range> {}

beforeAll(() => {
  (globalThis as unknown as { Highlight: unknown }).Highlight ??= FakeHighlight;
});

const ALL: EntityType[] = ['person', 'organization', 'place', 'event'];
const filter = (types: EntityType[], firstOnly: boolean): MentionFilter => ({ types: new Set(types), firstOnly });

/** "Peskov met NATO. Peskov left. Lavrov stayed." as three paragraphs, and its mentions. */
function page() {
  document.body.innerHTML = '<p>Peskov met NATO.</p><p>Peskov left.</p><p>Lavrov stayed.</p>';
  const [p1, p2, p3] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const at = (text: Text, start: number, end: number, entity: string, type: EntityType): PaintedMention => {
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    return { range, entity, type, nodes: [text] };
  };
  return {
    peskov1: at(p1!, 0, 6, 'peskov', 'person'),
    nato: at(p1!, 11, 15, 'nato', 'organization'),
    peskov2: at(p2!, 0, 6, 'peskov', 'person'),
    lavrov: at(p3!, 0, 6, 'lavrov', 'person'),
  };
}

const texts = (layer: HighlightLayer) => layer.painted.map((m) => `${m.entity}@${m.range.startContainer.parentElement ? [...document.querySelectorAll('p')].indexOf(m.range.startContainer.parentElement as HTMLParagraphElement) : -1}`).sort();

function setup(f: MentionFilter) {
  const layer = new HighlightLayer(new Map() as unknown as HighlightRegistryLike);
  return { layer, selection: new MentionSelection(layer, f), ...page() };
}

describe('MentionSelection', () => {
  it('paints everything with the defaults, and counts all it found', () => {
    const { layer, selection, peskov1, nato, peskov2 } = setup(filter(ALL, false));
    selection.add([peskov1, nato, peskov2]);
    expect(texts(layer)).toEqual(['nato@0', 'peskov@0', 'peskov@1']);
    expect(selection.size).toBe(3);
  });

  it('first only: the earliest mention wins, whatever order the page is read in', () => {
    const { layer, selection, peskov1, peskov2, lavrov } = setup(filter(ALL, true));
    selection.add([peskov2, lavrov]);
    expect(texts(layer)).toEqual(['lavrov@2', 'peskov@1']);
    selection.add([peskov1]);
    expect(texts(layer)).toEqual(['lavrov@2', 'peskov@0']);
  });

  it('first only: when the first mention leaves the page, the next takes over', () => {
    const { layer, selection, peskov1, peskov2 } = setup(filter(ALL, true));
    selection.add([peskov1, peskov2]);
    expect(selection.removeWhere((m) => m === peskov1)).toBe(1);
    expect(texts(layer)).toEqual(['peskov@1']);
    expect(selection.size).toBe(1);
  });

  it('applies a new filter to everything found, without reading the page again', () => {
    const { layer, selection, peskov1, nato, peskov2, lavrov } = setup(filter(ALL, false));
    selection.add([peskov1, nato, peskov2, lavrov]);
    selection.setFilter(filter(['organization'], false));
    expect(texts(layer)).toEqual(['nato@0']);
    selection.setFilter(filter(['person'], true));
    expect(texts(layer)).toEqual(['lavrov@2', 'peskov@0']);
    selection.setFilter(filter(ALL, false));
    expect(layer.painted).toHaveLength(4);
  });

  it('clears everything', () => {
    const { layer, selection, peskov1 } = setup(filter(ALL, true));
    selection.add([peskov1]);
    selection.clear();
    expect(layer.painted).toHaveLength(0);
    expect(selection.size).toBe(0);
  });
});
