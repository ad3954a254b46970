/**
 * The context card: who or what this is, what happened, when, and where to
 * read more. Every string comes from the bundled pack and is rendered as
 * text through Preact, never as HTML.
 */
import type { CardData } from '../dataset/pack';
import { TYPE_LABELS, eventDates, oneLine, wikipediaUrl } from './card-facts';

export interface CardProps {
  card: CardData;
  /** Names of the related entities, resolved from the pack. */
  related: Pick<CardData, 'id' | 'name' | 'type'>[];
  /** The pack's version, shown in the footer so a reader knows how fresh it is. */
  packVersion: string;
  /** The article's date (ISO), used to pick a person's role at that time. */
  articleDate?: string;
}

export function Card({ card, related, packVersion, articleDate }: CardProps) {
  const dates = eventDates(card);
  const titleId = `backstory-card-title-${card.id}`;
  return (
    <article class={`card card--${card.type}`} role="dialog" aria-labelledby={titleId}>
      <header class="card__head">
        <span class="card__type">{TYPE_LABELS[card.type]}</span>
        <h2 class="card__name" id={titleId}>
          {card.name}
        </h2>
        <p class="card__line">{oneLine(card, articleDate)}</p>
        {dates && <p class="card__dates">{dates}</p>}
      </header>
      <p class="card__summary">{card.summary}</p>
      {related.length > 0 && (
        <p class="card__related">
          <span class="card__label">Related: </span>
          {related.map((r, i) => (
            <span key={r.id}>
              {i > 0 && ', '}
              <span class={`card__chip card__chip--${r.type}`}>{r.name}</span>
            </span>
          ))}
        </p>
      )}
      <footer class="card__foot">
        {card.wikipedia && (
          <a class="card__more" href={wikipediaUrl(card.wikipedia)} target="_blank" rel="noopener noreferrer">
            Read more on Wikipedia
          </a>
        )}
        <span class="card__version">Backstory pack {packVersion}</span>
      </footer>
    </article>
  );
}
