/**
 * Chromium's own page object behind the harness's driver, for what only the
 * screenshots need and the driver leaves out on purpose: the emulated colour
 * scheme, the viewport size and full-page captures.
 */
import type { Page } from 'playwright-core';
import type { PageDriver } from '../harness/driver';

export function chromiumPage(driver: PageDriver): Page {
  const page = (driver as unknown as { page?: Page }).page;
  if (!page || typeof page.emulateMedia !== 'function') throw new Error('not a Chromium page of the harness');
  return page;
}
