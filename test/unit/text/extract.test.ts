// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, TextWalker, extractText } from '../../../extension/text/extract';
import { mentionRange, rangeForOffsets, segmentAt } from '../../../extension/text/ranges';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** The extracted text with block separators shown as `|`, for readable tables. */
function read(html: string): string {
  return extractText(page(html)).text.split(BLOCK_SEPARATOR).join('|');
}

describe('extractText', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    ['inline elements join into one run', '<p>Dmitry <b>Pes</b><i>kov</i> said</p>', 'Dmitry Peskov said'],
    ['blocks are separated', '<h2>Conversational mood</h2><p>His spokesman</p>', 'Conversational mood|His spokesman'],
    ['leaving a block separates what follows', '<div><p>Putin</p>Biden</div>', 'Putin|Biden'],
    ['a line break separates', 'Joe<br>Biden', 'Joe|Biden'],
    ['whitespace is kept as written', '<p>Sergei\n   Lavrov</p>', 'Sergei\n   Lavrov'],
    ['scripts are skipped', '<p>NATO</p><script>var NATO = 1</script><p>OSCE</p>', 'NATO|OSCE'],
    ['styles, noscript and templates are skipped', '<style>p{}</style><noscript>x</noscript><template>Putin</template><p>a</p>', 'a'],
    ['form fields are skipped', '<p>a</p><textarea>Putin</textarea><select><option>Kyiv</option></select><input value="x"><p>b</p>', 'a|b'],
    ['contenteditable regions are skipped', '<p>a</p><div contenteditable="true">Putin</div><p>b</p>', 'a|b'],
    ['hidden elements are skipped', '<p>a</p><div hidden>Putin</div><p aria-hidden="true">Lavrov</p><p>b</p>', 'a|b'],
    ['svg text is skipped', '<p>a</p><svg><text>Putin</text></svg><p>b</p>', 'a|b'],
    ['navigation is skipped', '<nav><a>Russia</a></nav><p>a</p><div role="navigation">NATO</div><ul role="menu"><li>Kyiv</li></ul>', 'a'],
    ['the site masthead and footer are skipped', '<header>The Moscow Times</header><main><p>a</p></main><footer>AFP</footer><div role="contentinfo">x</div>', 'a'],
    ['an article’s own header and footer are prose', '<article><header><h1>Biden</h1></header><p>a</p><footer>By AFP</footer></article>', 'Biden|a|By AFP'],
    ['a header inside a section is prose', '<section><header>Putin</header></section>', 'Putin'],
    ['nothing before the first text adds a separator', '<div><div><p>first</p></div></div>', 'first'],
  ])('%s', (_name, html, expected) => {
    expect(read(html)).toBe(expected);
  });

  it('skips Backstory’s own card host', () => {
    const root = page('<p>NATO</p><backstory-card>Dmitry Peskov</backstory-card>');
    const host = root.querySelector('backstory-card');
    expect(extractText(root, { ownHost: host }).text).toBe('NATO');
  });

  it('maps every segment back to its node at the right offset', () => {
    const root = page('<p>U.S. President <a href="#">Joe Biden</a></p><p>and Vladimir Putin</p>');
    const { text, segments } = extractText(root);
    for (const s of segments) expect(text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
    expect(segments.map((s) => s.node.data)).toEqual(['U.S. President ', 'Joe Biden', 'and Vladimir Putin']);
  });

  it('reads a single text node given as the root', () => {
    const node = document.createTextNode('Moscow');
    expect(extractText(node).text).toBe('Moscow');
  });
});

describe('TextWalker', () => {
  const html = '<h2>Conversational mood</h2><p>His spokesman <b>Dmitry</b> Peskov</p><ul><li>NATO</li><li>OSCE</li></ul><p>Geneva talks</p>';

  it.each([1, 5, 20, 40, 1000])('hands out pieces of at least %i characters that rejoin into the whole text', (minChars) => {
    const root = page(html);
    const walker = new TextWalker(root);
    const pieces: string[] = [];
    for (let piece = walker.next(minChars); piece; piece = walker.next(minChars)) pieces.push(piece.text);
    expect(walker.done).toBe(true);
    expect(pieces.join(BLOCK_SEPARATOR)).toBe(extractText(root).text);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(minChars);
  });

  it('never cuts a block: a name split across inline elements stays in one piece', () => {
    const walker = new TextWalker(page(html));
    const pieces: string[] = [];
    for (let piece = walker.next(1); piece; piece = walker.next(1)) pieces.push(piece.text);
    expect(pieces).toEqual(['Conversational mood', 'His spokesman Dmitry Peskov', 'NATO', 'OSCE', 'Geneva talks']);
  });

  it('gives each piece its own offsets, mapping to its nodes', () => {
    const walker = new TextWalker(page(html));
    walker.next(1);
    const piece = walker.next(1)!;
    for (const s of piece.segments) expect(piece.text.slice(s.start, s.start + s.node.data.length)).toBe(s.node.data);
    expect(piece.segments[0]!.start).toBe(0);
  });
});

describe('rangeForOffsets', () => {
  it.each([
    ['inside one node', '<p>said Dmitry Peskov today</p>', 'Dmitry Peskov'],
    ['across inline elements', '<p>said <b>Dmitry</b> <i>Pes</i>kov today</p>', 'Dmitry Peskov'],
    ['at the very start', '<p>NATO said</p>', 'NATO'],
    ['at the very end', '<p>said the OSCE</p>', 'OSCE'],
    ['in the second block', '<h2>mood</h2><p>Moscow is</p>', 'Moscow'],
  ])('covers exactly the words %s', (_name, html, words) => {
    const extracted = extractText(page(html));
    const start = extracted.text.indexOf(words);
    const range = rangeForOffsets(extracted, start, start + words.length, document);
    expect(range?.toString()).toBe(words);
  });

  it('gives no range for offsets in a block separator or past the end', () => {
    const extracted = extractText(page('<p>Kyiv</p><p>Lviv</p>'));
    const sep = extracted.text.indexOf(BLOCK_SEPARATOR);
    expect(segmentAt(extracted.segments, sep)).toBe(-1);
    expect(rangeForOffsets(extracted, sep, sep + 1, document)).toBeNull();
    expect(rangeForOffsets(extracted, 0, extracted.text.length + 5, document)).toBeNull();
    expect(rangeForOffsets(extracted, 3, 3, document)).toBeNull();
  });

  it('lists the text nodes a mention spans, in order, with its range', () => {
    const extracted = extractText(page('<p>said <b>Dmitry</b> <i>Pes</i>kov today</p>'));
    const start = extracted.text.indexOf('Dmitry');
    const placed = mentionRange(extracted, start, start + 'Dmitry Peskov'.length, document);
    expect(placed?.range.toString()).toBe('Dmitry Peskov');
    expect(placed?.nodes.map((n) => n.data)).toEqual(['Dmitry', ' ', 'Pes', 'kov today']);
  });

  it('gives no range once the node has left the page', () => {
    const root = page('<p>Kremlin</p>');
    const extracted = extractText(root);
    root.innerHTML = '<p>other</p>';
    expect(rangeForOffsets(extracted, 0, 7, document)).toBeNull();
  });
});
