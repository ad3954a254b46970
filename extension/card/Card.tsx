/**
 * The context card: who or what this is (type, name, the one-line role in
 * bold), what happened (summary, and for events a small timeline), who else
 * is involved (chips that open their own card in place), where to read more,
 * and how fresh it is. Every string comes from the bundled pack and is
 * rendered as text through Preact, never as HTML.
 *
 * It is a non-modal dialog: named by its title, described by its one line,
 * focusable so keyboard stepping can move focus into it, closed by Escape or
 * its close button (WCAG 1.4.13 "dismissible").
 */
import type { Ref } from 'preact';
import type { CardData } from '../dataset/pack';
import { TYPE_LABELS, eventDates, formatDate, formatShortDate, oneLine, wikipediaUrl } from './card-facts';
import { timelineLabel } from './timeline';
import { TypeIcon } from './TypeIcon';

type EntityRef = Pick<CardData, 'id' | 'name' | 'type'>;

export interface CardProps {
  card: CardData;
  /** The related entities to show as chips, resolved from the pack. */
  related: EntityRef[];
  /** Events: the event among its neighbours, ordered by start (see `timeline.ts`); empty for none. */
  timeline?: readonly CardData[];
  /** The pack's version, shown in the footer so a reader knows how fresh it is. */
  packVersion: string;
  /** The article's date (ISO), used to pick a person's role at that time. */
  articleDate?: string;
  /** Opens another entity's card in place (chips, timeline); without it chips are plain text. */
  onOpen?: (id: string) => void;
  /** Closes the card; adds the close button and Escape. */
  onClose?: () => void;
  /** The card this one was opened from, to go back to. */
  back?: { name: string; onBack: () => void };
  /** Floats over a page (fixed, placed by the host) rather than sitting in a layout (popup). */
  floating?: boolean;
  cardRef?: Ref<HTMLElement>;
}

export function Card({ card, related, timeline = [], packVersion, articleDate, onOpen, onClose, back, floating, cardRef }: CardProps) {
  const dates = eventDates(card);
  const titleId = `backstory-card-title-${card.id}`;
  const lineId = `backstory-card-line-${card.id}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !onClose) return;
    // The page never sees this Escape: it was meant for the card, not for the page's own dialogs.
    e.stopPropagation();
    onClose();
  };
  return (
    <article
      ref={cardRef}
      class={`card card--${card.type}${floating ? ' card--floating' : ''}`}
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={lineId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="card__head">
        <div class="card__bar">
          {back ? (
            <button type="button" class="card__back" onClick={back.onBack} aria-label={`Back to ${back.name}`}>
              <span aria-hidden="true">←</span> {back.name}
            </button>
          ) : (
            <span class="card__type">
              <TypeIcon type={card.type} />
              {TYPE_LABELS[card.type]}
            </span>
          )}
          {onClose && (
            <button type="button" class="card__close" onClick={onClose} aria-label="Close card">
              <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
        {back && (
          <span class="card__type">
            <TypeIcon type={card.type} />
            {TYPE_LABELS[card.type]}
          </span>
        )}
        <h2 class="card__name" id={titleId}>
          {card.name}
        </h2>
        <p class="card__line" id={lineId}>
          {oneLine(card, articleDate)}
        </p>
        {dates && (
          <p class="card__dates">
            {dates}
            {card.place && ` · ${card.place}`}
          </p>
        )}
      </header>
      <p class="card__summary">{card.summary}</p>
      {timeline.length > 1 && (
        <section class="card__section" aria-labelledby={`${titleId}-timeline`}>
          <h3 class="card__label" id={`${titleId}-timeline`}>
            Timeline
          </h3>
          <ol class="card__timeline">
            {timeline.map((e) => (
              <li key={e.id} class={`card__moment${e.id === card.id ? ' card__moment--current' : ''}`} aria-current={e.id === card.id ? 'true' : undefined}>
                <span class="card__when">{e.start ? formatShortDate(e.start) : ''}</span>
                {e.id === card.id || !onOpen ? (
                  <span class="card__what">{timelineLabel(e.name)}</span>
                ) : (
                  <button type="button" class="card__what card__link-button" onClick={() => onOpen(e.id)}>
                    {timelineLabel(e.name)}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
      {related.length > 0 && (
        <section class="card__section card__related" aria-labelledby={`${titleId}-related`}>
          <h3 class="card__label" id={`${titleId}-related`}>
            Related
          </h3>
          <ul class="card__chips">
            {related.map((r) => (
              <li key={r.id}>
                {onOpen ? (
                  <button type="button" class={`card__chip card__chip--${r.type}`} onClick={() => onOpen(r.id)}>
                    <TypeIcon type={r.type} />
                    {r.name}
                  </button>
                ) : (
                  <span class={`card__chip card__chip--${r.type}`}>
                    <TypeIcon type={r.type} />
                    {r.name}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer class="card__foot">
        {card.wikipedia && (
          <a class="card__more" href={wikipediaUrl(card.wikipedia)} target="_blank" rel="noopener noreferrer">
            Read more on Wikipedia
          </a>
        )}
        <span class="card__version">
          Backstory pack {packVersion} · reviewed {formatDate(card.reviewed)}
        </span>
      </footer>
    </article>
  );
}
