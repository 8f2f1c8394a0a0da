// A workbook file as the commands see it: read through CliIo, opened (and upgraded in memory) by core/workbook,
// and saved back atomically. A file that needed upgrading gets a backup copy of its original bytes beside it before
// the first save over it; a file that is only read is never written. Opening also clears away the temporary files
// that interrupted saves of the workbook left beside it.

import type { SqlJsStatic } from '../../core/workbook/workbook';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import type { Workbook } from '../../core/workbook/workbook';
import { EXIT_USAGE, failWith, type CliIo } from '../cli-io';
import { describeFileError, resolvePath } from '../input-files';
import { removeStaleSaveFiles } from './stale-save-files';
import { loadSqlJs } from './sql-js-node';

export interface OpenWorkbookFile {
  workbook: Workbook;
  /** Absolute path. */
  path: string;
  /** As the user wrote it, for messages. */
  displayPath: string;
  isNew: boolean;
  /** Size of the file as read; 0 for a new workbook. */
  fileBytes: number;
  /** The schema version the file had before this run upgraded it in memory; null when it needed none. */
  upgradedFrom: number | null;
  /** The original bytes of an upgraded file, still to be written as a backup before the first save. */
  pendingBackup: Uint8Array | null;
}

export type WorkbookFileOpen = ({ ok: true } & OpenWorkbookFile) | { ok: false; exitCode: number };

/**
 * Opens the workbook at `path`. A missing file is a new, empty workbook when `createIfMissing` (import, adding
 * books); otherwise it is an error, like any file that is not a workbook we can read.
 */
export async function openWorkbookFile(
  io: CliIo,
  command: string,
  path: string,
  options: { createIfMissing: boolean },
  sqlJs?: SqlJsStatic,
): Promise<WorkbookFileOpen> {
  const absolute = resolvePath(io, path);
  let bytes: Uint8Array | null;
  try {
    bytes = await io.readFile(absolute);
  } catch (error) {
    const missing = typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
    if (!(missing && options.createIfMissing)) {
      return { ok: false, exitCode: failWith(io, command, EXIT_USAGE, `cannot read workbook "${path}": ${describeFileError(error)}`) };
    }
    bytes = null;
  }
  const opened = openWorkbook(bytes, sqlJs ?? (await loadSqlJs()));
  if (!opened.ok) {
    return { ok: false, exitCode: failWith(io, command, EXIT_USAGE, `workbook "${path}": ${opened.problem.message} [${opened.problem.code}]`) };
  }
  await clearInterruptedSaves(io, absolute);
  return {
    ok: true,
    workbook: opened.value.workbook,
    path: absolute,
    displayPath: path,
    isNew: bytes === null,
    fileBytes: bytes === null ? 0 : bytes.length,
    upgradedFrom: opened.value.upgradedFrom,
    pendingBackup: opened.value.backupBytes,
  };
}

/**
 * Removes what saves of the workbook killed mid-write left behind. This goes to the disk directly, not through
 * CliIo, which has no way to list or remove files; a path that is not on the disk (files in memory) has none.
 */
async function clearInterruptedSaves(io: CliIo, path: string): Promise<void> {
  const cleanUp = await removeStaleSaveFiles(path, { nowMs: Date.now() });
  for (const name of cleanUp.removed) io.stderr.write(`removed ${name}, a temporary file an interrupted save left beside the workbook\n`);
  for (const { name, reason } of cleanUp.kept) io.stderr.write(`could not remove ${name}, a temporary file an interrupted save left beside the workbook: ${reason}\n`);
}

/** Saves the workbook over its file (backing up the pre-upgrade original first); returns null or the exit code. */
export async function saveWorkbookFile(io: CliIo, command: string, file: OpenWorkbookFile): Promise<number | null> {
  if (file.pendingBackup !== null && file.upgradedFrom !== null) {
    const backupPath = await freeBackupPath(io, file.path, file.upgradedFrom);
    if (backupPath === null) {
      return failWith(io, command, EXIT_USAGE, `too many backups of "${file.displayPath}" already; move some away so the upgrade can keep one`);
    }
    try {
      await io.writeFileAtomic(backupPath, file.pendingBackup);
    } catch (error) {
      return failWith(io, command, EXIT_USAGE, `cannot write the backup "${backupPath}" of the workbook before upgrading it: ${describeFileError(error)}; the workbook was not changed`);
    }
    io.stderr.write(`upgraded the workbook from schema version ${file.upgradedFrom}; the original is kept as ${backupPath}\n`);
    file.pendingBackup = null;
  }
  try {
    await io.writeFileAtomic(file.path, exportWorkbook(file.workbook));
  } catch (error) {
    return failWith(io, command, EXIT_USAGE, `cannot save workbook "${file.displayPath}": ${describeFileError(error)}; the file on disk is as it was`);
  }
  return null;
}

const MAX_BACKUPS = 100;

/** "team.workbook.schema-1.backup", or with a counter when an earlier upgrade left one of that name. */
async function freeBackupPath(io: CliIo, path: string, fromVersion: number): Promise<string | null> {
  for (let attempt = 1; attempt <= MAX_BACKUPS; attempt++) {
    const candidate = `${path}.schema-${fromVersion}${attempt === 1 ? '' : `.${attempt}`}.backup`;
    try {
      await io.readFile(candidate);
    } catch {
      return candidate;
    }
  }
  return null;
}
