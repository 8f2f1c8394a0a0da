// Removes the temporary files that saves killed before their rename left beside a file (a crash, a kill, a power
// cut: the save never got to clean up). Only names of exactly the form atomic saves of that file use are touched,
// only regular files, and only when untouched for long enough that no save still running can own them: a save
// writes its temporary file continuously, so its modification time stays fresh until the rename.

import { lstat, readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { isTemporaryNameOf } from './atomic-file';

/** Ten minutes: far longer than any save takes between two writes of its temporary file. */
export const STALE_SAVE_FILE_AGE_MS = 10 * 60 * 1000;

/** The file system calls the clean-up makes; tests replace them. */
export interface SaveFileSystem {
  readdir(directory: string): Promise<string[]>;
  lstat(path: string): Promise<{ isFile(): boolean; mtimeMs: number }>;
  unlink(path: string): Promise<void>;
}

const NODE_FILE_SYSTEM: SaveFileSystem = { readdir: (directory) => readdir(directory), lstat, unlink };

export interface StaleSaveFileCleanUp {
  /** Names removed, sorted. */
  removed: string[];
  /** Stale names that could not be removed, with why; sorted by name. */
  kept: { name: string; reason: string }[];
}

/**
 * Removes the stale temporary files of saves of `path`. Best effort: a directory that cannot be listed is treated
 * as holding none, and a file that vanished meanwhile (another process cleaned it) is no failure.
 */
export async function removeStaleSaveFiles(
  path: string,
  options: { nowMs: number; maxAgeMs?: number; fileSystem?: SaveFileSystem },
): Promise<StaleSaveFileCleanUp> {
  const fileSystem = options.fileSystem ?? NODE_FILE_SYSTEM;
  const maxAgeMs = options.maxAgeMs ?? STALE_SAVE_FILE_AGE_MS;
  const directory = dirname(path);
  const result: StaleSaveFileCleanUp = { removed: [], kept: [] };
  let names: string[];
  try {
    names = await fileSystem.readdir(directory);
  } catch {
    return result;
  }
  for (const name of names.filter((candidate) => isTemporaryNameOf(candidate, path)).sort()) {
    const candidate = join(directory, name);
    try {
      const stats = await fileSystem.lstat(candidate);
      if (!stats.isFile() || options.nowMs - stats.mtimeMs <= maxAgeMs) continue;
      await fileSystem.unlink(candidate);
      result.removed.push(name);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      result.kept.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

function errorCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
}
