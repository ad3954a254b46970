/**
 * Extreme pages, generated at test time into a scratch folder (megabyte pages
 * are never committed): one 5 MB text node, 100,000 tiny nodes, 5,000-deep
 * nesting, "Putin" 50,000 times, and text that is hard to cut (very long
 * words, right-to-left scripts, emoji, combining characters). Backstory must
 * finish, find exactly what is there, cap what it paints, and throw nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAINTED_MENTIONS } from '../../../extension/annotate/page-annotator';
import { readHighlights, waitForCard, cardState } from '../harness/page-fns';
import { BROWSERS, waitFor } from '../harness/suite';
import { nameCoverage, paintedPasses, staleHighlightRanges } from './page-probes';
import { scratchDir, settledHighlights, useRobustSuite } from './support';

const page = (title: string, body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

/** Filler prose without any name of the pack. */
const FILLER = 'the quiet river ran past old mills and green fields under a pale sky ';

/**
 * Where the 5 MB text node holds a name: spread out, and several around the
 * first window's end (64,000 characters), in the 512-character overlap where
 * one window hands over to the next.
 */
const BIG_NAME_AT = [
  0, 1_000, 63_470, 63_500, 63_600, 63_730, 63_760, 63_990, 64_030, 127_600, 500_000, 1_000_000, 2_048_000, 3_333_333, 4_999_000,
];
const BIG_TEXT_CHARS = 5 * 1024 * 1024;

/** One text node of 5 MB with "Vladimir Putin" inserted at each of BIG_NAME_AT (moved to the next word start). */
function bigTextPage(): string {
  let text = FILLER.repeat(Math.ceil(BIG_TEXT_CHARS / FILLER.length)).slice(0, BIG_TEXT_CHARS);
  for (const at of BIG_NAME_AT) {
    const start = at === 0 ? 0 : text.indexOf(' ', at) + 1;
    text = text.slice(0, start) + 'Vladimir Putin ' + text.slice(start);
  }
  return page('One 5 MB text node', `<p id="big">${text}</p>`);
}

/** 100,000 text nodes in spans, 100 per paragraph; every tenth paragraph has a name cut across three spans. */
const MANY_PARAGRAPHS = 1_000;
function manyNodesPage(): string {
  const parts: string[] = [];
  for (let p = 0; p < MANY_PARAGRAPHS; p++) {
    const spans: string[] = [];
    for (let i = 0; i < 100; i++) spans.push(`<span>w${i} </span>`);
    if (p % 10 === 0) spans.splice(50, 3, '<span>Vladi</span>', '<span>mir Pu</span>', '<span>tin </span>');
    parts.push(`<p>${spans.join('')}</p>`);
  }
  return page('100,000 tiny nodes', parts.join('\n'));
}

const DEPTH = 5_000;
/**
 * 5,000 nested elements, built by the page's own script (the HTML parser
 * stops nesting at a few hundred). Spans: Chromium itself crashes laying out
 * 1,000 nested divs, or divs and spans mixed, with or without Backstory.
 */
function deepPage(): string {
  return page(
    '5,000-deep nesting',
    `<div id="top"></div><script>
      let n = document.getElementById('top');
      for (let i = 0; i < ${DEPTH}; i++) { const d = document.createElement('span'); n.appendChild(d); n = d; }
      n.id = 'deepest';
      n.textContent = 'Dmitry Peskov met NATO in the deepest room.';
    </script>`,
  );
}

/** "Putin" 50,000 times, after one full name (short names link once the full name has been seen). */
const PUTIN_TIMES = 50_000;
function putinPage(): string {
  const paragraphs = [`<p>Vladimir Putin spoke.</p>`];
  for (let i = 0; i < PUTIN_TIMES / 100; i++) paragraphs.push(`<p>${'Putin said. '.repeat(100)}</p>`);
  return page('Putin 50,000 times', paragraphs.join('\n'));
}

