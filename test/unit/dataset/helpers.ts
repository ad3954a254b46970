/**
 * Shared paths and builders for the dataset tests. Everything is read from the
 * repository (assets/dataset, test/fixtures), never from outside it.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import type { SourcedEntity } from '../../../extension/dataset/compile';
import { EntitySchema, type EntityInput } from '../../../extension/dataset/schema';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const DATASET_DIR = join(REPO_ROOT, 'assets/dataset');
export const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures');

/** The version every test pack uses, and a review date that is not after it. */
export const TEST_VERSION = '2026.11.28';
export const TEST_REVIEWED = '2026-11-28';

const tempDirs: string[] = [];

/** Writes `files` (name → content) into a fresh temporary folder and returns its real path. */
export function writeTempDataset(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'backstory-dataset-')));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Deletes every folder `writeTempDataset` made; call from `afterAll`. */
export function removeTempDatasets(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A minimal valid entity as source input, with `overrides` on top. */
export function entityInput(id: string, overrides: Partial<Record<string, unknown>> = {}): EntityInput {
  return {
    id,
    type: 'place',
    name: `Name of ${id}`,
    aliases: [`Name of ${id}`],
    description: 'A test entity',
    summary: 'A test entity. It exists for tests.',
    sources: ['https://en.wikipedia.org/wiki/Test'],
    reviewed: TEST_REVIEWED,
    ...overrides,
  } as EntityInput;
}

/** Validates inputs with the real schema and places them in a file, as `loadSources` would. */
export function sourced(inputs: readonly EntityInput[], file = 'test.yaml'): SourcedEntity[] {
  return inputs.map((input, index) => ({ entity: v.parse(EntitySchema, input), file, index }));
}
