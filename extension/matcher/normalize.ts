/**
 * Character normalisation shared by the compiler (aliases) and the scanner (page text).
 * Both sides go through `normalize`, so an alias and the text it should match are folded
 * by the very same code: case-folded, diacritics stripped, typographic apostrophes and
 * dashes mapped to ASCII, whitespace runs collapsed to one space, invisible characters
 * dropped. Every normalised unit remembers the UTF-16 index it came from, so matches
 * found in normalised space map back to exact offsets in the original string.
 *
 * Works on char codes with lazily filled lookup tables: no allocation per character,
 * which is what lets the scanner run at hundreds of MB/s.
 */

/** Class bit: letter, digit or spacing mark. Two adjacent word units belong to one word. */
export const WORD = 1;
/** Class bit: the original character is upper- or titlecase. */
export const UPPER = 2;
/** Class bit: the original character is lowercase. */
export const LOWER = 4;
/** Class bit: whitespace (any kind, including newlines and no-break spaces). */
export const SPACE = 8;
/** Class bit: combining diacritic; dropped, and belongs to the character before it. */
export const MARK = 16;
/** Class bit: invisible format character (soft hyphen, zero-width space/joiners, BOM); dropped. */
export const INVISIBLE = 32;
/** Class bit: the tables hold this code; 0 in the class table means "not computed yet". */
const KNOWN = 128;

/** The normalised space character. */
export const SPACE_CODE = 0x20;
const APOSTROPHE_CODE = 0x27;
const HYPHEN_CODE = 0x2d;

/**
 * Apostrophe look-alikes folded to `'`, so `Putin’s`, `Putinʼs` and `Putin´s` read as `Putin's`
 * and aliases such as `Donetsk People's Republic` match whichever the page typeset.
 * (’ right single quote, ‘ left single quote, ʼ modifier apostrophe, ´ acute accent, ′ prime, ＇ fullwidth.)
 */
const APOSTROPHES = new Set([0x2019, 0x2018, 0x02bc, 0x00b4, 0x2032, 0xff07]);

/**
 * Dash and hyphen look-alikes folded to `-`, so `NATO–Russia Council` (en dash, as Wikipedia
 * writes it) matches the alias `NATO-Russia Council`.
 * (‐ hyphen, ‑ non-breaking hyphen, ‒ figure dash, – en dash, — em dash, ― bar, − minus, small and fullwidth hyphen-minus.)
 */
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]);

/**
 * Dropped without a trace. Soft hyphens and zero-width characters sit inside words on real
 * pages (hyphenation hints, CMS artefacts) and must not split `Zelen\u00ADskiy` in two.
 * U+FEFF is listed here because JavaScript's `\s` would otherwise call it whitespace.
 */
const INVISIBLES = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** U+0085 NEXT LINE is whitespace in Unicode but not in JavaScript's `\s`. */
const NEXT_LINE = 0x85;

/**
 * One entry per code unit: `fold << 8 | class bits`, 0 while not yet computed. A single
 * table (rather than one for folds and one for classes) means one memory read per character.
 */
const INFO = new Int32Array(0x10000);
const CLASS_BITS = 0xff;
const FOLD_SHIFT = 8;

/**
 * The class table itself (`fold << 8 | class bits` per code unit), for hot loops that read the
 * classes of many units: one typed-array read instead of a `classOf` call each. Read-only. Only
 * the entries of units `normalize` has seen are filled: every unit of a text after `normalize(text)`,
 * and every normalised unit (their folds are classified too); use `classOf` for anything else.
 */
export const UNIT_INFO: Readonly<Int32Array> = INFO;

const RE_SPACE = /\s/;
const RE_MARK = /[\p{Mn}\p{Me}]/u;
const RE_WORD = /[\p{L}\p{N}\p{Mc}]/u;
const RE_COMBINING = /\p{Mn}/gu;

