// Reads a file the user picked and accepts it only when core/workbook opens it: a file that is not a workbook, is
// damaged, or comes from a newer version is refused with core's sentence and never reaches storage. An older
// workbook is upgraded in memory; the user's own file stays their backup.

import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import type { SqlJsStatic, Workbook } from '../../core/workbook/workbook';
import type { WorkbookProblemCode } from '../../core/workbook/workbook-problem';

/** What the upload needs of a File (a File satisfies it; tests pass their own). */
export interface PickedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface UploadedWorkbook {
  workbook: Workbook;
  /** The bytes to store: the workbook as opened, upgraded to the latest schema when it was older. */
  bytes: Uint8Array;
  fileName: string;
  /** The file's schema version when it was older than this build; null otherwise. */
  upgradedFrom: number | null;
}

export interface UploadProblem {
  code: WorkbookProblemCode | 'upload_unreadable';
  /** One plain sentence naming the file, why it was refused, and that the current workbook is unchanged. */
  message: string;
}

export type UploadResult = { ok: true; value: UploadedWorkbook } | { ok: false; problem: UploadProblem };

const UNCHANGED = 'The workbook in this browser is unchanged.';

export async function readUploadedWorkbook(file: PickedFile, sqlJs: SqlJsStatic): Promise<UploadResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    // The file was moved or its permission withdrawn between picking and reading.
    const reason = error instanceof Error ? error.message : String(error);
    return refused('upload_unreadable', `"${file.name}" could not be read (${reason}). ${UNCHANGED}`);
  }
  const opened = openWorkbook(bytes, sqlJs);
  if (!opened.ok) return refused(opened.problem.code, `"${file.name}" was not loaded. ${opened.problem.message} ${UNCHANGED}`);
  const { workbook, upgradedFrom } = opened.value;
  // An upgraded workbook is stored as upgraded; an unchanged one as the very bytes the user picked.
  const stored = upgradedFrom === null ? bytes : exportWorkbook(workbook);
  return { ok: true, value: { workbook, bytes: stored, fileName: file.name, upgradedFrom } };
}

function refused(code: UploadProblem['code'], message: string): UploadResult {
  return { ok: false, problem: { code, message } };
}
