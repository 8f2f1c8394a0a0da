// Saves a file so that it is always either the old bytes or the new bytes, never a mix: the new bytes go to a
// temporary file in the same directory, are flushed to the disk, and only then renamed over the old file. A crash,
// a kill or a full disk before the rename leaves the old file exactly as it was.

import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes one block at `position`; returns how many bytes it wrote (a short write is continued). */
export type BlockWriter = (file: FileHandle, block: Uint8Array, position: number) => Promise<number>;

export interface AtomicSaveOptions {
  /** Replaces the real write of each block: tests inject a crash or a full disk here. */
  writeBlock?: BlockWriter;
  /** Bytes per write call; default 8 MiB. */
  blockBytes?: number;
}

export type AtomicSaveResult = { ok: true } | { ok: false; code: 'file_save_failed'; message: string };

const DEFAULT_BLOCK_BYTES = 8 * 1024 * 1024;

/** Random bytes in a temporary file's name: 12 hex digits. */
const TEMPORARY_NAME_RANDOM_BYTES = 6;
const TEMPORARY_NAME_RANDOM = /^[0-9a-f]{12}$/;
const TEMPORARY_NAME_END = '.tmp';

/**
 * ".team.workbook.0123456789ab.tmp" beside "team.workbook": same directory, so the rename never crosses file
 * systems; random, so two saves never share a temporary file.
 */
function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(TEMPORARY_NAME_RANDOM_BYTES).toString('hex')}${TEMPORARY_NAME_END}`);
}

/** True for exactly the names temporaryPathFor gives saves of `path` (a name in the same directory). */
export function isTemporaryNameOf(name: string, path: string): boolean {
  const start = `.${basename(path)}.`;
  if (!name.startsWith(start) || !name.endsWith(TEMPORARY_NAME_END)) return false;
  return TEMPORARY_NAME_RANDOM.test(name.slice(start.length, name.length - TEMPORARY_NAME_END.length));
}

const writeBlockToDisk: BlockWriter = async (file, block, position) => (await file.write(block, 0, block.length, position)).bytesWritten;

export async function saveFileAtomically(path: string, bytes: Uint8Array, options: AtomicSaveOptions = {}): Promise<AtomicSaveResult> {
  const writeBlock = options.writeBlock ?? writeBlockToDisk;
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const directory = dirname(path);
  const temporaryPath = temporaryPathFor(path);
  let file: FileHandle | null = null;
  try {
    file = await open(temporaryPath, 'wx', await existingMode(path));
    for (let position = 0; position < bytes.length; ) {
      const block = bytes.subarray(position, Math.min(bytes.length, position + blockBytes));
      const written = await writeBlock(file, block, position);
      if (written <= 0) throw new Error(`the disk accepted no bytes at offset ${position}`);
      position += written;
    }
    await file.sync();
    await file.close();
    file = null;
    await rename(temporaryPath, path);
  } catch (error) {
    if (file !== null) await file.close().catch(() => undefined);
    await unlink(temporaryPath).catch(() => undefined);
    return { ok: false, code: 'file_save_failed', message: `Could not save ${path}: ${describeFailure(error)}. The previous file is unchanged.` };
  }
  await syncDirectory(directory);
  return { ok: true };
}

/** Keeps the permissions of the file being replaced; a new file gets the usual 0666 less the umask. */
async function existingMode(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

/**
 * Flushes the directory entry so the rename itself survives a power cut. The save has already happened; some
 * platforms (Windows) cannot open a directory for syncing, and that is no reason to report a failure.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // See above: best effort only.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function describeFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EDQUOT') return 'the disk quota is used up';
  if (code === 'EACCES' || code === 'EPERM') return 'permission was denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOENT') return 'its folder does not exist';
  return error instanceof Error ? error.message : String(error);
}
