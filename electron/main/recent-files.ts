// The Open Recent list: newest first, each file once, at most MAX_RECENT_FILES long, and never a file that is no
// longer there (checked when the list is shown, since files move while the app is closed).

import { basename, resolve } from 'node:path';
import type { RecentFile } from '../ipc-contract';

export const MAX_RECENT_FILES = 10;

export interface RecentFileOptions {
  /** Windows and (by default) macOS compare paths without regard to case. */
  caseInsensitive: boolean;
  limit?: number;
}

function samePath(a: string, b: string, caseInsensitive: boolean): boolean {
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The list with `path` (made absolute) in front, once, cut to the limit. */
export function withRecentFile(list: readonly string[], path: string, options: RecentFileOptions): string[] {
  const absolute = resolve(path);
  const rest = list.filter((entry) => !samePath(entry, absolute, options.caseInsensitive));
  return [absolute, ...rest].slice(0, options.limit ?? MAX_RECENT_FILES);
}

/** The list without `path` (a file that could not be opened). */
export function withoutRecentFile(list: readonly string[], path: string, options: RecentFileOptions): string[] {
  const absolute = resolve(path);
  return list.filter((entry) => !samePath(entry, absolute, options.caseInsensitive));
}

/** The entries whose files still exist, in order. */
export async function existingRecentFiles(list: readonly string[], exists: (path: string) => Promise<boolean>): Promise<string[]> {
  const present = await Promise.all(list.map((path) => exists(path)));
  return list.filter((_path, index) => present[index]);
}

export function recentFileEntries(list: readonly string[]): RecentFile[] {
  return list.map((path) => ({ path, name: basename(path) }));
}

export function isRecentFile(list: readonly string[], path: string, options: RecentFileOptions): boolean {
  return list.some((entry) => samePath(entry, path, options.caseInsensitive));
}
