/**
 * The plain-text article format of `test/fixtures/articles/`: line 1 the title, line 2 a
 * `source:` line saying where and when it was published, the body from line 3 on.
 */

/** Body of an article file: everything after the second `\n` (RULES.md §1). */
export function articleBody(file: string): { header: string[]; body: string } {
  const first = file.indexOf('\n');
  const second = file.indexOf('\n', first + 1);
  if (first < 0 || second < 0) throw new Error('article file has no two-line header');
  return { header: [file.slice(0, first), file.slice(first + 1, second)], body: file.slice(second + 1) };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const pad = (n: string) => n.padStart(2, '0');
const month = (name: string) => pad(String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1));

/**
 * How `source:` lines write dates: ISO or a URL path (`2021-12-30`, `2021/12/29`), day first
 * (`30 Dec 2021`), month first (`January 10, 2022`). Each reads its match as `YYYY-MM-DD`.
 */
const DATE_FORMS: { re: RegExp; read: (m: RegExpExecArray) => string }[] = [
  { re: /(\d{4})[-/](\d{2})[-/](\d{2})/, read: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { re: new RegExp(`\\b(\\d{1,2}) ${MONTH} (\\d{4})\\b`), read: (m) => `${m[3]}-${month(m[2]!)}-${pad(m[1]!)}` },
  { re: new RegExp(`\\b${MONTH} (\\d{1,2}), (\\d{4})\\b`), read: (m) => `${m[3]}-${month(m[1]!)}-${pad(m[2]!)}` },
];

/** The first date written in an article's `source:` line, as `YYYY-MM-DD`. */
export function dateOfSourceLine(line: string): string | undefined {
  let first: { index: number; date: string } | undefined;
  for (const { re, read } of DATE_FORMS) {
    const m = re.exec(line);
    if (m && (!first || m.index < first.index)) first = { index: m.index, date: read(m) };
  }
  return first?.date;
}

/** The `source:` line of an article file, if the file has the fixtures' header. */
export function sourceLine(file: string): string | undefined {
  const second = file.split('\n', 2)[1];
  return second?.startsWith(SOURCE_PREFIX) ? second : undefined;
}

const SOURCE_PREFIX = 'source:';
