/**
 * What "Look up … in Backstory" shows when nothing in the pack matches the
 * selection: a short, closable note where the card would be, so the menu
 * never seems to do nothing.
 */
export interface NoMatchProps {
  query: string;
  packVersion: string;
  onClose: () => void;
}

export function NoMatch({ query, packVersion, onClose }: NoMatchProps) {
  return (
    <article
      class="card card--floating card--none"
      role="dialog"
      aria-labelledby="backstory-no-match-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <div class="card__bar">
        <h2 class="card__name" id="backstory-no-match-title">
          Not in Backstory
        </h2>
        <button type="button" class="card__close" onClick={onClose} aria-label="Close">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="card__summary">
        Nothing in Backstory's pack {packVersion} matches “{query}”. It knows the people, organisations, places and
        events of the Russia–Ukraine story.
      </p>
    </article>
  );
}
