/**
 * Annotates one page: reads its text, links mentions with the matcher, maps
 * them to Ranges and paints them; follows the page as it changes. This is the
 * pipeline the content script runs; each step lives in its own module.
 *
 * The work is cut into slices of a few milliseconds with the main thread
 * handed back in between, so a 5 MB page lights up progressively and no task
 * comes near 50 ms. The text in view is read first, so what the reader is
 * looking at lights up in the first slice, then the page in document order.
 * When the page changes, only the blocks that changed are read again: the
 * cost follows the added text, not the page.
 */
import type { CardData, CompiledPack, EntityType } from '../dataset/pack';
import { findMentions, loadMatcher, type Matcher } from '../matcher';
import type { CompiledMatcher, MatchContext } from '../matcher/types';
import { TextWalker, isBlock, isSkippedElement, type ExtractedText } from '../text/extract';
import { mentionRange } from '../text/ranges';
import type { HighlightLayer, PaintedMention } from '../highlight/highlight-layer';
import { matchWindows } from './match-windows';
import { firstBlockInView } from './viewport';
import { yieldToMain } from './yield-to-main';
import type { PassKind } from './perf-marks';

/**
 * Quiet period after the page's last change before reading it again: batches
 * the bursts of mutations a re-render or an infinite-scroll load makes, while
 * still annotating new text well within a quarter of a second.
 */
export const RESCAN_DEBOUNCE_MS = 100;

/**
 * Longest a change waits for the page to go quiet. A clock or a ticker that
 * changes every few milliseconds never leaves a quiet period; without this
 * bound, text added or edited beside it would never be read again (found by
 * test/e2e/robustness: a 30 ms clock starved the rescan).
 */
export const RESCAN_MAX_WAIT_MS = 500;

/**
 * Attributes whose change turns a region into one Backstory never reads, or
 * back: an article the page makes editable must lose its highlights at once.
 */
const WATCHED_ATTRIBUTES = ['contenteditable'];

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
 * Text read from the first block in view before the rest of the page: a
 * screenful (a 1280×800 window shows 3,000 to 5,000 characters of an
 * article) with room to spare, and still a small slice of work.
 */
export const VIEWPORT_MIN_CHARS = 6_000;

/**
 * A first piece in view longer than this (one block of a megabyte) is not
 * read ahead of the page: the ahead-of-order read may have to be redone, and
 * redoing a screenful is cheap, redoing a megabyte is not.
 */
export const VIEWPORT_MAX_CHARS = 64_000;

/** One entity found on the page, for the popup's list and the badge. */
export interface FoundEntity {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
}

/**
 * What the annotator needs of the pack: the matcher, loaded, and of each entity its type (the
 * highlight's) and its name (for the popup's list). Not the cards: the content script fetches
 * those only when a card is first shown. Not the compiled matcher either: once loaded, the
 * parsed JSON (the trie's strings, the alias columns) is garbage, so the page's first garbage
 * collections do not copy it.
 */
export interface AnnotatorPack {
  matcher: Matcher;
  typeOf(id: string): EntityType | undefined;
  nameOf(id: string): string | undefined;
}

/**
 * An `AnnotatorPack` from what the content script parses up front (the matcher, the types)
 * and, for names, the cards: `cards` gives them once they are in (the content script
 * fetches them before the popup's list), and undefined until then, when names are undefined.
 */
export function annotatorPackFrom(matcher: CompiledMatcher, typeOf: (id: string) => EntityType | undefined, cards: () => readonly CardData[] | undefined = () => undefined): AnnotatorPack {
  let names: Map<string, string> | undefined;
  const namesById = () => {
    if (!names) {
      const loaded = cards();
      if (loaded) names = new Map(loaded.map((e) => [e.id, e.name]));
    }
    return names;
  };
  return {
    matcher: loadMatcher(matcher),
    typeOf,
    nameOf: (id) => namesById()?.get(id),
  };
}

/** An `AnnotatorPack` over a whole compiled pack (the tests). */
export function annotatorPackOf(pack: Pick<CompiledPack, 'matcher' | 'entities'>): AnnotatorPack {
  const typeById = new Map(pack.entities.map((e) => [e.id, e.type]));
  return annotatorPackFrom(pack.matcher, (id) => typeById.get(id), () => pack.entities);
}

