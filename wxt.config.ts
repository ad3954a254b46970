import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { packPlugin } from './scripts/vite-pack-plugin';
import { SUGGESTED_KEYS } from './extension/keyboard/commands';

/**
 * One codebase, two builds: Chrome MV3 and Firefox MV3.
 * Firefox gets MV3 too (rather than WXT's MV2 default) so both browsers run the
 * same manifest shape and permission model; Firefox ESR 128+ grants MV3 host
 * permissions at install, which is all the content script needs.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // Lets parallel checkouts or jobs build without overwriting each other's output.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact(), packPlugin()],
    // Vite's modulepreload polyfill fetches chunks by URL; extension pages
    // load their chunks natively, and Backstory's code must never fetch.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    // The pack ships as its own content script, run before content.js
    // (extension/dataset/pack-global.ts says why).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.js = ['pack.js', ...(script.js ?? [])];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The backstory of the news while you read: names and events of the story highlighted, explained in hover cards from a bundled dataset. Nothing leaves your browser.',
    // storage: the two switches, the per-site list and the reading options live in storage.local.
    // contextMenus: the "Look up “…” in Backstory" item for selected text (README, Permissions).
    permissions: ['storage', 'contextMenus'],
    // Rebindable by the reader (chrome://extensions/shortcuts, Firefox's Manage Extension
    // Shortcuts); extension/keyboard/commands.ts says why these keys.
    commands: {
      'next-mention': {
        suggested_key: { default: SUGGESTED_KEYS['next-mention'] },
        description: 'Go to the next highlighted name and open its card',
      },
      'previous-mention': {
        suggested_key: { default: SUGGESTED_KEYS['previous-mention'] },
        description: 'Go to the previous highlighted name and open its card',
      },
      _execute_action: {
        suggested_key: { default: SUGGESTED_KEYS._execute_action },
        description: 'Open Backstory: switches, the names on this page, search',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // data_collection_permissions arrived in Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
