// The one definition of what crosses between the desktop window and the main process: every channel's name, its
// arguments and its result. The preload exposes exactly one method per channel (checked against
// `CreditWorkbenchApi` by the compiler), main registers one handler per channel (checked against the same map), and
// the renderer reads `window.creditWorkbench` typed from here. This file imports no Node and no Electron, so the
// renderer can import it too.

import type { WorkbookProblemCode } from '../core/workbook/workbook-problem';

/** The file name extension of a workbook file, without the dot. */
export const WORKBOOK_EXTENSION = 'cwb';

/** How often the page writes a recovery copy while it holds unsaved changes. */
export const RECOVERY_INTERVAL_MS = 3 * 60 * 1000;

/** Largest workbook accepted across the bridge: sql.js holds the whole file in memory, twice while exporting. */
export const MAX_WORKBOOK_BYTES = 1024 * 1024 * 1024;
/** Largest usage file (CSV or NDJSON) read for an import. */
export const MAX_USAGE_FILE_BYTES = 1024 * 1024 * 1024;
/** Largest price book export written; canonical JSON of a real book is a few kilobytes. */
export const MAX_PRICE_BOOK_EXPORT_CHARS = 16 * 1024 * 1024;
/** Longest path accepted (Windows' long-path limit; Linux allows 4096). */
export const MAX_PATH_CHARS = 32_767;
/** Longest suggested file name. */
export const MAX_FILE_NAME_CHARS = 255;

/** Request/response channels: the renderer invokes, main answers. */
export const INVOKE_CHANNELS = {
  openWorkbook: 'workbook:open',
  openWorkbookAt: 'workbook:open-at',
  newWorkbook: 'workbook:new',
  saveWorkbook: 'workbook:save',
  saveWorkbookAs: 'workbook:save-as',
  listRecentFiles: 'recent-files:list',
  startupDocument: 'document:startup',
  confirmDiscardChanges: 'document:confirm-discard',
  writeRecoveryCopy: 'recovery:write',
  pickUsageFile: 'usage:pick',
  exportPriceBook: 'price-book:export',
} as const;

/** One-way messages from the renderer. */
export const SEND_CHANNELS = {
  setUnsavedChanges: 'document:unsaved-changes',
} as const;

/** One-way messages from main to the renderer. */
export const PUSH_CHANNELS = {
  menuCommand: 'menu:command',
} as const;

export type InvokeChannelKey = keyof typeof INVOKE_CHANNELS;

/** Failures a user (or a misbehaving page) can cause, each with a named code and one plain sentence. */
export type DesktopProblemCode =
  /** The user closed a file dialog without choosing. */
  | 'cancelled'
  /** The message did not come from the workbench's own page. */
  | 'ipc_sender_refused'
  /** An argument was not of the shape the channel takes. */
  | 'ipc_argument_invalid'
  /** The page asked to open a path it was never offered (not a recent file, not opened from outside). */
  | 'path_not_offered'
  | 'file_unreadable'
  | 'file_too_large'
  | 'file_save_failed'
  | 'recovery_failed'
  | WorkbookProblemCode;

export interface DesktopProblem {
  code: DesktopProblemCode;
  message: string;
}

export type DesktopResult<T> = { ok: true; value: T } | { ok: false; problem: DesktopProblem };

/** A workbook file read from disk and checked by core/workbook: it opens. */
export interface WorkbookDocument {
  /** Absolute path the bytes came from and a save goes to; null for a document not yet saved anywhere. */
  path: string | null;
  /** File name for titles and messages ("team.cwb"). */
  name: string;
  bytes: Uint8Array;
}

/** Where a save went. */
export interface SavedWorkbook {
  path: string;
  name: string;
  savedAtMs: number;
  /** A copy of the file from before a schema upgrade, written before the first save over it; null when none. */
  backupPath: string | null;
}

export interface RecentFile {
  path: string;
  name: string;
}

/** What the window opens with: a file named on the command line, a recovery copy the user chose to restore, or nothing. */
export type StartupDocument =
  | { kind: 'none' }
  | { kind: 'file'; document: WorkbookDocument }
  | { kind: 'recovered'; document: WorkbookDocument; recoveredAtMs: number };

export type DiscardDecision = 'save' | 'discard' | 'cancel';

export interface PickedUsageFile {
  name: string;
  bytes: Uint8Array;
}

export interface ExportedPriceBook {
  path: string;
}

/** What the application menu (or main, on the user's behalf) asks the page to do. */
export type MenuCommand =
  | { command: 'new-from-scenario' }
  | { command: 'open' }
  /** Open a file main has offered: a recent file, or one opened from outside (double-click, command line). */
  | { command: 'open-path'; path: string }
  /** `thenClose`: the user chose "Save" when closing; main closes the window once the save succeeds. */
  | { command: 'save'; thenClose: boolean }
  | { command: 'save-as' }
  | { command: 'import-usage' }
  | { command: 'export-price-book' };

/** Every invoke channel's arguments and result. */
export interface InvokeContract {
  openWorkbook: { args: []; result: DesktopResult<WorkbookDocument> };
  openWorkbookAt: { args: [path: string]; result: DesktopResult<WorkbookDocument> };
  /** The page starts a new, untitled workbook: a save after it asks where to save. */
  newWorkbook: { args: []; result: DesktopResult<null> };
  saveWorkbook: { args: [bytes: Uint8Array]; result: DesktopResult<SavedWorkbook> };
  saveWorkbookAs: { args: [bytes: Uint8Array]; result: DesktopResult<SavedWorkbook> };
  listRecentFiles: { args: []; result: DesktopResult<RecentFile[]> };
  startupDocument: { args: []; result: DesktopResult<StartupDocument> };
  confirmDiscardChanges: { args: []; result: DesktopResult<DiscardDecision> };
  writeRecoveryCopy: { args: [bytes: Uint8Array]; result: DesktopResult<{ savedAtMs: number }> };
  pickUsageFile: { args: []; result: DesktopResult<PickedUsageFile> };
  exportPriceBook: { args: [suggestedFileName: string, text: string]; result: DesktopResult<ExportedPriceBook> };
}

// Keeps the channel names and the contract in step: a channel without a contract entry (or the reverse) fails here.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
export const CHANNELS_MATCH_CONTRACT: SameKeys<typeof INVOKE_CHANNELS, InvokeContract> = true;

export type InvokeMethods = {
  [K in InvokeChannelKey]: (...args: InvokeContract[K]['args']) => Promise<InvokeContract[K]['result']>;
};

/** What the preload puts on `window.creditWorkbench`: one method per channel, nothing else. */
export interface CreditWorkbenchApi extends InvokeMethods {
  /** Tells main whether the page holds changes not saved to the file (for the close prompt and the title bar). */
  setUnsavedChanges(unsaved: boolean): void;
  /** Calls `listener` for each menu command; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The global name the preload exposes the API under. */
export const BRIDGE_GLOBAL_NAME = 'creditWorkbench';

export function desktopOk<T>(value: T): DesktopResult<T> {
  return { ok: true, value };
}

export function desktopFailed<T>(code: DesktopProblemCode, message: string): DesktopResult<T> {
  return { ok: false, problem: { code, message } };
}
