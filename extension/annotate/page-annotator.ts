/**
 * Annotates one page: reads its text, links mentions with the matcher, maps
 * them to Ranges and paints them; follows the page as it changes. This is the
 * pipeline the content script runs; each step lives in its own module.
 *
 * The work is cut into slices of a few milliseconds with the main thread
 * handed back in between, so a 5 MB page lights up progressively and no task
 * comes near 50 ms. When the page changes, only the blocks that changed are
 * read again: the cost follows the added text, not the page.
 */
import type { CardData, CompiledPack, EntityType } from '../dataset/pack';
import { findMentions, loadMatcher, type Matcher } from '../matcher';
import type { MatchContext } from '../matcher/types';
import { TextWalker, isBlock, isSkippedElement, type ExtractedText } from '../text/extract';
import { rangeForOffsets, segmentAt } from '../text/ranges';
import type { HighlightLayer, PaintedMention } from '../highlight/highlight-layer';
import { matchWindows } from './match-windows';
import { yieldToMain } from './yield-to-main';

/**
 * Quiet period after the page's last change before reading it again: batches
 * the bursts of mutations a re-render or an infinite-scroll load makes, while
 * still annotating new text well within a quarter of a second.
 */
export const RESCAN_DEBOUNCE_MS = 100;

/**
 * Main-thread time one slice may take before yielding. A frame is 16 ms; a
 * third of it leaves the page room to render and respond, and keeps every
 * task far below the 50 ms long-task line.
 */
export const SLICE_BUDGET_MS = 6;

/** Text read per extraction step: big enough to amortise the walk, small enough to check the clock often. */
export const PIECE_MIN_CHARS = 8_000;

/**
 * Most mentions painted on one page. A real article has tens; a page that
 * repeats a name 50,000 times gains nothing from more, and the cap bounds
 * memory and hit-testing. The popup says when it was reached.
 */
export const MAX_PAINTED_MENTIONS = 2_000;

/**
 * Past this many changed blocks in one batch, reading the whole page again is
 * simpler and no slower than tracking each block (a full re-render).
 */
export const MAX_DIRTY_BLOCKS = 200;

/** One entity found on the page, for the popup's list and the badge. */
export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
}

export interface PageAnnotatorOptions {
  /** What to read: usually `document.body`. */
  root: () => Node | null;
  /** Backstory's own UI host, never read and whose changes never trigger a re-scan. */
  ownHost: () => Element | null;
  context: MatchContext;
  /** Called after each scan completes, e.g. to update the badge. */
  onPainted?: (found: FoundEntity[]) => void;
  /** Called around each slice of main-thread work, for performance marks. */
  onSlice?: (start: number, end: number) => void;
}

export class PageAnnotator {
  private readonly matcher: Matcher;
  private readonly cards: Map<string, CardData>;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Entities mentioned in full anywhere on the page, so later short names link. */
  private seen = new Set<string>();
  /** Blocks changed since the last pass. */
  private dirty = new Set<Node>();
  /** Bumped to abandon a pass in flight (stop, or a full re-read). */
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  private capReached = false;

  constructor(
    pack: CompiledPack,
    private readonly layer: HighlightLayer,
    private readonly options: PageAnnotatorOptions,
  ) {
    this.matcher = loadMatcher(pack.matcher);
    this.cards = new Map(pack.entities.map((e) => [e.id, e]));
  }

  /** Card data of an entity of the pack. */
  card(id: string): CardData | undefined {
    return this.cards.get(id);
  }

  /** Whether the page had more mentions than `MAX_PAINTED_MENTIONS`. */
  get capped(): boolean {
    return this.capReached;
  }

  /**
   * Annotates the page and keeps following its changes until `stop()`.
   * Resolves when the first full pass is painted.
   */
  start(): Promise<void> {
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      const root = this.options.root();
      if (root) this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
    return this.rescanAll();
  }

  /** Stops following the page and removes every highlight. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.generation += 1;
    this.dirty.clear();
    this.layer.clear();
    this.options.onPainted?.([]);
  }

  /** Resolves once no pass is in flight. */
  idle(): Promise<void> {
    return this.running;
  }

  /** The entities currently painted, in order of first appearance. */
  found(): FoundEntity[] {
    const byId = new Map<string, FoundEntity>();
    for (const m of this.layer.painted) {
      const entry = byId.get(m.entity);
      if (entry) entry.mentions += 1;
      else byId.set(m.entity, { id: m.entity, name: this.cards.get(m.entity)?.name ?? m.entity, type: m.type, mentions: 1 });
    }
    return [...byId.values()];
  }

