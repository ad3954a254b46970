/**
 * The keyboard commands Backstory declares in the manifest (`commands`, see
 * wxt.config.ts). Browsers let readers rebind them (chrome://extensions/shortcuts,
 * Firefox's "Manage Extension Shortcuts"), so the keys live there and only
 * the names are known here.
 */

/** A step through the page's mentions: forwards or backwards in document order. */
export type Direction = 1 | -1;

/** Command names, as in the manifest, and the direction each steps. */
export const STEP_COMMANDS: Readonly<Record<string, Direction>> = {
  'next-mention': 1,
  'previous-mention': -1,
};

/**
 * Default keys. Alt+Shift with "." and "," (read as > and <, "forward" and
 * "back") is free in Chrome, Firefox and the common screen readers, and one
 * hand reaches it. `_execute_action` opens the popup, whose list reaches every
 * mention without a pointer.
 */
export const SUGGESTED_KEYS = {
  'next-mention': 'Alt+Shift+Period',
  'previous-mention': 'Alt+Shift+Comma',
  _execute_action: 'Alt+Shift+B',
} as const;

/** The direction of a step command, or undefined for any other command. */
export function directionOf(command: string): Direction | undefined {
  return Object.hasOwn(STEP_COMMANDS, command) ? STEP_COMMANDS[command] : undefined;
}
