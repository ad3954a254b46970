/**
 * Plain-text reporting for the browser benchmark: medians, number formats,
 * Markdown tables (readable in a terminal, pasteable into the README) and the
 * PASS/MISS lines of the targets.
 */

/** Median of the finite values, NaN when there is none. */
export function median(values: readonly (number | null | undefined)[]): number {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** Milliseconds with a precision that suits their size. */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** A ratio such as `1.7×`. */
export function times(x: number): string {
  return Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '–';
}

/** A count with thousands separators. */
export function count(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '–';
}

/** Kilobytes (10^3 bytes) with one decimal. */
export function kb(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1000).toFixed(1) : '–';
}

/** A Markdown table with padded columns; columns after the first are right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** One target of the issue and whether this run met it. */
export interface TargetResult {
  target: string;
  pass: boolean;
  detail: string;
}

export function targetLines(results: TargetResult[]): string {
  return results.map((r) => `${r.pass ? 'PASS' : 'MISS'}  ${r.target}: ${r.detail}`).join('\n');
}
