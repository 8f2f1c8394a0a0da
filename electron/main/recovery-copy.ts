// The recovery copy: the page's unsaved workbook, written every few minutes to userData so a crash loses at most
// those minutes. One slot (one window): the workbook bytes, then a small JSON note that names the document and the
// byte count, written last, so a copy is only offered when both are whole. A clean save or a clean exit clears it.

import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { saveFileAtomically } from '../../cli/file-store/atomic-file';
import { desktopFailed, desktopOk, MAX_PATH_CHARS, type DesktopResult } from '../ipc-contract';

export const RECOVERY_FOLDER_NAME = 'recovery';
const COPY_FILE_NAME = 'recovery.cwb';
const NOTE_FILE_NAME = 'recovery.json';

export interface RecoveryNote {
  /** The file the unsaved workbook belongs to; null for one never saved. */
  documentPath: string | null;
  savedAtMs: number;
  byteLength: number;
}

export interface RecoveryCopy extends RecoveryNote {
  bytes: Uint8Array;
}

export async function writeRecoveryCopy(folder: string, bytes: Uint8Array, documentPath: string | null, nowMs: number): Promise<DesktopResult<RecoveryNote>> {
  const note: RecoveryNote = { documentPath, savedAtMs: nowMs, byteLength: bytes.length };
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    return desktopFailed('recovery_failed', `The recovery copy could not be written: ${reasonOf(error)}.`);
  }
  // The old note goes first, so a crash between the two writes never pairs it with the new bytes.
  await rm(join(folder, NOTE_FILE_NAME), { force: true }).catch(() => undefined);
  const copy = await saveFileAtomically(join(folder, COPY_FILE_NAME), bytes);
  if (!copy.ok) return desktopFailed('recovery_failed', `The recovery copy could not be written. ${copy.message}`);
  const written = await saveFileAtomically(join(folder, NOTE_FILE_NAME), new TextEncoder().encode(JSON.stringify(note)));
  if (!written.ok) return desktopFailed('recovery_failed', `The recovery copy could not be written. ${written.message}`);
  return desktopOk(note);
}

function parseNote(text: string): RecoveryNote | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { documentPath, savedAtMs, byteLength } = value as Record<string, unknown>;
  const pathOk = documentPath === null || (typeof documentPath === 'string' && documentPath.length <= MAX_PATH_CHARS);
  if (!pathOk || !Number.isSafeInteger(savedAtMs) || !Number.isSafeInteger(byteLength)) return null;
  return { documentPath: documentPath as string | null, savedAtMs: savedAtMs as number, byteLength: byteLength as number };
}

/** The recovery copy left by a run that did not end cleanly, or null when there is none whole. */
export async function findRecoveryCopy(folder: string): Promise<RecoveryCopy | null> {
  let note: RecoveryNote | null;
  let bytes: Uint8Array;
  try {
    note = parseNote(await readFile(join(folder, NOTE_FILE_NAME), 'utf8'));
    if (note === null) return null;
    bytes = new Uint8Array(await readFile(join(folder, COPY_FILE_NAME)));
  } catch {
    return null;
  }
  if (bytes.length !== note.byteLength) return null;
  return { ...note, bytes };
}

/** Removes the recovery copy (after a clean save, a clean exit, or when the user declined it). */
export async function clearRecoveryCopy(folder: string): Promise<void> {
  await rm(join(folder, NOTE_FILE_NAME), { force: true });
  await rm(join(folder, COPY_FILE_NAME), { force: true });
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
