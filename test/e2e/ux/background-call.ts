/**
 * Calls the background's own handlers, as its listeners would. A headless
 * browser shows no native context menu and delivers no global shortcut, so
 * the tests call the functions the `contextMenus.onClicked` and
 * `commands.onCommand` listeners call (the background puts them on its
 * global for this). Chromium: in the service worker; Firefox: in the
 * background page, reached from an extension page.
 */
import type { ExtensionBrowser } from '../harness/driver';

export type BackgroundHandler = 'onMenuClicked' | 'onCommand';

const CALL = async ({ name, args }: { name: string; args: unknown[] }) => {
  type Hooks = Record<string, (...a: unknown[]) => Promise<unknown>>;
  const g = globalThis as unknown as {
    backstoryBackground?: Hooks;
    browser?: { runtime: { getBackgroundPage?: () => Promise<{ backstoryBackground?: Hooks }> } };
  };
  const hooks = g.backstoryBackground ?? (await g.browser?.runtime.getBackgroundPage?.())?.backstoryBackground;
  if (!hooks) throw new Error('the background exposes no handlers here');
  const handler = hooks[name];
  if (!handler) throw new Error(`no background handler ${name}`);
  await handler(...args);
  return true;
};

/** Runs one of the background's handlers with `args`, in the extension's own context. */
export async function callBackground(browser: ExtensionBrowser, name: BackgroundHandler, ...args: unknown[]): Promise<void> {
  await browser.evaluateInExtension(CALL, { name, args });
}
