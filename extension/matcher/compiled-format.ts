/**
 * The inner layout of `CompiledMatcher`, shared by the compiler and the loader and by
 * nothing else. It is plain JSON, built for a fast `JSON.parse` and a cheap hydration:
 * the trie's nodes and the alias rows come as the matcher holds them, in base64.
 */
import type { CompiledMatcher } from './types';

/** Bump whenever the layout below changes; `loadMatcher` refuses other versions. */
export const FORMAT_VERSION = 12;

/** Alias flag: a `short` alias (surname, short form) that needs evidence. */
export const FLAG_SHORT = 1;
/** Alias flags, bits 1–2: case policy. */
export const CASE_MASK = 6;
export const CASE_PROPER = 0;
export const CASE_EXACT = 2;
export const CASE_ANY = 4;
/** Alias flag: the normalised alias has no space in it. */
export const FLAG_SINGLE_WORD = 8;
/** Alias flag: the alias has lowercase letters (so an all-caps rendering is not its own spelling). */
export const FLAG_HAS_LOWER = 16;
/** Alias flag: the dataset marked this surface as also a common word or part of other names. */
export const FLAG_AMBIGUOUS = 32;
/** Alias flag: the same normalised surface belongs to more than one entity. */
export const FLAG_SHARED = 64;
/** Alias flag: the dataset marked this surface as also an everyday word in lowercase (`Turkey`). */
export const FLAG_COMMON = 128;

/** One entity as the runtime needs it. Entities are sorted by id. */
export interface CompiledEntity {
  id: string;
  /** Trie nodes of the entity's context words (ascending); omitted when empty. */
  context?: number[];
  /** First day (`yyyymmdd`, see `dates.ts`) on which an article may name the event: `announced`, else `start`. */
  from?: number;
  /** Last day of the event (`yyyymmdd`; partial dates padded to their latest day). */
  to?: number;
  /** Events: trie nodes of the head nouns of their aliases (`talks`, `call`), for sentence patterns. */
  heads?: number[];
}

/** Format 12 of the compiled matcher (2 added event heads, 3 the first-word signatures, 4 their last unit, 5 capitals as strings, 6 days as numbers, 7 phrases that are not names, 8 the proper-name guard's words, 9 the other rules' words, 10 calendar context words, 11 the trie and 12 the alias rows as the matcher holds them). */
export interface CompiledLayout extends CompiledMatcher {
  formatVersion: typeof FORMAT_VERSION;
  /**
   * A trie over the normalised keys of aliases, context words, event heads and phrases that are
   * not names. Node 0 is the root; the children of a node are numbered together, consecutively
   * and sorted by char code, when the node is taken from a stack that starts with the root and
   * onto which each node's children are pushed last first. A chain of single children thus
   * gets consecutive numbers, so a walk down a long name reads neighbouring memory.
   */
  trie: {
    /**
     * The nodes exactly as the matcher holds them (`Matcher.nodes`: first child and terminal
     * bits, edge label and child count), as base64 of the little-endian 32-bit integers
     * (`base64.ts`), so that loading decodes them in one native call instead of replaying the
     * numbering node by node.
     */
    nodes: string;
  };
  /**
   * Alias rows, sorted by node so each node's aliases are consecutive, exactly as the matcher
   * holds them (`Matcher.rows`, closing row included, and `Matcher.capOffsets`), each as base64
   * of little-endian 32-bit integers like the trie's nodes.
   */
  aliases: {
    rows: string;
    capOffsets: string;
  };
  /** The context words that are days or months (`calendarWords` of `name-words.ts`), as trie nodes, ascending. */
  calendarNodes: number[];
  /**
   * The proper-name guard's words (`name-words.ts`), folded, sorted and joined by spaces: those
   * that may stand before a name and those that may stand after one without joining it.
   */
  nameWords: { before: string; after: string };
  /** The other rules' word lists (`rule-words.ts`), each folded, sorted and joined by spaces. */
  ruleWords: { verbMarkers: string; abbreviations: string; hypothetical: string; phraseOpeners: string };
  /**
   * The distinct `wordSignature`s of the first words of all keys (their units up to the first
   * that is not a word unit), ascending: the loader's first-word filter is built from them.
   */
  firstWords: number[];
  entities: CompiledEntity[];
}
