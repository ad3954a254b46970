/**
 * What a page says about itself that helps the matcher: its publication date
 * (a person's role and an event's meaning depend on when the article was
 * written) and its language. Read from metadata only, never guessed from prose.
 */

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

/** The ISO date at the start of `value`, if it has one. */
function isoDate(value: string | null | undefined): string | undefined {
  return value?.trim().match(ISO_DATE)?.[1];
}

/** `datePublished` from JSON-LD blocks, which may hold one object, an array, or an `@graph`. */
function jsonLdDate(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A page's broken JSON-LD is its own business.
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        const date = typeof record.datePublished === 'string' ? isoDate(record.datePublished) : undefined;
        if (date) return date;
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return undefined;
}

/**
 * The article's publication date: `article:published_time`, then JSON-LD
 * `datePublished`, then the first `<time datetime>`; undefined when the page
 * gives none.
 */
export function articleDate(doc: Document): string | undefined {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]');
  return (
    isoDate(meta?.getAttribute('content')) ??
    jsonLdDate(doc) ??
    isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'))
  );
}

/** The page's declared language (`<html lang>`), if any. */
export function articleLang(doc: Document): string | undefined {
  return doc.documentElement.getAttribute('lang')?.trim() || undefined;
}
