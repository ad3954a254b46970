/**
 * The options page: which types to highlight, how highlights look, every
 * mention or the first only, the hover delay, the sites where Backstory is
 * off, and a way back to the defaults. Every control writes its storage item
 * at once; open tabs watch those items and follow without a reload, and a
 * polite status line says so.
 */
import { useState } from 'preact/hooks';
import { TypeIcon } from '../card/TypeIcon';
import { ENTITY_TYPES } from '../dataset/pack';
import { HIGHLIGHT_STYLES, HIGHLIGHT_STYLE_LABELS } from '../highlight/highlight-styles';
import { HOVER_DELAY_CHOICES } from '../hover/intent';
import { TYPE_PLURALS } from '../popup/type-plurals';
import {
  disabledSites,
  firstMentionOnly,
  highlightStyle,
  highlightTypes,
  hoverDelayMs,
  readReadingPrefs,
  resetReadingPrefs,
  setSiteEnabled,
  watchReadingPrefs,
} from '../settings/items';
import { DEFAULT_READING_PREFS, type ReadingPrefs } from '../settings/reading-prefs';
import { useSetting } from '../settings/use-setting';
import { HighlightPreview } from './HighlightPreview';
import { parseSiteInput } from './site-input';

/** A keyboard command as `commands.getAll()` reports it. */
export interface Shortcut {
  name?: string;
  description?: string;
  shortcut?: string;
}

export interface OptionsProps {
  shortcuts: readonly Shortcut[];
  /** Where this browser lets a reader change shortcuts, in words. */
  shortcutsHelp: string;
}

/** Browsers report the popup's shortcut without the manifest's description. */
const OPEN_POPUP = 'Open Backstory: the switches, the names on this page, search';

/** How each hover delay is named; the numbers are in `HOVER_DELAY_CHOICES` with their reasons. */
const DELAY_LABELS: Readonly<Record<number, string>> = {
  200: 'Quick',
  350: 'Standard',
  600: 'Relaxed',
  1000: 'Slow',
};

/** The four reading prefs as one setting. */
const READING_PREFS = { getValue: readReadingPrefs, watch: watchReadingPrefs };

