// Workbook files on disk for the desktop app: a file is reported opened only after core/workbook has opened it (ours,
// whole, not newer than this build), and saved only through the atomic save, so a failed save leaves the old file
// exactly as it was. A file that was upgraded from an older schema gets a copy of its original bytes beside it before
// the first save over it, as the CLI does.

import { constants } from 'node:fs';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { saveFileAtomically, type AtomicSaveOptions } from '../../cli/file-store/atomic-file';
import { describeFileError } from '../../cli/input-files';
import { closeWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import type { SqlJsStatic } from '../../core/workbook/workbook';
import { desktopFailed, desktopOk, MAX_WORKBOOK_BYTES, type DesktopResult, type SavedWorkbook, type WorkbookDocument } from '../ipc-contract';

export interface OpenedWorkbookFile {
  document: WorkbookDocument;
  /** The schema version the file has when older than this build (it opens upgraded); null otherwise. */
  upgradedFrom: number | null;
}

/** Reads and checks a workbook file; the workbook it opens is closed again, the page opens the bytes itself. */
export async function readWorkbookFile(path: string, sqlJs: SqlJsStatic, maxBytes = MAX_WORKBOOK_BYTES): Promise<DesktopResult<OpenedWorkbookFile>> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const found = await stat(path);
    if (!found.isFile()) return desktopFailed('file_unreadable', `"${name}" could not be opened: it is not a file.`);
    if (found.size > maxBytes) {
      return desktopFailed('file_too_large', `"${name}" could not be opened: at ${megabytes(found.size)} it is larger than ${megabytes(maxBytes)}, the most the app opens.`);
    }
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return desktopFailed('file_unreadable', `"${name}" could not be opened: ${describeFileError(error)}.`);
  }
  const opened = openWorkbook(bytes, sqlJs);
  if (!opened.ok) return desktopFailed(opened.problem.code, `"${name}" could not be opened. ${opened.problem.message}`);
  closeWorkbook(opened.value.workbook);
  return desktopOk({ document: { path, name, bytes }, upgradedFrom: opened.value.upgradedFrom });
}

export interface SaveWorkbookOptions {
  /** The schema version the file at `path` had when it was opened and upgraded; its original is kept first. */
  keepBackupOfSchema: number | null;
  nowMs: number;
  /** Passed to the atomic save: tests inject a full disk here. */
  atomic?: AtomicSaveOptions;
}

/**
 * Writes workbook bytes to `path`. The bytes must open as a workbook first (a page never gets to write something
 * else over a user's file); the write is atomic; a failure says why and that the file on disk is unchanged.
 */
export async function saveWorkbookFile(path: string, bytes: Uint8Array, sqlJs: SqlJsStatic, options: SaveWorkbookOptions): Promise<DesktopResult<SavedWorkbook>> {
  const name = basename(path);
  const check = openWorkbook(bytes, sqlJs);
  if (!check.ok) return desktopFailed(check.problem.code, `"${name}" was not saved: what the page handed over is not a whole workbook. ${check.problem.message}`);
  closeWorkbook(check.value.workbook);
  let backupPath: string | null = null;
  if (options.keepBackupOfSchema !== null) {
    const kept = await keepBackupCopy(path, options.keepBackupOfSchema);
    if (!kept.ok) return kept;
    backupPath = kept.value;
  }
  const saved = await saveFileAtomically(path, bytes, options.atomic);
  if (!saved.ok) return desktopFailed('file_save_failed', saved.message);
  return desktopOk({ path, name, savedAtMs: options.nowMs, backupPath });
}

const MAX_BACKUPS = 100;

/** Copies the original (pre-upgrade) file to "team.cwb.schema-1.backup" (or ".2.backup" …); never overwrites one. */
async function keepBackupCopy(path: string, fromVersion: number): Promise<DesktopResult<string | null>> {
  for (let attempt = 1; attempt <= MAX_BACKUPS; attempt++) {
    const candidate = `${path}.schema-${fromVersion}${attempt === 1 ? '' : `.${attempt}`}.backup`;
    try {
      await copyFile(path, candidate, constants.COPYFILE_EXCL);
      return desktopOk(candidate);
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
      if (code === 'EEXIST') continue;
      // The original is gone (moved away meanwhile): there is nothing to keep, and nothing is overwritten.
      if (code === 'ENOENT') return desktopOk(null);
      return desktopFailed('file_save_failed', `"${basename(path)}" was not saved: the copy of the original kept before upgrading it could not be written (${describeFileError(error)}). The file is unchanged.`);
    }
  }
  return desktopFailed('file_save_failed', `"${basename(path)}" was not saved: there are already ${MAX_BACKUPS} backup copies beside it; move some away. The file is unchanged.`);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}