export interface PageAnnotatorOptions {
  /** What to read: usually `document.body`. */
  root: () => Node | null;
  /** Backstory's own UI host, never read and whose changes never trigger a re-scan. */
  ownHost: () => Element | null;
  context: MatchContext;
  /**
   * Called after each scan completes with how many distinct entities are painted, e.g. for the
   * badge. A count, not `found()`: names come from the cards, which the page need not fetch.
   */
  onPainted?: (entityCount: number) => void;
  /** Called around each slice of main-thread work, for performance marks. */
  onSlice?: (start: number, end: number) => void;
  /**
   * Called when a pass has painted: the text in view (`viewport`), the whole
   * page (`full`) or the blocks that changed (`rescan`).
   */
  onPass?: (kind: PassKind) => void;
  /**
   * The first block of prose in view, read before the rest of the page; null
   * to read in document order. Defaults to hit-testing the viewport
   * (`viewport.ts`); tests without layout pass their own.
   */
  firstBlockInView?: (root: Node, ownHost: Element | null) => Element | null;
}

export class PageAnnotator {
  private readonly matcher: Matcher;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Entities mentioned in full anywhere on the page, so later short names link. */
  private seen = new Set<string>();
  /** Blocks changed since the last pass. */
  private dirty = new Set<Node>();
  /** Whether nodes left the page since the last pass (their mentions must go). */
  private removals = false;
  /** Bumped to abandon a pass in flight (stop, or a full re-read). */
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  /** When the oldest change not yet read again happened (performance.now()), if any. */
  private pendingSince: number | undefined;
  private capReached = false;

