/**
 * Shared plumbing of the `dataset:*` commands: where the pack lives, the exit codes,
 * argument errors, and atomic writes (temp file + rename, so a reader never sees half a file
 * and a failed run leaves the old one in place).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The pack's YAML sources. */
export const DEFAULT_DATASET_DIR = join(REPO_ROOT, 'assets/dataset');
export const DEFAULT_README = join(REPO_ROOT, 'README.md');

/** Exit codes of the dataset commands, documented in DATASET.md. */
export const EXIT = {
  ok: 0,
  /** The pack has problems (or the change asked for would give it some); nothing was written. */
  datasetProblems: 1,
  /** Bad command line or unreadable input file; nothing was read or written. */
  usage: 2,
} as const;

/** An error that ends a command with a message and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** Writes `content` to `path` through a temp file in the same folder and a rename. */
export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Runs a command's body: a `CliError` prints its message (and usage, for usage errors) on
 * stderr and exits with its code; anything else is a bug and exits 1 with the stack.
 */
export function runCli(usage: string, body: () => number | Promise<number>): void {
  Promise.resolve()
    .then(body)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.exitCode = report(usage, error);
      },
    );
}

/** Prints a failure and returns its exit code. */
function report(usage: string, error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    if (error.exitCode === EXIT.usage) process.stderr.write(`\n${usage}\n`);
    return error.exitCode;
  }
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  return EXIT.datasetProblems;
}