  /** Clears and reads the whole page again. */
  private rescanAll(): Promise<void> {
    const generation = ++this.generation;
    this.dirty.clear();
    this.seen = new Set();
    this.capReached = false;
    this.layer.clear();
    const root = this.options.root();
    return this.enqueue(generation, root ? [root] : []);
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.options.ownHost();
    for (const record of records) {
      if (host?.contains(record.target)) continue;
      const block = enclosingBlock(record.target, this.options.root());
      if (block) this.dirty.add(block);
    }
    if (this.dirty.size === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), RESCAN_DEBOUNCE_MS);
  }

  /** Reads again the blocks that changed, after dropping their old mentions and those whose text left the page. */
  private flush(): void {
    if (this.dirty.size > MAX_DIRTY_BLOCKS) {
      void this.rescanAll();
      return;
    }
    const blocks = outermost([...this.dirty]).filter((b) => b.isConnected && !insideSkipped(b, this.options.ownHost()));
    this.dirty.clear();
    this.layer.removeWhere((m) => m.nodes.some((n) => !n.isConnected || blocks.some((b) => b.contains(n))));
    if (this.layer.size < MAX_PAINTED_MENTIONS) this.capReached = false;
    void this.enqueue(this.generation, blocks);
  }

  /**
   * Runs a pass over `roots` after any pass in flight, so passes never
   * interleave. A pass that fails rejects its own promise (so the failure is
   * seen) without blocking the passes after it.
   */
  private enqueue(generation: number, roots: Node[]): Promise<void> {
    const pass = this.running.then(() => this.pass(generation, roots));
    this.running = pass.catch(() => undefined);
    return pass;
  }

  /** Reads, matches and paints `roots` in slices, yielding between them. */
  private async pass(generation: number, roots: Node[]): Promise<void> {
    let sliceStart = performance.now();
    for (const root of roots) {
      const walker = new TextWalker(root, { ownHost: this.options.ownHost() });
      for (let piece = walker.next(PIECE_MIN_CHARS); piece; piece = walker.next(PIECE_MIN_CHARS)) {
        for (const window of matchWindows(piece.text)) {
          if (generation !== this.generation) return;
          this.paintWindow(piece, window.start, window.end, window.ownEnd);
          if (performance.now() - sliceStart >= SLICE_BUDGET_MS) {
            this.options.onSlice?.(sliceStart, performance.now());
            await yieldToMain();
            sliceStart = performance.now();
          }
        }
      }
    }
    this.options.onSlice?.(sliceStart, performance.now());
    if (generation === this.generation) this.options.onPainted?.(this.found());
  }

  /** Matches `piece.text[start, end)` and paints the mentions starting before `ownEnd`. */
  private paintWindow(piece: ExtractedText, start: number, end: number, ownEnd: number): void {
    const text = start === 0 && end === piece.text.length ? piece.text : piece.text.slice(start, end);
    const mentions = findMentions(text, this.matcher, { ...this.options.context, seen: this.seen });
    const painted: PaintedMention[] = [];
    const doc = piece.segments[0]?.node.ownerDocument ?? document;
    for (const m of mentions) {
      if (start + m.start >= ownEnd) break;
      if (this.layer.size + painted.length >= MAX_PAINTED_MENTIONS) {
        this.capReached = true;
        break;
      }
      const card = this.cards.get(m.entity);
      const range = card && rangeForOffsets(piece, start + m.start, start + m.end, doc);
      if (card && range) {
        painted.push({ range, entity: m.entity, type: card.type, nodes: nodesBetween(piece, start + m.start, start + m.end) });
      }
    }
    this.layer.add(painted);
  }
}

/** The text nodes holding `[start, end)`, for hit-testing a mention by node. */
function nodesBetween(extracted: ExtractedText, start: number, end: number): Text[] {
  const first = segmentAt(extracted.segments, start);
  const last = segmentAt(extracted.segments, end - 1);
  return extracted.segments.slice(first, last + 1).map((s) => s.node);
}

/** The nearest block element around a changed node (names never cross blocks), or the root. */
function enclosingBlock(node: Node, root: Node | null): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n === root) return root;
    if (n.nodeType === 1 && isBlock(n as Element)) return n;
  }
  return null;
}

/** Drops nodes that sit inside another node of the list. */
function outermost(nodes: Node[]): Node[] {
  return nodes.filter((n) => !nodes.some((other) => other !== n && other.contains(n)));
}

/** Whether a node sits inside a region Backstory never reads (an editor, a hidden panel, its own UI). */
function insideSkipped(node: Node, ownHost: Element | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element, ownHost)) return true;
  }
  return false;
}