  constructor(
    private readonly pack: AnnotatorPack,
    /** The highlight layer, or a filter in front of it (`extension/highlight/mention-selection.ts`). */
    private readonly layer: Pick<HighlightLayer, 'add' | 'removeWhere' | 'clear' | 'size' | 'painted'>,
    private readonly options: PageAnnotatorOptions,
  ) {
    this.matcher = pack.matcher;
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
      if (root) {
        this.observer.observe(root, {
          childList: true,
          subtree: true,
          characterData: true,
          attributeFilter: WATCHED_ATTRIBUTES,
        });
      }
    }
    return this.rescanAll();
  }

  /** Stops following the page and removes every highlight. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.pendingSince = undefined;
    this.generation += 1;
    this.dirty.clear();
    this.removals = false;
    this.layer.clear();
    this.options.onPainted?.(0);
  }

  /** Resolves once no pass is in flight. */
  idle(): Promise<void> {
    return this.running;
  }

  /** How many distinct entities are painted. */
  entityCount(): number {
    return new Set(this.layer.painted.map((m) => m.entity)).size;
  }

  /** The entities currently painted, in order of first appearance. */
  found(): FoundEntity[] {
    const byId = new Map<string, FoundEntity>();
    for (const m of this.layer.painted) {
      const entry = byId.get(m.entity);
      if (entry) entry.mentions += 1;
      else byId.set(m.entity, { id: m.entity, name: this.pack.nameOf(m.entity) ?? m.entity, type: m.type, mentions: 1 });
    }
    return [...byId.values()];
  }

  /** Clears and reads the whole page again. */
  private rescanAll(): Promise<void> {
    const generation = ++this.generation;
    this.dirty.clear();
    this.removals = false;
    this.seen = new Set();
    this.capReached = false;
    this.layer.clear();
    return this.enqueue(() => this.fullPass(generation));
  }

  private onMutations(records: MutationRecord[]): void {
    const host = this.options.ownHost();
    const root = this.options.root();
    for (const record of records) {
      if (host?.contains(record.target)) continue;
      if (record.removedNodes.length > 0) this.removals = true;
      if (record.type === 'childList' && blocksOnly(record)) {
        // Whole blocks added or removed (a feed loading posts, a paragraph
        // swapped): only the added blocks are new text; their neighbours
        // read the same as before. Reading the parent instead would read the
        // whole article again for every post an endless feed appends.
        for (const added of record.addedNodes) if (added.nodeType === ELEMENT_NODE) this.dirty.add(added);
        continue;
      }
      const block = enclosingBlock(record.target, root);
      if (block) this.dirty.add(block);
    }
    if (this.dirty.size === 0 && !this.removals) return;
    const now = performance.now();
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, this.pendingSince + RESCAN_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Reads again the blocks that changed, after dropping their old mentions and those whose text left the page. */
  private flush(): void {
    this.pendingSince = undefined;
    const generation = this.generation;
    const dirty = [...this.dirty];
    this.dirty.clear();
    this.removals = false;
    void this.enqueue(() => this.rescanPass(generation, dirty));
  }

  /**
   * Runs `pass` after any pass in flight, so passes never interleave. A pass
   * that fails rejects its own promise (so the failure is seen) without
   * blocking the passes after it.
   */
  private enqueue(pass: () => Promise<void>): Promise<void> {
    const run = this.running.then(pass);
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the whole page: first the text in view (so what the reader sees
   * lights up in the first slice), then the page in document order, reading
   * the text in view a second time only when what comes before it could
   * change its mentions.
   *
   * Why that keeps short names sound: a short name links only after the
   * entity's full name earlier on the page. The text in view is read ahead
   * of order with an empty memory of names, so it links short names only
   * after full names inside the view, which do come earlier on the page. The
   * text before the view may add full names that would link more (or link a
   * shared surname differently), so when it names anyone in full, the view
   * is read again with the page's memory and its highlights are reconciled:
   * kept where they agree, added or removed where not. Never painted twice.
   */
  private async fullPass(generation: number): Promise<void> {
    // The setup that precedes the first pass (pack, matcher) is a task of its
    // own; reading starts in the next one.
    await yieldToMain();
    const clock = new SliceClock(this.options.onSlice);
    const root = this.options.root();
    const ownHost = this.options.ownHost();
    if (root) {
      const inView = this.readInViewFirst(root, ownHost);
      const view = inView && (await this.readAhead(generation, clock, root, ownHost, inView));
      if (generation !== this.generation) return clock.end();
      if (!view) {
        await this.read(generation, clock, new TextWalker(root, { ownHost }), this.seen);
      } else {
        this.options.onPass?.('viewport');
        await this.readAroundView(generation, clock, root, ownHost, view);
      }
    }
    if (generation === this.generation) {
      this.options.onPass?.('full');
      this.options.onPainted?.(this.entityCount());
    }
    clock.end();
  }

  /** The first block in view, when there is one worth reading ahead of the page. */
  private readInViewFirst(root: Node, ownHost: Element | null): Element | null {
    const find = this.options.firstBlockInView ?? firstBlockInView;
    return find(root, ownHost);
  }

  /**
   * Reads and paints about a screenful from `start` with an empty memory of
   * names. Returns what was read, or null (nothing painted) when the piece is
   * too long to be worth reading out of order.
   */
  private async readAhead(
    generation: number,
    clock: SliceClock,
    root: Node,
    ownHost: Element | null,
    start: Element,
  ): Promise<ViewRead | null> {
    const walker = new TextWalker(root, { ownHost, from: start });
    const piece = walker.next(VIEWPORT_MIN_CHARS);
    if (!piece || piece.text.length > VIEWPORT_MAX_CHARS) return null;
    const view: ViewRead = { start, resume: walker.position, seen: new Set(), painted: new Map() };
    await this.readPiece(generation, clock, piece, view.seen, (found) => {
      for (const m of found) {
        const list = view.painted.get(m.range.startContainer);
        if (list) list.push(m);
        else view.painted.set(m.range.startContainer, [m]);
      }
      this.layer.add(found);
    });
    return view;
  }

  /** Reads the page before the view, settles the view's highlights, then reads the page after it. */
  private async readAroundView(
    generation: number,
    clock: SliceClock,
    root: Node,
    ownHost: Element | null,
    view: ViewRead,
  ): Promise<void> {
    const before = new TextWalker(root, { ownHost, until: view.start });
    await this.read(generation, clock, before, this.seen);
    // At the cap nothing more is painted; the view's highlights stay as they are.
    if (generation !== this.generation || this.capReached) return;
    if (!before.reachedUntil) {
      // The view's first block left the page while the page was read, so the
      // walk went on to the end and read the view's text again: the early
      // highlights are duplicates (or stale) and go.
      this.removeMentions(allOf(view.painted));
      return;
    }
    if (this.seen.size === 0) {
      // Nobody is named before the view: read in order, it would link exactly the same.
      for (const id of view.seen) this.seen.add(id);
    } else {
      const again = new TextWalker(root, { ownHost, from: view.start, until: view.resume });
      await this.read(generation, clock, again, this.seen, (found) => {
        const fresh = found.filter((m) => !takeSame(view.painted, m));
        this.layer.add(fresh);
      });
      if (generation !== this.generation) return;
      this.removeMentions(allOf(view.painted));
    }
    const resume = view.resume;
    if (resume && root.contains(resume)) {
      await this.read(generation, clock, new TextWalker(root, { ownHost, from: resume }), this.seen);
    } else if (resume) {
      // Where the view's read ended left the page meanwhile: the place to go
      // on from is lost, so read the page again (a rare race with the page).
      void this.rescanAll();
    }
  }

  /**
   * Reads again the blocks that changed. Runs after any pass in flight, so
   * the old mentions it drops (those in the changed blocks, and those whose
   * text left the page) include any that pass painted meanwhile.
   */
  private async rescanPass(generation: number, dirty: Node[]): Promise<void> {
    if (generation !== this.generation) return;
    const clock = new SliceClock(this.options.onSlice);
    const ownHost = this.options.ownHost();
    const changed = outermost(dirty).filter((b) => b.isConnected);
    // Old mentions go from every changed block, including one that has just
    // become a region Backstory never reads (an editor); only the others are read again.
    const inChanged = textNodesOf(changed);
    this.layer.removeWhere((m) => m.nodes.some((n) => !n.isConnected || inChanged.has(n)));
    if (this.layer.size < MAX_PAINTED_MENTIONS) this.capReached = false;
    for (const block of changed) {
      if (insideSkipped(block, ownHost)) continue;
      await this.read(generation, clock, new TextWalker(block, { ownHost }), this.seen);
      if (generation !== this.generation) return clock.end();
    }
    this.options.onPass?.('rescan');
    this.options.onPainted?.(this.entityCount());
    clock.end();
  }

  /**
   * Reads what `walker` hands out, matching with `seen` and painting (or
   * passing to `paint`), a slice at a time. Stops early once the cap is
   * reached: nothing more would be painted.
   */
  private async read(
    generation: number,
    clock: SliceClock,
    walker: TextWalker,
    seen: Set<string>,
    paint: (found: PaintedMention[]) => void = (found) => this.layer.add(found),
  ): Promise<void> {
    for (let piece = walker.next(PIECE_MIN_CHARS); piece; piece = walker.next(PIECE_MIN_CHARS)) {
      await this.readPiece(generation, clock, piece, seen, paint);
      if (generation !== this.generation || this.capReached) return;
    }
  }

  /** Matches and paints one piece, a window at a time, yielding when the slice is used up. */
  private async readPiece(
    generation: number,
    clock: SliceClock,
    piece: ExtractedText,
    seen: Set<string>,
    paint: (found: PaintedMention[]) => void,
  ): Promise<void> {
    for (const window of matchWindows(piece.text)) {
      if (generation !== this.generation || this.capReached) return;
      paint(this.mentionsIn(piece, window.start, window.end, window.ownEnd, seen));
      if (clock.due()) await clock.yield();
    }
  }

  /** Matches `piece.text[start, end)` and maps the mentions starting before `ownEnd` to Ranges, within the cap. */
  private mentionsIn(piece: ExtractedText, start: number, end: number, ownEnd: number, seen: Set<string>): PaintedMention[] {
    const text = start === 0 && end === piece.text.length ? piece.text : piece.text.slice(start, end);
    const mentions = findMentions(text, this.matcher, { ...this.options.context, seen });
    const painted: PaintedMention[] = [];
    if (mentions.length === 0) return painted;
    const doc = piece.segments[0]?.node.ownerDocument ?? document;
    for (const m of mentions) {
      if (start + m.start >= ownEnd) break;
      if (this.layer.size + painted.length >= MAX_PAINTED_MENTIONS) {
        this.capReached = true;
        break;
      }
      const type = this.pack.typeOf(m.entity);
      const placed = type && mentionRange(piece, start + m.start, start + m.end, doc);
      if (type && placed) painted.push({ range: placed.range, entity: m.entity, type, nodes: placed.nodes });
    }
    return painted;
  }

  /** Unpaints `mentions`. */
  private removeMentions(mentions: readonly PaintedMention[]): void {
    if (mentions.length === 0) return;
    const drop = new Set(mentions);
    this.layer.removeWhere((m) => drop.has(m));
  }
}

/** The text in view as read ahead of the page, and what it painted. */
interface ViewRead {
  /** The first block in view, where the read began. */
  start: Element;
  /** Where the read ended: the next node in document order, or null at the end of the page. */
  resume: Node | null;
  /** Full names met in the view. */
  seen: Set<string>;
  /** What was painted, by the node each range starts in; entries are taken as a second read confirms them. */
  painted: Map<Node, PaintedMention[]>;
}

/**
 * Tracks one slice of main-thread work: whether its budget is used up, and
 * yielding to the page between slices, each slice reported to `onSlice`.
 */
class SliceClock {
  private start = performance.now();

  constructor(private readonly onSlice?: (start: number, end: number) => void) {}

  /** Whether this slice has used its budget. */
  due(): boolean {
    return performance.now() - this.start >= SLICE_BUDGET_MS;
  }

  /** Ends the slice, gives the main thread back to the page, and starts the next slice. */
  async yield(): Promise<void> {
    this.end();
    await yieldToMain();
    this.start = performance.now();
  }

  /** Reports the slice so far (at the end of a pass). */
  end(): void {
    this.onSlice?.(this.start, performance.now());
  }
}

/** Takes out of `painted` a mention with the same range and entity as `m`; whether there was one. */
function takeSame(painted: Map<Node, PaintedMention[]>, m: PaintedMention): boolean {
  const list = painted.get(m.range.startContainer);
  const i = list?.findIndex(
    (p) =>
      p.entity === m.entity &&
      p.range.startOffset === m.range.startOffset &&
      p.range.endContainer === m.range.endContainer &&
      p.range.endOffset === m.range.endOffset,
  );
  if (!list || i === undefined || i < 0) return false;
  list.splice(i, 1);
  return true;
}

function allOf(painted: Map<Node, PaintedMention[]>): PaintedMention[] {
  return [...painted.values()].flat();
}

/** The nearest block element around a changed node (names never cross blocks), or the root. */
function enclosingBlock(node: Node, root: Node | null): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n === root) return root;
    if (n.nodeType === 1 && isBlock(n as Element)) return n;
  }
  return null;
}

