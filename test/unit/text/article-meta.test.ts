// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { articleDate, articleLang } from '../../../extension/text/article-meta';

function doc(head: string, body = '', lang?: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.head.innerHTML = head;
  d.body.innerHTML = body;
  if (lang) d.documentElement.setAttribute('lang', lang);
  return d;
}

describe('articleDate', () => {
  it.each([
    ['Open Graph article time', doc('<meta property="article:published_time" content="2021-12-30T10:00:00Z">'), '2021-12-30'],
    ['JSON-LD object', doc('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-01-10T08:00:00+03:00"}</script>'), '2022-01-10'],
    ['JSON-LD @graph', doc('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"datePublished":"2022-02-24"}]}</script>'), '2022-02-24'],
    ['JSON-LD array', doc('<script type="application/ld+json">[{"x":1},{"datePublished":"2021-12-07"}]</script>'), '2021-12-07'],
    ['a <time> element', doc('', '<p>Published <time datetime="2021-12-29">Dec 29</time></p>'), '2021-12-29'],
    ['metadata wins over <time>', doc('<meta property="article:published_time" content="2021-12-30">', '<time datetime="2020-01-01">x</time>'), '2021-12-30'],
    ['broken JSON-LD is ignored', doc('<script type="application/ld+json">{oops</script>', '<time datetime="2021-12-29">x</time>'), '2021-12-29'],
    ['a time without a date', doc('', '<time datetime="20:30">evening</time>'), undefined],
    ['no metadata at all', doc('', '<p>text</p>'), undefined],
  ])('%s', (_name, d, expected) => {
    expect(articleDate(d)).toBe(expected);
  });
});

describe('articleLang', () => {
  it('reads <html lang>', () => expect(articleLang(doc('', '', 'ru'))).toBe('ru'));
  it('is undefined when the page declares none', () => expect(articleLang(doc(''))).toBeUndefined());
});