/** Text that is hard to cut: a 200,000-letter word, right-to-left scripts, emoji, combining marks. */
function hardTextPage(): string {
  return page(
    'Hard text',
    `<p id="long">${'a'.repeat(200_000)}Putin and ${'b'.repeat(50_000)} Putinnnnn NATOization xPutin ${'c'.repeat(100_000)}</p>
     <p id="rtl" dir="rtl" lang="ar">قال المتحدث إن Vladimir Putin سيلتقي NATO في جنيف الأسبوع المقبل.</p>
     <p id="hebrew" dir="rtl" lang="he">דובר הקרמלין Dmitry Peskov אמר שהפגישה תתקיים.</p>
     <p id="emoji">🇷🇺Vladimir Putin👍🏽 met NATO👨‍👩‍👧 today, said Dmitry Peskov🙂.</p>
     <p id="combining">Vladimir Pu\u0301tin and N\u0327ATO and Dmitry Peskov\u0301 were named with combining marks.</p>
     <p id="soft">Vladi\u00ADmir Pu\u00ADtin and Dmi\u200Btry Pes\u200Dkov.</p>`,
  );
}

/**
 * Ranges whose ends cut a character in two: between the halves of a
 * surrogate pair, or between a letter and the combining marks on it.
 */
const brokenBoundaries = (): string[] => {
  const out: string[] = [];
  const cuts = (node: Node, offset: number) => {
    if (node.nodeType !== Node.TEXT_NODE) return false;
    const data = (node as Text).data;
    const before = data.charCodeAt(offset - 1);
    const at = data.charCodeAt(offset);
    const splitsPair = before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
    const beforeMark = offset < data.length && /\p{M}/u.test(data[offset]!);
    return splitsPair || (offset > 0 && beforeMark);
  };
  for (const type of ['person', 'organization', 'place', 'event']) {
    const h = CSS.highlights.get('backstory-' + type);
    if (!h) continue;
    for (const r of h) {
      if (cuts(r.startContainer, r.startOffset) || cuts(r.endContainer, r.endOffset)) {
        out.push(`${type} ${JSON.stringify((r.startContainer as Text).data.slice(r.startOffset, r.startOffset + 20))}`);
      }
    }
  }
  return out;
};

