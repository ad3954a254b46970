/**
 * The messages Backstory's parts exchange, typed in one place. Only counts,
 * entity ids and the pack's own cards travel, and only inside the browser:
 * page text never leaves the content script.
 */
import type { FoundEntity } from '../annotate/page-annotator';

/** Popup → content script: what did you find on this page? */
export interface StatusRequest {
  type: 'backstory:status';
}

/** Content script → popup. */
export interface StatusResponse {
  hostname: string;
  active: boolean;
  found: FoundEntity[];
  /** True when the page had more mentions than Backstory paints (MAX_PAINTED_MENTIONS). */
  capped: boolean;
}

/** Content script → background: the number of entities now highlighted, for the toolbar badge. */
export interface FoundCountMessage {
  type: 'backstory:found-count';
  count: number;
}

/** Background → content script: a keyboard command asked to step to the next or previous mention. */
export interface StepRequest {
  type: 'backstory:step';
  direction: 1 | -1;
}

/**
 * Popup or background → content script: show an entity's card, with focus in
 * it. `first-mention`: at its first painted mention, scrolled into view (the
 * popup's list); `selection`: beside the reader's selection (the context menu).
 */
export interface RevealRequest {
  type: 'backstory:reveal';
  entity: string;
  at: 'first-mention' | 'selection';
}

/** Background → content script: nothing in the pack matches the selected text; say so beside it. */
export interface NoMatchRequest {
  type: 'backstory:no-match';
  query: string;
}

/** Content script → background: the pack's cards (answered with its `entities`), asked once per page. */
export interface CardsRequest {
  type: 'backstory:cards';
}

export type BackstoryMessage = StatusRequest | FoundCountMessage | StepRequest | RevealRequest | NoMatchRequest | CardsRequest;

/** Narrows an unknown runtime message to one of Backstory's, by its `type`. */
export function isMessage<T extends BackstoryMessage['type']>(
  message: unknown,
  type: T,
): message is Extract<BackstoryMessage, { type: T }> {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
