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
/** The normalised hyphen: every dash folds to it. */
export const HYPHEN_CODE = 0x2d;

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

/** Units below this are ASCII, classified by ranges (`classify`). */
const ASCII_END = 0x80;
/** From an ASCII capital to its lowercase letter. */
const ASCII_CASE_OFFSET = 0x20;

const RE_SPACE = /\s/;
const RE_MARK = /[\p{Mn}\p{Me}]/u;
const RE_WORD = /[\p{L}\p{N}\p{Mc}]/u;
const RE_COMBINING = /\p{Mn}/gu;

const NO_BREAK_SPACE = 0xa0;

/**
 * Latin-1 and General Punctuation units that are neither letters, digits nor marks. `classify`
 * asks after the apostrophes, dashes and invisibles have had their own lists, and next line
 * (a space only to Unicode) takes the Unicode path.
 */
function isPlainPunctuation(c: number): boolean {
  if (c >= 0x80 && c < 0xc0) return !LATIN1_WORD_UNITS.has(c) && c !== NEXT_LINE;
  if (c === 0xd7 || c === 0xf7) return true; // × ÷
  return c >= 0x2000 && c < 0x2070;
}

/** Word units of U+0080–U+00BF: `ª`, `µ`, `º` are letters, `²`, `³`, `¹`, `¼`, `½`, `¾` numbers. */
const LATIN1_WORD_UNITS = new Set([0xaa, 0xb5, 0xba, 0xb2, 0xb3, 0xb9, 0xbc, 0xbd, 0xbe]);