describe.each(BROWSERS)('extreme pages in %s', (name) => {
  const dir = scratchDir(`extremes-${name}`);
  beforeAll(() => {
    writeFileSync(join(dir, 'big-text.html'), bigTextPage());
    writeFileSync(join(dir, 'many-nodes.html'), manyNodesPage());
    writeFileSync(join(dir, 'deep.html'), deepPage());
    writeFileSync(join(dir, 'putin-50k.html'), putinPage());
    writeFileSync(join(dir, 'hard-text.html'), hardTextPage());
  });
  const s = useRobustSuite(name, { root: dir, strictPageErrors: true });

  /** Waits for Backstory's first full pass, then for its highlights to hold still. */
  async function painted(path: string, timeout = 60_000) {
    const p = await s.openPage(path);
    await waitFor(() => p.evaluate(paintedPasses), (n) => n >= 1, { timeout, interval: 100, what: `the first full pass on ${path}` });
    return { page: p, snap: await settledHighlights(p, { quietMs: 400, timeout }) };
  }

  it('one 5 MB text node: every name found, across the matcher\'s window edges', async () => {
    const { page: p, snap } = await painted('/big-text.html');
    expect(snap.ranges.filter((r) => r.text === 'Vladimir Putin')).toHaveLength(BIG_NAME_AT.length);
    const c = await p.evaluate(nameCoverage, { names: ['Vladimir Putin'] });
    expect(c).toMatchObject({ missing: [], extra: [] });
  }, 90_000);

  it('100,000 tiny nodes: names cut across three spans are found whole', async () => {
    const { page: p, snap } = await painted('/many-nodes.html');
    const count = await p.evaluate(() => document.body.getElementsByTagName('*').length);
    expect(count).toBeGreaterThanOrEqual(100_000);
    expect(snap.ranges.map((r) => r.text)).toEqual(Array(MANY_PARAGRAPHS / 10).fill('Vladimir Putin'));
  }, 90_000);

  it('5,000-deep nesting: lit if the browser shows it, followed when it changes, and its card opens', async () => {
    const { page: p, snap } = await painted('/deep.html');
    // Firefox stops building boxes some hundreds of levels down: text it does not show is not read.
    const shown = await p.evaluate(() => document.getElementById('deepest')!.getClientRects().length > 0);
    console.info(`[${name}] text ${DEPTH} levels down is ${shown ? 'shown' : 'not shown'} by the browser`);
    if (!shown) {
      expect(snap.ranges).toEqual([]);
      return;
    }
    expect(snap.ranges.map((r) => r.text).sort()).toEqual(['Dmitry Peskov', 'NATO']);
    await p.evaluate(() => {
      (document.getElementById('deepest')!.firstChild as Text).replaceData(0, 'Dmitry Peskov'.length, 'Sergei Lavrov');
    });
    await waitFor(
      () => p.evaluate(readHighlights),
      (h) => h.ranges.map((r) => r.text).sort().join() === 'NATO,Sergei Lavrov',
      { timeout: 5_000, what: 'highlights following the edit 5,000 levels down' },
    );
    expect(await p.evaluate(staleHighlightRanges)).toEqual([]);
    await p.bringToFront();
    const at = await p.evaluate(() => {
      const t = document.getElementById('deepest')!.firstChild as Text;
      const r = document.createRange();
      r.setStart(t, 0);
      r.setEnd(t, 'Sergei Lavrov'.length);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    await p.mouse.move(at.x, at.y);
    expect((await p.evaluate(waitForCard, { visible: true, timeout: 5_000 })).ok).toBe(true);
    expect((await p.evaluate(cardState)).text).toMatch(/Lavrov/);
  }, 90_000);

  it(`"Putin" ${PUTIN_TIMES.toLocaleString('en')} times: painting stops at MAX_PAINTED_MENTIONS and the popup says so`, async () => {
    const { page: p, snap } = await painted('/putin-50k.html');
    expect(snap.ranges.length).toBe(MAX_PAINTED_MENTIONS);
    const tabId = await s.browser.tabIdOf(p);
    const popup = await s.openExtensionPage(`popup.html?tab=${tabId}`);
    const note = await waitFor(
      () => popup.evaluate(() => document.getElementById('found-capped')?.textContent?.replace(/\s+/g, ' ').trim() ?? null),
      (t) => t !== null,
      { timeout: 5_000, what: 'the popup\'s note that the page was capped' },
    );
    expect(note).toContain(MAX_PAINTED_MENTIONS.toLocaleString('en'));
  }, 90_000);

  it('very long words, right-to-left text, emoji and combining marks: exact ranges, nothing cut in half', async () => {
    const { page: p } = await painted('/hard-text.html');
    // Nothing inside a 200,000-letter word, nor in Putinnnnn, NATOization, xPutin.
    expect((await p.evaluate(nameCoverage, { names: [], within: '#long' })).extra).toEqual([]);
    for (const within of ['#rtl', '#hebrew', '#emoji']) {
      const c = await p.evaluate(nameCoverage, { names: ['Vladimir Putin', 'NATO', 'Dmitry Peskov'], within });
      expect(c, `exactly the names in ${within}`).toMatchObject({ missing: [], extra: [] });
    }
    expect(await p.evaluate(brokenBoundaries), 'ranges that cut a character').toEqual([]);
    const lit = (await p.evaluate(readHighlights)).ranges.map((r) => r.text);
    console.info(`[${name}] lit on the hard-text page: ${JSON.stringify(lit)}`);
  }, 90_000);
});
