/**
 * Backstory's page pipeline without the extension around it, for the alias
 * sweep of the browser benchmark: the same modules the content script runs
 * (pack parse, matcher load, annotator, highlight layer), bundled at bench
 * time and loaded into a page with a synthetic pack of 1k to 100k aliases,
 * which the extension's build cannot carry. Also Backstory's reading of a
 * page on its own, to set beside the floor.
 */
import { PIECE_MIN_CHARS, annotatorPackFrom, PageAnnotator } from '../../../../extension/annotate/page-annotator';
import { TextWalker } from '../../../../extension/text/extract';
import { typesOf, type PackCore } from '../../../../extension/dataset/pack-global';
import { HighlightLayer } from '../../../../extension/highlight/highlight-layer';

/** What one run of the pipeline cost on the page. */
export interface PipelineRun {
  /** JSON.parse of the pack's core and the matcher loaded (ms). */
  packMs: number;
  /** Main-thread time of the first full pass: the sum of its slices (ms). */
  scanMs: number;
  slices: number;
  longestSliceMs: number;
  mentions: number;
}

/** Annotates `document.body` with the pack's core given as JSON text (`packTexts`), as the content script does, then cleans up. */
export async function annotateWith(coreJson: string): Promise<PipelineRun> {
  const t0 = performance.now();
  const layer = new HighlightLayer();
  let scanMs = 0;
  let slices = 0;
  let longestSliceMs = 0;
  const annotator = new PageAnnotator(annotatorPackOfText(coreJson), layer, {
    root: () => document.body,
    ownHost: () => null,
    context: { date: '2022-01-15' },
    firstBlockInView: () => null,
    onSlice: (start, end) => {
      scanMs += end - start;
      slices += 1;
      longestSliceMs = Math.max(longestSliceMs, end - start);
    },
  });
  const packMs = performance.now() - t0;
  await annotator.start();
  const mentions = layer.size;
  annotator.stop();
  return { packMs, scanMs, slices, longestSliceMs, mentions };
}

/** What reading a page cost, with nothing matched or painted. */
export interface ReadRun {
  /** Main-thread time (ms). */
  ms: number;
  /** Characters read. */
  chars: number;
}

/**
 * Reads `document.body` as a full pass does (skipping what no reader reads, in pieces of
 * `PIECE_MIN_CHARS`) and matches nothing: the part of a pass that no matcher, however fast, can
 * take away. Run once in a fresh page, it is cold as the content script's first pass is.
 */
export function readOnly(): ReadRun {
  const t0 = performance.now();
  const walker = new TextWalker(document.body);
  let chars = 0;
  for (let piece = walker.next(PIECE_MIN_CHARS); piece; piece = walker.next(PIECE_MIN_CHARS)) chars += piece.text.length;
  return { ms: performance.now() - t0, chars };
}

/** The annotator's pack from the core's JSON text; the parsed core is not kept, as in the content script. */
function annotatorPackOfText(coreJson: string) {
  const core = JSON.parse(coreJson) as PackCore;
  return annotatorPackFrom(core.matcher, typesOf(core));
}

(globalThis as { __backstoryPipeline?: unknown }).__backstoryPipeline = { annotateWith, readOnly };
