/**
 * Annotates one page: reads its text, links mentions with the matcher, maps
 * them to Ranges and paints them; follows the page as it changes. This is the
 * pipeline the content script runs; each step lives in its own module.
 */
import type { CardData, CompiledPack, EntityType } from '../dataset/pack';
import { findMentions, loadMatcher, type Matcher } from '../matcher';
import type { MatchContext } from '../matcher/types';
import { extractText, type ExtractedText } from '../text/extract';
import { rangeForOffsets, segmentAt } from '../text/ranges';
import type { HighlightLayer, PaintedMention } from '../highlight/highlight-layer';

/**
 * Quiet period after the page's last change before re-reading it: batches the
 * bursts of mutations a re-render or an infinite-scroll load makes, while
 * still annotating new text well within a quarter of a second.
 */
export const RESCAN_DEBOUNCE_MS = 100;

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
  /** Called after each paint, e.g. to update the badge. */
  onPainted?: (found: FoundEntity[]) => void;
}

export class PageAnnotator {
  private readonly matcher: Matcher;
  private readonly cards: Map<string, CardData>;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

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

  /** Annotates the page now and keeps following its changes until `stop()`. */
  start(): void {
    this.scan();
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      const host = this.options.ownHost();
      if (records.every((r) => host !== null && host.contains(r.target))) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.scan(), RESCAN_DEBOUNCE_MS);
    });
    const root = this.options.root();
    if (root) this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Stops following the page and removes every highlight. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
    this.layer.clear();
    this.options.onPainted?.([]);
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

  /** Reads the whole page, links its mentions and repaints. */
  scan(): void {
    const root = this.options.root();
    if (!root) return;
    const extracted = extractText(root, { ownHost: this.options.ownHost() });
    const mentions = findMentions(extracted.text, this.matcher, { ...this.options.context, seen: new Set() });
    const painted: PaintedMention[] = [];
    for (const m of mentions) {
      const card = this.cards.get(m.entity);
      const range = card && rangeForOffsets(extracted, m.start, m.end, root.ownerDocument ?? document);
      if (card && range) painted.push({ range, entity: m.entity, type: card.type, nodes: nodesBetween(extracted, m.start, m.end) });
    }
    this.layer.paint(painted);
    this.options.onPainted?.(this.found());
  }
}

/** The text nodes holding `[start, end)`, for hit-testing a mention by node. */
function nodesBetween(extracted: ExtractedText, start: number, end: number): Text[] {
  const first = segmentAt(extracted.segments, start);
  const last = segmentAt(extracted.segments, end - 1);
  return extracted.segments.slice(first, last + 1).map((s) => s.node);
}
