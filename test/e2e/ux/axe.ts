/**
 * axe-core in the browser under test. Its source is sent as a string
 * expression: the drivers' evaluate runs it through the DevTools protocol or
 * WebDriver BiDi, outside the page's content security policy, so it loads in
 * extension pages too, where no script may be injected by a tag.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PageDriver, PageFunction } from '../harness/driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation axe reports, in brief. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Impacts the issue forbids: serious or critical. */
export const BLOCKING_IMPACTS = ['serious', 'critical'];

const RUN = async (include: string[][] | null): Promise<AxeFinding[]> => {
  type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
  const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Result[] }> } }).axe;
  const context = include ? { include } : document;
  const { violations } = await axe.run(context, { resultTypes: ['violations'] });
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
};

/**
 * Runs axe on the page, or on the parts named by `include` (each an array of
 * selectors, the later ones inside the shadow root of the earlier), and
 * returns the serious and critical violations.
 */
export async function blockingViolations(page: PageDriver, include: string[][] | null = null): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE as unknown as PageFunction<undefined, unknown>);
  const found = await page.evaluate(RUN, include);
  return found.filter((v) => v.impact !== null && BLOCKING_IMPACTS.includes(v.impact));
}
