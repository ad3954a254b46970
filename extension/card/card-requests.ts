/**
 * The requests that open a card without a hover, as the content script
 * receives them: a keyboard step (background, from the manifest's commands),
 * a reveal (the popup's list, the context menu's lookup) and a lookup that
 * found nothing. Kept out of the entrypoint so it only wires.
 */
import type { PaintedMention } from '../highlight/highlight-layer';
import type { MentionStepper } from '../keyboard/mention-stepper';
import { isMessage } from '../messaging/protocol';
import type { CardHost } from './card-host';
import type { CardSource } from './card-source';

/** What a reveal answers: whether a card was shown. */
export interface RevealResponse {
  shown: boolean;
}

/** The parts of a running session (Backstory on for the site) that requests use. */
export interface SessionView {
  stepper: MentionStepper;
  /** The entity's first painted mention in document order, if it is painted. */
  firstMention(entity: string): PaintedMention | undefined;
}

export interface CardRequestDeps {
  host: CardHost;
  /** The pack's cards, fetched on first use (where Backstory is off too, since a lookup still works there); null without a pack. */
  source(): Promise<CardSource | null>;
  session(): SessionView | null;
}

/** The reader's selection as a Range to place a card beside, if there is one. */
export function selectionRange(doc: Document = document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return selection.getRangeAt(0).cloneRange();
}

/**
 * Carries out `message` if it is a card request; returns the response to
 * send back, or undefined when the message is for another listener.
 */
export function handleCardRequest(message: unknown, deps: CardRequestDeps): Promise<RevealResponse> | undefined {
  if (isMessage(message, 'backstory:step')) {
    const stepped = deps.session()?.stepper.step(message.direction) ?? null;
    return Promise.resolve({ shown: stepped !== null });
  }
  if (isMessage(message, 'backstory:reveal')) return reveal(message.entity, message.at, deps);
  if (isMessage(message, 'backstory:no-match')) return noMatch(message.query, deps);
  return undefined;
}

async function reveal(entity: string, at: 'first-mention' | 'selection', deps: CardRequestDeps): Promise<RevealResponse> {
  // The selection now: the cards may take a moment to arrive.
  const anchor = selectionRange();
  const source = await deps.source().catch(() => null);
  if (!source?.lookup(entity)) return { shown: false };
  const session = deps.session();
  const mention = at === 'first-mention' ? session?.firstMention(entity) : undefined;
  if (session && mention) {
    session.stepper.goTo(mention);
    return { shown: true };
  }
  // Not on the page (or Backstory is off here): beside the selection, else at the top of the viewport.
  await deps.host.showEntity(source, entity, anchor, { focus: true });
  return { shown: true };
}

async function noMatch(query: string, deps: CardRequestDeps): Promise<RevealResponse> {
  const anchor = selectionRange();
  const source = await deps.source().catch(() => null);
  if (!source) return { shown: false };
  await deps.host.showNoMatch(query, source.packVersion, anchor);
  return { shown: true };
}
