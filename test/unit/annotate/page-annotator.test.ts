// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { annotatorPackFrom, annotatorPackOf, PageAnnotator, type PageAnnotatorOptions } from '../../../extension/annotate/page-annotator';
import type { PassKind } from '../../../extension/annotate/perf-marks';
import type { CompiledPack } from '../../../extension/dataset/pack';
import { HighlightLayer, type HighlightRegistryLike } from '../../../extension/highlight/highlight-layer';
import { compileMatcher } from '../../../extension/matcher';
import { ALIASES, ENTITIES } from '../matcher/fixture';

/** happy-dom has no Highlight; a minimal stand-in that keeps its ranges. */
class FakeHighlight extends Set<Range> {}

beforeAll(() => {
  (globalThis as unknown as { Highlight: unknown }).Highlight ??= FakeHighlight;
});

const PACK: CompiledPack = {
  version: 'test',
  entities: ENTITIES.map((e) => ({ id: e.id, type: e.type, name: e.id, description: '', summary: '', related: [], reviewed: '2022-01-01' })),
  matcher: compileMatcher(ALIASES, ENTITIES),
};

/** Each entity's type by id, as the content script looks it up. */
const typeOf = (id: string) => PACK.entities.find((e) => e.id === id)?.type;

/** Filler without any name of the test dataset, to put distance between blocks. */
const FILLER = '<p>The committee published its report late in the afternoon.</p>';

interface Run {
  annotator: PageAnnotator;
  layer: HighlightLayer;
  passes: PassKind[];
  /** What was painted when the text in view was done, as `text@block`. */
  atViewport: string[];
}

let running: PageAnnotator[] = [];

afterEach(() => {
  for (const a of running) a.stop();
  running = [];
  document.body.innerHTML = '';
});

/** Each painted mention as its text, entity and the id of its block, in document order. */
function painted(layer: HighlightLayer): string[] {
  return layer.painted
    .map((m) => ({ m, block: m.range.startContainer.parentElement?.closest('[id]')?.id ?? '?' }))
    .sort((a, b) => a.m.range.compareBoundaryPoints(Range.START_TO_START, b.m.range))
    .map(({ m, block }) => `${m.range.toString()}=${m.entity}@${block}`);
}

async function annotate(firstBlockInView: PageAnnotatorOptions['firstBlockInView']): Promise<Run> {
  const layer = new HighlightLayer(new Map() as unknown as HighlightRegistryLike);
  const run: Run = { annotator: undefined as unknown as PageAnnotator, layer, passes: [], atViewport: [] };
  run.annotator = new PageAnnotator(annotatorPackOf(PACK), layer, {
    root: () => document.body,
    ownHost: () => null,
    context: { date: '2022-01-15' },
    firstBlockInView,
    onPass: (kind) => {
      run.passes.push(kind);
      if (kind === 'viewport') run.atViewport = painted(layer);
    },
  });
  running.push(run.annotator);
  await run.annotator.start();
  return run;
}

/** The same page annotated in document order, for comparison. */
async function inDocumentOrder(): Promise<string[]> {
  const run = await annotate(() => null);
  const result = painted(run.layer);
  run.annotator.stop();
  return result;
}

const byId = (id: string) => () => document.getElementById(id);

describe('PageAnnotator, text in view first', () => {
  it('paints the text in view first, then ends with exactly what a read in document order paints', async () => {
    document.body.innerHTML =
      `<p id="a">Vladimir Putin met Joe Biden.</p>${FILLER.repeat(3)}` +
      `<p id="v">NATO and the OSCE met in Geneva.</p><p id="w">Moscow answered.</p>${FILLER}<p id="z">Ukraine replied.</p>`;
    const expected = await inDocumentOrder();
    const run = await annotate(byId('v'));
    expect(run.passes).toEqual(['viewport', 'full']);
    expect(run.atViewport.every((m) => /@[vwz]$/.test(m))).toBe(true);
    expect(run.atViewport).toContain('NATO=NATO@v');
    expect(painted(run.layer)).toEqual(expected);
  });

  it('links a short name in view once the full name earlier on the page has been read', async () => {
    document.body.innerHTML = `<p id="a">Dmitry Peskov spoke first.</p>${FILLER.repeat(3)}<p id="v">Peskov added more.</p>`;
    const expected = await inDocumentOrder();
    expect(expected).toContain('Peskov=Dmitry_Peskov@v');
    const run = await annotate(byId('v'));
    // Ahead of the page, the view alone does not justify the short name...
    expect(run.atViewport).not.toContain('Peskov=Dmitry_Peskov@v');
    // ...and the full read links it, once.
    expect(painted(run.layer)).toEqual(expected);
  });

  it('never links a short name before the view on the strength of a full name in the view', async () => {
    document.body.innerHTML = `<p id="a">Peskov spoke first.</p>${FILLER.repeat(3)}<p id="v">Dmitry Peskov added more.</p>`;
    const expected = await inDocumentOrder();
    expect(expected).not.toContain('Peskov=Dmitry_Peskov@a');
    const run = await annotate(byId('v'));
    expect(painted(run.layer)).toEqual(expected);
  });

  it('keeps the highlights it painted ahead when the second read agrees, rather than painting them again', async () => {
    document.body.innerHTML = `<p id="a">Joe Biden spoke.</p>${FILLER}<p id="v">NATO met.</p>`;
    const run = await annotate(byId('v'));
    expect(painted(run.layer)).toEqual(await inDocumentOrder());
    expect(run.layer.size).toBe(2);
  });

  it('reads in document order when the view starts the page', async () => {
    document.body.innerHTML = `<p id="v">Joe Biden spoke.</p>${FILLER}<p id="w">NATO met.</p>`;
    const expected = await inDocumentOrder();
    const run = await annotate(byId('v'));
    expect(painted(run.layer)).toEqual(expected);
  });
});