export function Options({ shortcuts, shortcutsHelp }: OptionsProps) {
  const [prefs, showPrefs] = useSetting(READING_PREFS, DEFAULT_READING_PREFS);
  const [sites] = useSetting(disabledSites, []);
  const [saved, setSaved] = useState('');
  const [siteText, setSiteText] = useState('');
  const [siteError, setSiteError] = useState('');

  const save = (what: string, write: Promise<void>) =>
    void write.then(() => setSaved(`Saved: ${what}. Open tabs follow at once.`));
  /** A reading pref chosen: shown at once, then written. */
  const choose = (choice: Partial<ReadingPrefs>, what: string, write: () => Promise<void>) => {
    showPrefs((shown) => ({ ...shown, ...choice }));
    save(what, write());
  };

  const toggleType = (type: (typeof ENTITY_TYPES)[number], on: boolean) => {
    const next = ENTITY_TYPES.filter((t) => (t === type ? on : prefs.types.includes(t)));
    const what = `${TYPE_PLURALS[type]} ${on ? 'highlighted' : 'not highlighted'}`;
    choose({ types: next }, what, () => highlightTypes.setValue(next));
  };

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = parseSiteInput(siteText);
    if (!host) {
      setSiteError('Type a site’s address, such as www.example.com.');
      return;
    }
    setSiteError('');
    setSiteText('');
    save(`Backstory is off on ${host}`, setSiteEnabled(host, false));
  };

  return (
    <main class="options">
      <h1>Backstory options</h1>
      <p class="lede">Every change applies at once to the tabs you have open.</p>

      <fieldset>
        <legend>What to highlight</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class={`choice choice--${type}`}>
            <input
              type="checkbox"
              name="types"
              value={type}
              checked={prefs.types.includes(type)}
              onChange={(e) => toggleType(type, e.currentTarget.checked)}
            />
            <TypeIcon type={type} />
            {TYPE_PLURALS[type]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>How highlights look</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style} class="choice">
            <input
              type="radio"
              name="style"
              value={style}
              checked={prefs.style === style}
              onChange={() =>
                choose({ style }, `highlights: ${HIGHLIGHT_STYLE_LABELS[style].toLowerCase()}`, () =>
                  highlightStyle.setValue(style),
                )
              }
            />
            {HIGHLIGHT_STYLE_LABELS[style]}
          </label>
        ))}
        <HighlightPreview style={prefs.style} types={prefs.types} />
      </fieldset>

      <fieldset>
        <legend>Which mentions</legend>
        <label class="choice">
          <input
            type="radio"
            name="mentions"
            value="every"
            checked={!prefs.firstOnly}
            onChange={() =>
              choose({ firstOnly: false }, 'every mention highlighted', () => firstMentionOnly.setValue(false))
            }
          />
          Every mention
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mentions"
            value="first"
            checked={prefs.firstOnly}
            onChange={() =>
              choose({ firstOnly: true }, 'only the first mention of each highlighted', () =>
                firstMentionOnly.setValue(true),
              )
            }
          />
          Only the first mention of each name on a page
        </label>
      </fieldset>

      <fieldset>
        <legend>Hover delay</legend>
        <p class="hint" id="delay-hint">
          How long the pointer rests on a name before its card opens.
        </p>
        {HOVER_DELAY_CHOICES.map((ms) => (
          <label key={ms} class="choice">
            <input
              type="radio"
              name="delay"
              value={ms}
              aria-describedby="delay-hint"
              checked={prefs.hoverDelayMs === ms}
              onChange={() => choose({ hoverDelayMs: ms }, `hover delay ${ms} ms`, () => hoverDelayMs.setValue(ms))}
            />
            {DELAY_LABELS[ms] ?? `${ms} ms`} <span class="hint">({ms} ms)</span>
          </label>
        ))}
      </fieldset>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Backstory is off</h2>
        {sites.length === 0 ? (
          <p class="hint" id="sites-empty">
            None: Backstory is on for every site.
          </p>
        ) : (
          <ul id="sites" class="sites">
            {sites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  aria-label={`Turn Backstory back on for ${site}`}
                  onClick={() => save(`Backstory is on again for ${site}`, setSiteEnabled(site, true))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-site" onSubmit={addSite}>
          <label for="site-input">Turn Backstory off on a site</label>
          <div class="add-site__row">
            <input
              id="site-input"
              type="text"
              inputMode="url"
              autocomplete="off"
              spellcheck={false}
              placeholder="www.example.com"
              aria-invalid={siteError ? 'true' : undefined}
              aria-describedby={siteError ? 'site-error' : undefined}
              value={siteText}
              onInput={(e) => setSiteText(e.currentTarget.value)}
            />
            <button type="submit">Add</button>
          </div>
          {siteError && (
            <p id="site-error" class="error">
              {siteError}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard</h2>
        <ul class="keys">
          {shortcuts.map((s) => (
            <li key={s.name}>
              <kbd>{s.shortcut || 'not set'}</kbd> {s.name === '_execute_action' ? OPEN_POPUP : s.description}
            </li>
          ))}
        </ul>
        <p class="hint">
          In a card, <kbd>Tab</kbd> moves between its links and buttons and <kbd>Esc</kbd> closes it and returns you to
          where you were. {shortcutsHelp}
        </p>
      </section>

      <section aria-labelledby="reset-heading">
        <h2 id="reset-heading">Defaults</h2>
        <button
          type="button"
          id="reset"
          onClick={() =>
            choose(DEFAULT_READING_PREFS, 'options back to their defaults (your list of sites is kept)', resetReadingPrefs)
          }
        >
          Reset to defaults
        </button>
      </section>

      <p id="saved" class="saved" role="status">
        {saved}
      </p>
    </main>
  );
}
