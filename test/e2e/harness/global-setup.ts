/**
 * Runs once before the browser tests. It does not build: the README's test
 * command builds first. It only stops the run early, with what to do, when a
 * build or a browser is missing.
 */
import { assertBuilt } from './paths';

export default function setup(): void {
  assertBuilt();
}
