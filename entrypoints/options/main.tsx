import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type Shortcut } from '../../extension/options/Options';
import '../../assets/styles/card.css';
import '../../assets/styles/highlights.css';
import '../../assets/styles/options.css';

/** Where each browser lets a reader change an extension's shortcuts. */
const SHORTCUTS_HELP =
  import.meta.env.BROWSER === 'firefox'
    ? 'To change a shortcut, open about:addons, choose the gear menu and Manage Extension Shortcuts.'
    : 'To change a shortcut, open chrome://extensions/shortcuts.';

void browser.commands
  .getAll()
  .catch((): Shortcut[] => [])
  .then((shortcuts) =>
    render(<Options shortcuts={shortcuts} shortcutsHelp={SHORTCUTS_HELP} />, document.getElementById('app')!),
  );