/** Fills the table entry of one code unit and returns it. */
function classify(c: number): number {
  let cls = KNOWN;
  let fold = c;
  if (c >= 0xd800 && c <= 0xdfff) {
    // Surrogate halves (emoji, astral symbols) never join a word: a flag emoji glued to
    // `Ukraine` must not stop it matching. Astral letters are rare enough to accept this.
  } else if (INVISIBLES.has(c)) {
    cls |= INVISIBLE;
  } else if (APOSTROPHES.has(c)) {
    fold = APOSTROPHE_CODE;
  } else if (DASHES.has(c)) {
    fold = HYPHEN_CODE;
  } else {
    const ch = String.fromCharCode(c);
    if (c === NEXT_LINE || RE_SPACE.test(ch)) {
      cls |= SPACE;
      fold = SPACE_CODE;
    } else if (RE_MARK.test(ch)) {
      cls |= MARK;
    } else {
      if (RE_WORD.test(ch)) cls |= WORD;
      const lower = ch.toLowerCase();
      if (lower !== ch) cls |= UPPER;
      if (ch.toUpperCase() !== ch) cls |= LOWER;
      // Strip diacritics: `Erdoğan` → `erdogan`, `İ` → `i`. Keep the lowercase form when the
      // decomposition is not a single unit (Hangul syllables, ligatures).
      const bare = lower.normalize('NFD').replace(RE_COMBINING, '');
      if (bare.length === 1) fold = bare.charCodeAt(0);
      else if (lower.length === 1) fold = lower.charCodeAt(0);
    }
  }
  INFO[c] = (fold << FOLD_SHIFT) | cls;
  // The scanner reads classes of folded units too; make sure they are known.
  if (fold !== c && INFO[fold] === 0) classify(fold);
  return INFO[c]!;
}

/** Class bits of one UTF-16 code unit (see `WORD`, `UPPER`, …). */
export function classOf(c: number): number {
  const info = INFO[c]!;
  return (info === 0 ? classify(c) : info) & CLASS_BITS;
}

/** Whether a normalised unit is part of a word (letters and digits block a match boundary). */
export function isWordUnit(c: number): boolean {
  return (classOf(c) & WORD) !== 0;
}

/**
 * A normalised view of a text. The arrays are views over shared scratch buffers: they stay
 * valid only until the next call to `normalize`.
 */
export interface NormalizedText {
  /** Folded code units, `length` of them. */
  buf: Uint16Array;
  /** `orig[k]` is the UTF-16 index in the source of normalised unit `k`. */
  orig: Int32Array;
  /** Normalised positions where a word begins (a word unit after a non-word unit), ascending. */
  wordStarts: Int32Array;
  /** For each word, 1 when its first original character is upper- or titlecase. */
  wordCapitalised: Uint8Array;
  length: number;
  wordCount: number;
}

let scratchBuf = new Uint16Array(4096);
let scratchOrig = new Int32Array(4096);
let scratchStarts = new Int32Array(4096);
let scratchCapitalised = new Uint8Array(4096);

function ensureCapacity(size: number): void {
  if (scratchBuf.length >= size) return;
  let cap = scratchBuf.length;
  while (cap < size) cap *= 2;
  scratchBuf = new Uint16Array(cap);
  scratchOrig = new Int32Array(cap);
  scratchStarts = new Int32Array(cap);
  scratchCapitalised = new Uint8Array(cap);
}

/**
 * Normalises `text` in one pass over its code units. The result's arrays are shared
 * scratch space (see `NormalizedText`), so callers copy what they keep.
 */
export function normalize(text: string): NormalizedText {
  const len = text.length;
  ensureCapacity(len + 1);
  const buf = scratchBuf;
  const orig = scratchOrig;
  const starts = scratchStarts;
  const capitalised = scratchCapitalised;
  let n = 0;
  let words = 0;
  // Class bits of the previous kept unit; "space" at the start so leading spaces collapse
  // and a leading letter starts a word.
  let prev = SPACE;
  const table = INFO;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let info = table[c]!;
    // One test for the rare cases (not yet classified, dropped) keeps the common path short.
    if ((info & (KNOWN | MARK | INVISIBLE)) !== KNOWN) {
      if (info === 0) info = classify(c);
      if (info & (MARK | INVISIBLE)) continue;
    }
    if (info & SPACE) {
      if (prev & SPACE) continue;
    } else if (info & WORD & ~prev) {
      capitalised[words] = (info & UPPER) >>> 1;
      starts[words++] = n;
    }
    prev = info;
    buf[n] = info >>> FOLD_SHIFT;
    orig[n++] = i;
  }
  return { buf, orig, wordStarts: starts, wordCapitalised: capitalised, length: n, wordCount: words };
}

/**
 * The UTF-16 index just after the original character behind the normalised unit at
 * `origIndex`, extended over combining marks that belong to it (`José` typed as `Jose` + U+0301).
 */
export function originalEnd(text: string, origIndex: number): number {
  let end = origIndex + 1;
  while (end < text.length && classOf(text.charCodeAt(end)) & MARK) end++;
  return end;
}

/** The folded string of `buf[from, to)`; for short spans only (neighbour words, alias keys). */
export function unitsToString(buf: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(buf[k]!);
  return s;
}
