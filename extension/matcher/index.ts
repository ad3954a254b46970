/**
 * Backstory's matcher: finds the dataset's names and events in plain text. Pure TypeScript,
 * no DOM and no Node APIs, so the content script and the build tools share it.
 *
 * - `compileMatcher` runs at build time and returns plain, deterministic JSON.
 * - `loadMatcher` hydrates that JSON once when the content script starts.
 * - `findMentions` scans a text (a page, a chunk, an added paragraph) in one pass.
 */
export { compileMatcher } from './compile';
export { entityIds } from './entity-ids';
export { loadMatcher, type Matcher } from './load';
export { findMentions, type FindContext } from './find-mentions';
export { THRESHOLD } from './scoring';
export type {
  AliasCase,
  AliasMatch,
  AliasSpec,
  CompiledMatcher,
  EntitySpec,
  MatchContext,
  Mention,
} from './types';
