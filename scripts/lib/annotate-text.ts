/**
 * Node-only: runs the matcher over a text with the real knowledge pack and returns mentions
 * with what a reader of the tools' output needs (type, display name, Wikipedia title).
 * Shared by `npm run annotate`, `npm run eval` and the tests that use the real pack.
 */
import { join } from 'node:path';
import { buildPackFromDir } from '../../extension/dataset/build-pack';
import type { CardData, CompiledPack, EntityType } from '../../extension/dataset/pack';
import { findMentions, loadMatcher, type Matcher } from '../../extension/matcher';
import { REPO_ROOT } from './gold';

export const DATASET_DIR = join(REPO_ROOT, 'assets/dataset');

/** The pack and its matcher, loaded once. */
export interface LoadedPack {
  pack: CompiledPack;
  matcher: Matcher;
  cards: ReadonlyMap<string, CardData>;
}

/** Builds the pack from the YAML sources (as the extension build does) and loads its matcher. */
export function loadPack(dir = DATASET_DIR): LoadedPack {
  const pack = buildPackFromDir(dir);
  return { pack, matcher: loadMatcher(pack.matcher), cards: new Map(pack.entities.map((e) => [e.id, e])) };
}

/** One mention as the tools print it (the `--json` contract of `npm run annotate`). */
export interface AnnotatedMention {
  /** UTF-16 offsets into the annotated text. */
  start: number;
  end: number;
  text: string;
  entity: string;
  type: EntityType;
  name: string;
  /** English Wikipedia title with underscores, or null when the entity has none. */
  wikipedia: string | null;
  score: number;
}

/**
 * Links the mentions of `text`, dated `date` (`YYYY-MM-DD`) when known. `threshold` overrides
 * the matcher's `THRESHOLD`, for the threshold sweep of `npm run eval` only.
 */
export function annotateText(text: string, loaded: LoadedPack, date?: string, threshold?: number): AnnotatedMention[] {
  const context = { ...(date ? { date } : {}), ...(threshold === undefined ? {} : { threshold }), seen: new Set<string>() };
  return findMentions(text, loaded.matcher, context).map((m) => {
    const card = loaded.cards.get(m.entity);
    if (!card) throw new Error(`matcher returned ${m.entity}, which the pack has no card for`);
    return {
      start: m.start,
      end: m.end,
      text: text.slice(m.start, m.end),
      entity: m.entity,
      type: card.type,
      name: card.name,
      wikipedia: card.wikipedia ?? null,
      score: m.score,
    };
  });
}
