/**
 * The toolbar popup: the two switches (everywhere, this site), a search over
 * the whole pack with the card shown inline (first: the list below can be
 * long), what Backstory found on the tab grouped by type (each entity opens
 * its card on the page), the pack's
 * version and size, and the way to the options. Settings are read and written
 * through the shared storage items, so every open tab follows at once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { cardSource } from '../card/card-source';
import { ENTITY_TYPES, type CompiledPack } from '../dataset/pack';
import { MAX_PAINTED_MENTIONS } from '../annotate/page-annotator';
import type { StatusResponse } from '../messaging/protocol';
import { PackSearch } from '../search/pack-search';
import { disabledSites, enabledEverywhere, setSiteEnabled } from '../settings/items';
import { normaliseHost } from '../settings/stored-values';
import { sitesWith } from '../settings/switches';
import { useSetting } from '../settings/use-setting';
import { FoundList } from './FoundList';
import { SearchPanel } from './SearchPanel';
import { TYPE_PLURALS } from './type-plurals';

export interface PopupProps {
  pack: Pick<CompiledPack, 'version' | 'entities'>;
  /** Asks the tab's content script what it found; null where Backstory cannot run (browser pages, stores). */
  requestStatus: () => Promise<StatusResponse | null>;
  /** Calls back when the tab reports a repaint; returns the function that stops listening. */
  onTabRepainted: (callback: () => void) => () => void;
  /** Scrolls the tab to the entity's first mention and opens its card there. */
  reveal: (entity: string) => void;
  openOptions: () => void;
}

/** "106 entities: 29 people, 17 organisations, 41 places, 19 events". */
function packSize(pack: PopupProps['pack']): string {
  const parts = ENTITY_TYPES.map((t) => `${pack.entities.filter((e) => e.type === t).length} ${TYPE_PLURALS[t].toLowerCase()}`);
  return `${pack.entities.length} entities: ${parts.join(', ')}`;
}

export function Popup({ pack, requestStatus, onTabRepainted, reveal, openOptions }: PopupProps) {
  const [everywhere, showEverywhere] = useSetting(enabledEverywhere, true);
  const [sites, showSites] = useSetting(disabledSites, []);
  const [status, setStatus] = useState<StatusResponse | null | undefined>(undefined);
  const search = useMemo(() => new PackSearch(pack.entities), [pack]);
  const source = useMemo(() => cardSource(pack), [pack]);

  useEffect(() => {
    const refresh = () => void requestStatus().then(setStatus);
    refresh();
    return onTabRepainted(refresh);
  }, [requestStatus, onTabRepainted]);

  const hostname = status?.hostname;
  // Compared as the page compares it (`page-settings.ts`): `example.com.` is `example.com`.
  const siteOn = hostname ? !sites.includes(normaliseHost(hostname)) : false;
  const total = status?.found.length ?? 0;

  return (
    <main class="popup">
      <header class="popup__head">
        <h1 class="popup__title">Backstory</h1>
        <a
          class="popup__options"
          href="options.html"
          onClick={(e) => {
            e.preventDefault();
            openOptions();
          }}
        >
          Options
        </a>
      </header>
      <label class="switch">
        <input
          id="switch-everywhere"
          type="checkbox"
          role="switch"
          checked={everywhere}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            showEverywhere(on);
            void enabledEverywhere.setValue(on);
          }}
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
          onChange={(e) => {
            if (!hostname) return;
            const on = e.currentTarget.checked;
            showSites((shown) => sitesWith(shown, hostname, on));
            void setSiteEnabled(hostname, on);
          }}
        />
        <span>On for {hostname ?? 'this site'}</span>
      </label>
      <SearchPanel search={search} source={source} />
      <section class="found" aria-labelledby="found-heading">
        <h2 class="section-heading" id="found-heading">
          On this page
        </h2>
        {status === undefined && <p class="found__note">Looking…</p>}
        {status === null && <p class="found__note">Backstory can't read this page.</p>}
        {status && !status.active && <p class="found__note">Backstory is off here.</p>}
        {status && status.active && (
          <>
            <p class="found__note" id="found-total">
              {total === 0
                ? 'Nothing from the story on this page.'
                : `${total} ${total === 1 ? 'entity' : 'entities'} highlighted. Choose one to go to its first mention.`}
            </p>
            {status.capped && (
              <p class="found__note" id="found-capped">
                This page names them very often: only the first {MAX_PAINTED_MENTIONS.toLocaleString('en')} mentions are
                highlighted.
              </p>
            )}
            <FoundList found={status.found} reveal={reveal} />
          </>
        )}
      </section>
      <footer class="popup__foot">
        <span id="pack-info">
          Pack {pack.version} · {packSize(pack)}
        </span>
        <span>Nothing leaves your browser.</span>
      </footer>
    </main>
  );
}
