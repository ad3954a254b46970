/**
 * Search over the whole pack, typo-tolerant (fuse.js), with the chosen
 * entity's card shown right in the popup: a way to explore the story's
 * people and events without any page, hover or pointer.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { CardBrowser } from '../card/CardBrowser';
import type { CardSource } from '../card/card-source';
import { TypeIcon } from '../card/TypeIcon';
import type { PackSearch } from '../search/pack-search';

export interface SearchPanelProps {
  search: PackSearch;
  source: CardSource;
}

export function SearchPanel({ search, source }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(() => search.search(query), [search, query]);
  const status = query.trim().length < 2 ? '' : results.length === 0 ? 'No match' : `${results.length} ${results.length === 1 ? 'match' : 'matches'}`;

  const close = () => {
    setOpen(null);
    input.current?.focus();
  };

  return (
    <section class="search" aria-labelledby="search-label">
      <label class="section-heading" id="search-label" for="search">
        Search the story
      </label>
      <input
        ref={input}
        id="search"
        type="search"
        autocomplete="off"
        spellcheck={false}
        placeholder="A person, a place, an event…"
        aria-describedby="search-status"
        aria-controls={open ? undefined : 'search-results'}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(null);
        }}
        onKeyDown={(e) => {
          // Enter opens the best match: the quickest path from a typed name to its card.
          if (e.key === 'Enter' && results[0]) setOpen(results[0].id);
        }}
      />
      <p id="search-status" class="search__status" role="status">
        {status}
      </p>
      {open ? (
        <div class="search__card">
          <CardBrowser key={open} source={source} entity={open} onClose={close} autoFocus />
        </div>
      ) : (
        <ul id="search-results" class="search__results">
          {results.map((card) => (
            <li key={card.id}>
              <button type="button" class={`result result--${card.type}`} data-entity={card.id} onClick={() => setOpen(card.id)}>
                <TypeIcon type={card.type} />
                <span class="result__text">
                  <span class="result__name">{card.name}</span>
                  <span class="result__desc">{card.description}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