/**
 * Drops nodes that sit inside another node of the list. Climbs from each
 * node rather than comparing every pair, so a feed that appends a thousand
 * posts at once costs a thousand short climbs.
 */
function outermost(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return [...set].filter((n) => {
    for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
    return true;
  });
}

/** DOM node types, as numbers so this module runs on any DOM implementation without its globals. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

/**
 * Whether a child-list change only added or removed whole blocks between
 * blocks: every node added or removed is a block (or blank text, or a
 * comment), and so are its neighbours. Then no text run was joined or cut
 * and the neighbours' mentions stand. (A block put between two runs of
 * inline text cuts the run: that change reads the parent block again.)
 */
function blocksOnly(record: MutationRecord): boolean {
  const betweenBlocks = (n: Node | null): boolean =>
    n === null ||
    n.nodeType === COMMENT_NODE ||
    (n.nodeType === ELEMENT_NODE && isBlock(n as Element)) ||
    (n.nodeType === TEXT_NODE && (n as Text).data.trim() === '');
  for (const n of record.addedNodes) if (!betweenBlocks(n)) return false;
  for (const n of record.removedNodes) if (!betweenBlocks(n)) return false;
  return betweenBlocks(record.previousSibling) && betweenBlocks(record.nextSibling);
}

/** Every text node inside `roots` (or being one of them), for dropping the mentions they hold. */
function textNodesOf(roots: readonly Node[]): Set<Node> {
  const out = new Set<Node>();
  for (const root of roots) {
    if (root.nodeType === TEXT_NODE) {
      out.add(root);
      continue;
    }
    const doc = root.ownerDocument;
    if (!doc) continue;
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.add(n);
  }
  return out;
}

/** Whether a node sits inside a region Backstory never reads (an editor, a hidden panel, its own UI). */
function insideSkipped(node: Node, ownHost: Element | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isSkippedElement(n as Element, ownHost)) return true;
  }
  return false;
}
