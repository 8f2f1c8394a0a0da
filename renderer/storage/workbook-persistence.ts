// The seam between the page and wherever the browser keeps the current workbook. A store holds exactly one current
// workbook as SQLite bytes; a save either replaces it whole or leaves the previous one as it was. Failures the
// user's browser can cause (no storage, a full quota) are values with a code and a sentence, never thrown.

/** The workbook a store kept, with when it was saved. */
export interface StoredWorkbook {
  bytes: Uint8Array;
  savedAtMs: number;
}

/** What a save wrote, for the page's status line. */
export interface SavedWorkbookInfo {
  savedAtMs: number;
  byteLength: number;
}

export type StorageProblemCode =
  /** The browser offers no storage to this page (blocked, private mode, or an old browser). */
  | 'storage_unavailable'
  /** The browser's quota for this site is used up. */
  | 'storage_full'
  /** What the store holds is not a record we wrote (cut short or edited from outside). */
  | 'storage_damaged'
  /** Any other refusal by the browser's storage; the sentence carries the browser's own reason. */
  | 'storage_failed';

export interface StorageProblem {
  code: StorageProblemCode;
  /** One plain sentence a user can act on. */
  message: string;
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem };

export interface WorkbookStore {
  /** The current workbook, or null when nothing has been stored yet. */
  load(): Promise<StorageResult<StoredWorkbook | null>>;
  /**
   * Replaces the current workbook with `bytes` in one transaction: afterwards either these bytes are stored or the
   * previous ones still are. Callers that save after every change debounce their calls; the store does not.
   */
  save(bytes: Uint8Array): Promise<StorageResult<SavedWorkbookInfo>>;
  /**
   * Keeps a copy of a workbook's bytes from before a schema upgrade, beside the current one and never overwritten,
   * so the upgraded workbook can be saved over the original without losing it.
   */
  keepBackup(bytes: Uint8Array, fromSchemaVersion: number): Promise<StorageResult<SavedWorkbookInfo>>;
}

export function storageOk<T>(value: T): StorageResult<T> {
  return { ok: true, value };
}

export function storageFailed<T>(code: StorageProblemCode, message: string): StorageResult<T> {
  return { ok: false, problem: { code, message } };
}
