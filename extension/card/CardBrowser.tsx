/**
 * A card that can open other cards in place: a chip or a timeline line
 * replaces the card's content with that entity's, and "Back" returns, so a
 * reader explores the story without leaving the spot they were reading.
 * Used by the page's floating card and by the popup's search alike.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Card } from './Card';
import type { CardSource } from './card-source';
import { eventTimeline } from './timeline';

export interface CardBrowserProps {
  source: CardSource;
  /** The entity the card opens on. */
  entity: string;
  onClose?: () => void;
  floating?: boolean;
  /** Focuses the card as soon as it shows (opened from a list, where the list item goes away). */
  autoFocus?: boolean;
}

export function CardBrowser({ source, entity, onClose, floating, autoFocus }: CardBrowserProps) {
  const [trail, setTrail] = useState<string[]>([entity]);
  const cardRef = useRef<HTMLElement>(null);
  const moved = useRef(autoFocus ?? false);
  const id = trail[trail.length - 1] ?? entity;
  const previous = trail.length > 1 ? source.lookup(trail[trail.length - 2] ?? '') : undefined;

  // After moving in place, focus goes to the new card so a screen reader
  // announces it, and keyboard users are not left on a button that is gone.
  // A layout effect runs right after the DOM changes, before the browser
  // paints: focus never falls to the page's body in between.
  useLayoutEffect(() => {
    if (moved.current) cardRef.current?.focus({ preventScroll: true });
  }, [id]);

  const card = source.lookup(id);
  if (!card) return null;
  const timeline = eventTimeline(card, source.events);
  const onTimeline = new Set(timeline.map((e) => e.id));
  // Events already on the timeline are not repeated as chips.
  const related = card.related.flatMap((r) => source.lookup(r) ?? []).filter((r) => !onTimeline.has(r.id));
  const go = (next: string[]) => {
    moved.current = true;
    setTrail(next);
  };

  return (
    <Card
      card={card}
      related={related}
      timeline={timeline}
      packVersion={source.packVersion}
      articleDate={source.articleDate}
      onOpen={(next) => go([...trail, next])}
      onClose={onClose}
      back={previous && { name: previous.name, onBack: () => go(trail.slice(0, -1)) }}
      floating={floating}
      cardRef={cardRef}
    />
  );
}