describe('PageAnnotator, following changes', () => {
  const settle = () => new Promise((r) => setTimeout(r, 250));

  it('reads an appended paragraph alone: the mentions already painted stay as they were', async () => {
    document.body.innerHTML = `<article id="art"><p id="a">Joe Biden spoke.</p>${FILLER}</article>`;
    const run = await annotate(() => null);
    const before = run.layer.painted[0];
    const p = document.createElement('p');
    p.id = 'new';
    p.textContent = 'NATO answered from Geneva.';
    document.getElementById('art')!.append(p);
    await settle();
    await run.annotator.idle();
    expect(run.passes).toEqual(['full', 'rescan']);
    expect(painted(run.layer)).toEqual(['Joe Biden=Joe_Biden@a', 'NATO=NATO@new', 'Geneva=Geneva@new']);
    expect(run.layer.painted[0]).toBe(before);
  });

  it('drops the mentions of a removed paragraph and reads its replacement', async () => {
    document.body.innerHTML = `<article><p id="a">Joe Biden spoke.</p><p id="b">NATO met.</p></article>`;
    const run = await annotate(() => null);
    const replacement = document.createElement('p');
    replacement.id = 'c';
    replacement.textContent = 'Moscow answered.';
    document.getElementById('b')!.replaceWith(replacement);
    await settle();
    await run.annotator.idle();
    expect(painted(run.layer)).toEqual(['Joe Biden=Joe_Biden@a', 'Moscow=Moscow@c']);
  });

  it('paints text added while the first pass runs once, not twice', async () => {
    document.body.innerHTML = `<article id="art"><p id="a">Joe Biden spoke.</p></article>`;
    const run = await annotate(() => null);
    run.annotator.stop();
    const layer = new HighlightLayer(new Map() as unknown as HighlightRegistryLike);
    const annotator = new PageAnnotator(annotatorPackOf(PACK), layer, { root: () => document.body, ownHost: () => null, context: {}, firstBlockInView: () => null });
    running.push(annotator);
    const first = annotator.start();
    const p = document.createElement('p');
    p.id = 'new';
    p.textContent = 'NATO answered.';
    document.getElementById('art')!.append(p);
    await first;
    await settle();
    await annotator.idle();
    expect(painted(layer)).toEqual(['Joe Biden=Joe_Biden@a', 'NATO=NATO@new']);
  });
});

describe('PageAnnotator and the cards', () => {
  it('names entities only once the cards are in', () => {
    let cards: typeof PACK.entities | undefined;
    const pack = annotatorPackFrom(PACK.matcher, typeOf, () => cards);
    const first = PACK.entities[0]!;
    expect(pack.nameOf(first.id)).toBeUndefined();
    cards = PACK.entities;
    expect(pack.nameOf(first.id)).toBe(first.name);
  });

  it('reads and paints the page, and reports the count, without the cards; names come from them when listed', async () => {
    document.body.innerHTML = '<p>Vladimir Putin spoke to Joe Biden about NATO.</p>';
    let cardsRead = 0;
    const counts: number[] = [];
    const pack = annotatorPackFrom(PACK.matcher, typeOf, () => {
      cardsRead += 1;
      return PACK.entities;
    });
    const layer = new HighlightLayer(new Map() as unknown as HighlightRegistryLike);
    const annotator = new PageAnnotator(pack, layer, { root: () => document.body, ownHost: () => null, context: {}, firstBlockInView: () => null, onPainted: (n) => counts.push(n) });
    running.push(annotator);
    await annotator.start();
    expect(layer.size).toBe(3);
    expect(counts.at(-1)).toBe(3);
    expect(cardsRead).toBe(0);
    expect(annotator.found().map((f) => f.name)).toEqual(['Vladimir_Putin', 'Joe_Biden', 'NATO']);
    annotator.found();
    expect(cardsRead).toBe(1);
  });
});