/** Whitespace of General Punctuation: the sized spaces, line and paragraph separators, narrow and math spaces. */
function isUnicodeSpace(c: number): boolean {
  return (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Fills the table entry of one code unit and returns it. */
function classify(c: number): number {
  let cls = KNOWN;
  let fold = c;
  if (c < ASCII_END) {
    // ASCII by ranges: the Unicode expressions and `normalize('NFD')` below cost about a
    // millisecond the first time a page uses them, and a page in English may need them for
    // nothing else. What they would answer for ASCII, a test pins.
    if (c >= 0x41 && c <= 0x5a) {
      cls |= WORD | UPPER;
      fold = c + ASCII_CASE_OFFSET;
    } else if (c >= 0x61 && c <= 0x7a) {
      cls |= WORD | LOWER;
    } else if (c >= 0x30 && c <= 0x39) {
      cls |= WORD;
    } else if (c === SPACE_CODE || (c >= 0x09 && c <= 0x0d)) {
      cls |= SPACE;
      fold = SPACE_CODE;
    }
  } else if (c >= 0xd800 && c <= 0xdfff) {
    // Surrogate halves (emoji, astral symbols) never join a word: a flag emoji glued to
    // `Ukraine` must not stop it matching. Astral letters are rare enough to accept this.
  } else if (INVISIBLES.has(c)) {
    cls |= INVISIBLE;
  } else if (APOSTROPHES.has(c)) {
    fold = APOSTROPHE_CODE;
  } else if (DASHES.has(c)) {
    fold = HYPHEN_CODE;
  } else if (isPlainPunctuation(c)) {
    // Like ASCII, by ranges: the punctuation, symbols and spaces of Latin-1 and General
    // Punctuation that nearly every real page has (`©`, `“`, `•`, `…`, no-break spaces): on 11 of the 13 fixture
    // pages one of them was what first sent the classifier down the Unicode path. A test pins
    // these against the expressions too.
    if (c === NO_BREAK_SPACE || isUnicodeSpace(c)) {
      cls |= SPACE;
      fold = SPACE_CODE;
    }
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

/** Where the run of word units of `buf` that ends at `end` begins (`end` itself when none does). */
export function wordUnitsFrom(buf: Uint16Array, end: number): number {
  let from = end;
  while (from > 0 && isWordUnit(buf[from - 1]!)) from--;
  return from;
}

/** Where the run of word units of `buf` that begins at `from` ends, at most at `length`. */
export function wordUnitsTo(buf: Uint16Array, from: number, length: number): number {
  let to = from;
  while (to < length && isWordUnit(buf[to]!)) to++;
  return to;
}

/**
 * A word's signature for a `WordFilter`: a hash of its first three folded units (0 past its
 * end), its last unit and its length, which `normalize` computes per word without reading the
 * whole word. Words that share all five share the signature: the filter then lets them
 * through, and the trie walk that follows tells them apart. The last unit matters in large
 * datasets, where many names share their first three letters and length with a common word
 * or another name (`Karkovsen`, `Karlotavo`): without it, a quarter more words walked the trie
 * at 100k aliases (38,500 against 30,900 in the bench's text), each walk a cache miss.
 */
export function wordSignature(u0: number, u1: number, u2: number, last: number, length: number): number {
  return Math.imul(u0 ^ (u1 << 16), SIGNATURE_MIX_A) ^ Math.imul(u2 ^ (last << 16), SIGNATURE_MIX_B) ^ Math.imul(Math.min(length, SIGNATURE_MAX_LENGTH), SIGNATURE_MIX_C);
}

/** Lengths from this one up share a signature: a key's first word is rarely that long. */
const SIGNATURE_MAX_LENGTH = 63;
const SIGNATURE_MIX_A = 0x9e3779b1 | 0;
const SIGNATURE_MIX_B = 0x85ebca77 | 0;
const SIGNATURE_MIX_C = 0x27d4eb2f | 0;
/** Multiplier that spreads a signature over the bits of a `WordFilter` (Fibonacci hashing). */
const WORD_FILTER_MIX = 0xc2b2ae3d | 0;

/**
 * A one-hash Bloom filter of word signatures (`wordSignature`), for `normalize` to pick out the
 * words that may start a key of the matcher: a word passes when bit `mix(signature) >>> shift`
 * of `bits` is set. False passes are possible, misses are not.
 */
export interface WordFilter {
  bits: Int32Array;
  shift: number;
}

/**
 * A `WordFilter` holding `signatures`, with about `bitsPerWord` bits per signature: a word not
 * in it passes with a chance of about 1 in that.
 */
export function buildWordFilter(signatures: readonly number[], bitsPerWord: number): WordFilter {
  let log2 = 10;
  while (1 << log2 < signatures.length * bitsPerWord) log2++;
  const bits = new Int32Array(1 << (log2 - 5));
  const shift = 32 - log2;
  for (const signature of signatures) {
    const bit = Math.imul(signature, WORD_FILTER_MIX) >>> shift;
    bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  return { bits, shift };
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
  /**
   * `classes[k]`: the class bits (`WORD`, `UPPER`, `LOWER`, `SPACE`) of the original character
   * behind normalised unit `k`, so that case rules read no original text.
   */
  classes: Uint8Array;
  /** Normalised positions where a word begins (a word unit after a non-word unit), ascending. */
  wordStarts: Int32Array;
  /** Indices of the words whose first original character is upper- or titlecase, ascending, `capitalisedCount` of them. */
  capitalisedWords: Int32Array;
  capitalisedCount: number;
  /** Indices of the words that pass the `WordFilter` given to `normalize`, ascending, `keyWordCount` of them. */
  keyWords: Int32Array;
  keyWordCount: number;
  length: number;
  wordCount: number;
}

let scratchBuf = new Uint16Array(4096);
let scratchOrig = new Int32Array(4096);
let scratchClasses = new Uint8Array(4096);
let scratchStarts = new Int32Array(4096);
let scratchCapitalised = new Int32Array(4096);
let scratchKeyWords = new Int32Array(4096);

function ensureCapacity(size: number): void {
  if (scratchBuf.length >= size) return;
  let cap = scratchBuf.length;
  while (cap < size) cap *= 2;
  scratchBuf = new Uint16Array(cap);
  scratchOrig = new Int32Array(cap);
  scratchClasses = new Uint8Array(cap);
  scratchStarts = new Int32Array(cap);
  scratchCapitalised = new Int32Array(cap);
  scratchKeyWords = new Int32Array(cap);
}

/**
 * Units folded at a time. The fold and the word finder work on these fixed chunk buffers and
 * the chunk is then copied into the growable scratch space: V8 (node 20) compiles loops over
 * typed arrays held in module constants to code about a third faster than over arrays it must
 * reload at every access (measured: 3.3 against 4.8 ms per 2 MB for the fold alone). 16K units
 * keep the chunk buffers small, in cache.
 */
const CHUNK_UNITS = 1 << 14;
/**
 * A chunk ends at the first unit that is not part of a word once it holds this many fewer than
 * `CHUNK_UNITS`, so that words do not straddle chunks; only a "word" longer than this is cut.
 */
const CHUNK_SLACK = 1 << 10;
const chunkBuf = new Uint16Array(CHUNK_UNITS + 2);
const chunkOrig = new Int32Array(CHUNK_UNITS);
const chunkClasses = new Uint8Array(CHUNK_UNITS);
/**
 * Per word of the chunk, its start (local, then in the text); a chunk holds at most one word per
 * two units, plus one. Beside it, the chunk's capitalised words and key words (see `NormalizedText`).
 */
const chunkWordStarts = new Int32Array(CHUNK_UNITS / 2 + 2);
const chunkCapitalised = new Int32Array(CHUNK_UNITS / 2 + 2);
const chunkKeyWords = new Int32Array(CHUNK_UNITS / 2 + 2);
/**
 * Bit of a `chunkWordEnds` index that units outside words set: they write to the upper half,
 * which nothing reads (`foldKnownUnits` stores without branching). A power of two above any word count.
 */
const OUTSIDE_WORD_SLOT = CHUNK_UNITS;
/** Per word of the chunk, its end (local), at index word + 1. */
const chunkWordEnds = new Int32Array(2 * OUTSIDE_WORD_SLOT);

/** The filter that passes no word: for callers that need no key words (the compiler). */
const NO_WORDS: WordFilter = { bits: new Int32Array(1), shift: 27 };

/**
 * Normalises `text` chunk by chunk: one pass over each chunk folds its code units and marks
 * where words start and end, then each word of the chunk is filed (its start, whether it is
 * capitalised, whether it passes `keyFilter`). The result's arrays are shared scratch space
 * (see `NormalizedText`), so callers copy what they keep.
 */
export function normalize(text: string, keyFilter: WordFilter = NO_WORDS): NormalizedText {
  ensureCapacity(text.length + 1);
  // "Space" before the start, so leading spaces collapse and a leading letter starts a word.
  const fold: FoldState = { i: 0, n: 0, prev: SPACE, words: 0 };
  const words: WordState = { count: 0, capitalised: 0, keys: 0 };
  let base = 0;
  while (fold.i < text.length) {
    // The fold stops after `FOLD_STEP` units, or at the first code unit the table does not
    // know yet: classify that one and go on.
    if (foldKnownUnits(text, fold) < text.length && !chunkFull(fold)) {
      const c = text.charCodeAt(fold.i);
      if (INFO[c] === 0) classify(c);
      continue;
    }
    base = flushChunk(fold, words, keyFilter, base);
  }
  base = flushChunk(fold, words, keyFilter, base);
  return {
    buf: scratchBuf,
    orig: scratchOrig,
    classes: scratchClasses,
    wordStarts: scratchStarts,
    capitalisedWords: scratchCapitalised,
    capitalisedCount: words.capitalised,
    keyWords: scratchKeyWords,
    keyWordCount: words.keys,
    length: base,
    wordCount: words.count,
  };
}

/** Where a fold stopped: next source index, units in the chunk, class bits of the last kept unit, words started in the chunk. */
interface FoldState {
  i: number;
  n: number;
  prev: number;
  words: number;
}

/** Whether the fold stopped because the chunk is full (see `CHUNK_SLACK`). */
function chunkFull(fold: FoldState): boolean {
  return fold.n === CHUNK_UNITS || (fold.n >= CHUNK_UNITS - CHUNK_SLACK && !(fold.prev & WORD));
}

/** Words, capitalised words and key words of the chunks filed so far. */
interface WordState {
  count: number;
  capitalised: number;
  keys: number;
}

/** Finds the words of the folded chunk, copies it to the scratch space at `base`, empties it; returns the new base. */
function flushChunk(fold: FoldState, words: WordState, keyFilter: WordFilter, base: number): number {
  const n = fold.n;
  if (n === 0) return base;
  fileWords(n, fold.words, base, words, keyFilter);
  scratchBuf.set(chunkBuf.subarray(0, n), base);
  scratchOrig.set(chunkOrig.subarray(0, n), base);
  scratchClasses.set(chunkClasses.subarray(0, n), base);
  fold.n = 0;
  fold.words = 0;
  return base + n;
}

/**
 * Most units one call of `foldKnownUnits` folds. Short calls keep V8 from compiling its loop
 * on the stack (OSR) while a long text is folded: node 20 then sometimes kept the on-stack
 * code only, which ran the fold at 13.2 instead of 7.5 ms per 2 MB, in about one process in
 * three (16 fresh processes each way; never with `--no-use-osr`). With calls of at most 2048
 * units the function is compiled whole, every time: 6.7 ms. 2048 units cost a call per 2 KB.
 */
const FOLD_STEP = 2048;

/**
 * Folds `text` from `fold.i` into the chunk until the text ends, the chunk is full (see
 * `chunkFull`), `FOLD_STEP` units are folded or a code unit is not yet in the table, and
 * returns the index it stopped at.
 * It also marks where the chunk's words start and end, with no branch: each kept unit writes
 * the slot of the next word's start (kept, by counting, only when a word starts there) and the
 * current word's end (written to an unread slot when the unit is not in a word); branches at
 * every word boundary were half the time. The loop makes no call: with the classifier's call
 * inside it (taken or not), V8 compiled it to code half as fast.
 */
function foldKnownUnits(text: string, fold: FoldState): number {
  const len = Math.min(text.length, fold.i + FOLD_STEP);
  const table = INFO;
  const soft = CHUNK_UNITS - CHUNK_SLACK;
  let { i, n, prev, words } = fold;
  for (; i < len; i++) {
    const info = table[text.charCodeAt(i)]!;
    // One test for the rare cases (not yet classified, dropped) keeps the common path short.
    if ((info & (KNOWN | MARK | INVISIBLE)) !== KNOWN) {
      if (info === 0) break;
      continue;
    }
    // A space after a space collapses into it.
    if (info & prev & SPACE) continue;
    // The chunk is full: at the first unit outside a word once past `soft`, at the latest at its size.
    if (n >= soft && (n === CHUNK_UNITS || !(prev & WORD))) break;
    const inWord = info & WORD;
    chunkWordStarts[words] = n;
    words += inWord & ~prev;
    chunkWordEnds[words | ((inWord - 1) & OUTSIDE_WORD_SLOT)] = n + 1;
    prev = info;
    chunkBuf[n] = info >>> FOLD_SHIFT;
    chunkClasses[n] = info;
    chunkOrig[n++] = i;
  }
  fold.i = i;
  fold.n = n;
  fold.prev = prev;
  fold.words = words;
  return i;
}

/**
 * Files the `local` words the fold marked in the chunk's `n` units, which sit at `base` in the
 * text: each one's start, and whether it is capitalised and passes the filter. A word that goes
 * on from the chunk before (only a "word" longer than `CHUNK_SLACK`) was filed there.
 */
function fileWords(n: number, local: number, base: number, state: WordState, keyFilter: WordFilter): void {
  const { bits, shift } = keyFilter;
  const { count } = state;
  let capitalised = 0;
  let keys = 0;
  for (let w = 0; w < local; w++) {
    const start = chunkWordStarts[w]!;
    const end = chunkWordEnds[w + 1]!;
    const length = end - start;
    // Units past the word's end read as 0 (`chunkBuf` has two spare units).
    const u1 = chunkBuf[start + 1]! & -(length > 1 ? 1 : 0);
    const u2 = chunkBuf[start + 2]! & -(length > 2 ? 1 : 0);
    const bit = Math.imul(wordSignature(chunkBuf[start]!, u1, u2, chunkBuf[end - 1]!, length), WORD_FILTER_MIX) >>> shift;
    // A word cut at the chunk's end may go on: its signature is unknown, so it passes.
    const passes = ((bits[bit >>> 5]! >>> (bit & 31)) & 1) | (end === n && n === CHUNK_UNITS ? 1 : 0);
    chunkKeyWords[keys] = count + w;
    keys += passes;
    chunkCapitalised[capitalised] = count + w;
    capitalised += (chunkClasses[start]! & UPPER) >>> 1;
    chunkWordStarts[w] = base + start;
  }
  // Into the scratch space in bulk: stores into those (growable) arrays one by one cost more.
  scratchStarts.set(chunkWordStarts.subarray(0, local), count);
  scratchKeyWords.set(chunkKeyWords.subarray(0, keys), state.keys);
  scratchCapitalised.set(chunkCapitalised.subarray(0, capitalised), state.capitalised);
  state.count = count + local;
  state.capitalised += capitalised;
  state.keys += keys;
}

/** Normalised end of word `word` of `nt` (just after its last unit). */
export function wordEnd(nt: NormalizedText, word: number): number {
  const { classes, length: n } = nt;
  let k = nt.wordStarts[word]! + 1;
  while (k < n && classes[k]! & WORD) k++;
  return k;
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
