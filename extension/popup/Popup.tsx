/**
 * The toolbar popup: the two switches (everywhere, this site) and what
 * Backstory found on the tab, by type. Settings are read and written through
 * the shared storage items, so every open tab follows at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../dataset/pack';
import { MAX_PAINTED_MENTIONS } from '../annotate/page-annotator';
import type { StatusResponse } from '../messaging/protocol';
import { disabledSites, enabledEverywhere, setSiteEnabled } from '../settings/items';

/** Plural headings of the found list. */
export const TYPE_PLURALS: Readonly<Record<EntityType, string>> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
};

export interface PopupProps {
  packVersion: string;
  entityCount: number;
  /** Asks the tab's content script what it found; null where Backstory cannot run (browser pages, stores). */
  requestStatus: () => Promise<StatusResponse | null>;
  /** Calls back when the tab reports a repaint; returns the function that stops listening. */
  onTabRepainted: (callback: () => void) => () => void;
}

/** Follows a storage item's value, starting from its stored value. */
function useItem<T>(item: { getValue(): Promise<T>; watch(cb: (value: T) => void): () => void }, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

export function Popup({ packVersion, entityCount, requestStatus, onTabRepainted }: PopupProps) {
  const everywhere = useItem(enabledEverywhere, true);
  const sites = useItem(disabledSites, [] as string[]);
  const [status, setStatus] = useState<StatusResponse | null | undefined>(undefined);

  useEffect(() => {
    const refresh = () => void requestStatus().then(setStatus);
    refresh();
    return onTabRepainted(refresh);
  }, [requestStatus, onTabRepainted]);

  const hostname = status?.hostname;
  const siteOn = hostname ? !sites.includes(hostname) : false;
  const counts = ENTITY_TYPES.map((type) => ({
    type,
    count: status?.found.filter((f) => f.type === type).length ?? 0,
  }));
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  return (
    <main class="popup">
      <h1 class="popup__title">Backstory</h1>
      <label class="switch">
        <input
          id="switch-everywhere"
          type="checkbox"
          role="switch"
          checked={everywhere}
          onChange={(e) => void enabledEverywhere.setValue(e.currentTarget.checked)}
        />
        <span>On everywhere</span>
      </label>
      <label class="switch">
        <input
          id="switch-site"
          type="checkbox"
          role="switch"
          checked={siteOn}
          disabled={!hostname}
          onChange={(e) => hostname && void setSiteEnabled(hostname, e.currentTarget.checked)}
        />
        <span>On for {hostname ?? 'this site'}</span>
      </label>
      <section class="found" aria-labelledby="found-heading">
        <h2 id="found-heading">On this page</h2>
        {status === undefined && <p class="found__note">Looking…</p>}
        {status === null && <p class="found__note">Backstory can't read this page.</p>}
        {status && !status.active && <p class="found__note">Backstory is off here.</p>}
        {status && status.active && (
          <>
            <p class="found__note" id="found-total">
              {total === 0 ? 'Nothing from the story on this page.' : `${total} ${total === 1 ? 'entity' : 'entities'} highlighted`}
            </p>
            {status.capped && (
              <p class="found__note" id="found-capped">
                This page names them very often: only the first {MAX_PAINTED_MENTIONS.toLocaleString('en')} mentions are
                highlighted.
              </p>
            )}
            <ul id="found">
              {counts.map(({ type, count }) => (
                <li key={type} class={`found__type found__type--${type}`} data-type={type}>
                  <span>{TYPE_PLURALS[type]}</span> <span class="found__count">{count}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <footer class="popup__foot">
        Pack {packVersion} · {entityCount} entities · nothing leaves your browser
      </footer>
    </main>
  );
}
