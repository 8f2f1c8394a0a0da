// The edges main's modules reach the operating system through, as small interfaces: Electron's dialogs in the app,
// scripted answers in tests. Nothing here is Electron's own type, so the modules behind it run under plain Node.

import type { DiscardDecision, MenuCommand } from '../ipc-contract';

export interface DesktopDialogs {
  /** The workbook file the user chose to open, or null when they cancelled. */
  chooseWorkbookToOpen(): Promise<string | null>;
  /** Where the user chose to save a workbook, or null when they cancelled. */
  chooseWorkbookSavePath(suggestedName: string): Promise<string | null>;
  /** The usage file (CSV or NDJSON) the user chose to import, or null. */
  chooseUsageFile(): Promise<string | null>;
  /** Where the user chose to write an exported price book, or null. */
  choosePriceBookSavePath(suggestedName: string): Promise<string | null>;
  /** Tells the user why something could not be done (a file that cannot be read or written). */
  showProblem(message: string): Promise<void>;
  /** Save, don't save, or cancel, before unsaved changes to `documentName` would be lost by closing or replacing. */
  askAboutUnsavedChanges(documentName: string, reason: 'close' | 'replace'): Promise<DiscardDecision>;
  /** Whether to restore the recovery copy of `documentName` from `savedAtMs` after a run that did not end cleanly. */
  askToRestoreRecovery(documentName: string, savedAtMs: number): Promise<boolean>;
}

/** Sends a command to the page (the one window's webContents). */
export type MenuCommandSender = (command: MenuCommand) => void;
