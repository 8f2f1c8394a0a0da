// Main's answer to every channel of the IPC contract. Each handler takes its arguments as `unknown` and checks them
// before anything else; `registerIpcHandlers` refuses every message not sent by the app's own page. File work goes
// through workbook-files (checked opens, atomic saves) and a file that cannot be read or written is also shown to the
// user in a dialog with the reason.

import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { AtomicSaveOptions } from '../../cli/file-store/atomic-file';
import { saveFileAtomically } from '../../cli/file-store/atomic-file';
import { describeFileError } from '../../cli/input-files';
import type { SqlJsStatic } from '../../core/workbook/workbook';
import {
  desktopFailed,
  desktopOk,
  INVOKE_CHANNELS,
  MAX_PRICE_BOOK_EXPORT_CHARS,
  MAX_USAGE_FILE_BYTES,
  MAX_WORKBOOK_BYTES,
  SEND_CHANNELS,
  WORKBOOK_EXTENSION,
  type DesktopProblemCode,
  type DesktopResult,
  type InvokeChannelKey,
  type InvokeContract,
  type SavedWorkbook,
  type StartupDocument,
  type WorkbookDocument,
} from '../ipc-contract';
import type { DesktopDialogs } from './desktop-ports';
import { documentName, documentOpened, documentSaved, UNTITLED_NAME, type DocumentSession } from './document-session';
import {
  checkArgumentCount,
  checkBoolean,
  checkBytes,
  checkFileName,
  checkText,
  checkWorkbookPath,
  isTrustedSender,
  senderRefused,
  type IpcSenderEvent,
} from './ipc-validation';
import { existingRecentFiles, isRecentFile, recentFileEntries, withoutRecentFile, withRecentFile } from './recent-files';
import { clearRecoveryCopy, writeRecoveryCopy } from './recovery-copy';
import type { SettingsStore } from './settings-file';
import { readWorkbookFile, saveWorkbookFile } from './workbook-files';

export interface DesktopHandlerDeps {
  sqlJs: () => Promise<SqlJsStatic>;
  dialogs: DesktopDialogs;
  settings: SettingsStore;
  session: DocumentSession;
  recoveryFolder: string;
  nowMs: () => number;
  /** Windows and macOS compare paths without regard to case. */
  caseInsensitivePaths: boolean;
  /** What the window shows on its first load; handed out once (see startupDocument). */
  takeStartupDocument: () => StartupDocument | null;
  /** The document's name or unsaved state changed: main updates the title and the menu. */
  onDocumentChanged: () => void;
  /** A save the close prompt asked for succeeded: main closes the window. */
  onSavedBeforeClose: () => void;
  atomic?: AtomicSaveOptions;
}

/** One function per invoke channel; arguments unchecked. */
export type InvokeHandlers = {
  [K in InvokeChannelKey]: (...args: unknown[]) => Promise<InvokeContract[K]['result']>;
};

const QUIET_PROBLEMS: ReadonlySet<DesktopProblemCode> = new Set(['cancelled', 'ipc_argument_invalid', 'ipc_sender_refused', 'path_not_offered']);

const cancelled = <T>(): DesktopResult<T> => desktopFailed('cancelled', 'Nothing was chosen.');

export function createInvokeHandlers(deps: DesktopHandlerDeps): InvokeHandlers {
  const { session, dialogs, settings } = deps;
  const pathOptions = { caseInsensitive: deps.caseInsensitivePaths };

  /** A file that could not be read or written is also said in a dialog; a refused request or a cancel is not. */
  async function told<T>(result: DesktopResult<T>): Promise<DesktopResult<T>> {
    if (!result.ok && !QUIET_PROBLEMS.has(result.problem.code)) await dialogs.showProblem(result.problem.message);
    return result;
  }

  async function openPath(path: string): Promise<DesktopResult<WorkbookDocument>> {
    const read = await readWorkbookFile(path, await deps.sqlJs());
    if (!read.ok) {
      if (read.problem.code === 'file_unreadable') await settings.update((current) => ({ ...current, recentFiles: withoutRecentFile(current.recentFiles, path, pathOptions) }));
      return told(read);
    }
    documentOpened(session, path, read.value.upgradedFrom);
    await settings.update((current) => ({ ...current, recentFiles: withRecentFile(current.recentFiles, path, pathOptions) }));
    deps.onDocumentChanged();
    return desktopOk(read.value.document);
  }

  async function saveTo(path: string, bytes: Uint8Array): Promise<DesktopResult<SavedWorkbook>> {
    const keepBackupOfSchema = path === session.path ? session.upgradedFrom : null;
    const saved = await saveWorkbookFile(path, bytes, await deps.sqlJs(), { keepBackupOfSchema, nowMs: deps.nowMs(), atomic: deps.atomic });
    if (!saved.ok) {
      session.closeAfterSave = false;
      return told(saved);
    }
    documentSaved(session, path);
    await clearRecoveryCopy(deps.recoveryFolder).catch(() => undefined);
    await settings.update((current) => ({ ...current, recentFiles: withRecentFile(current.recentFiles, path, pathOptions) }));
    deps.onDocumentChanged();
    if (session.closeAfterSave) {
      session.closeAfterSave = false;
      session.closeConfirmed = true;
      deps.onSavedBeforeClose();
    }
    return saved;
  }

  async function saveAs(bytes: Uint8Array): Promise<DesktopResult<SavedWorkbook>> {
    const chosen = await dialogs.chooseWorkbookSavePath(session.path === null ? UNTITLED_NAME : documentName(session));
    if (chosen === null) {
      session.closeAfterSave = false;
      return cancelled();
    }
    // A dialog on Linux may hand back the name as typed, without the extension.
    const path = extname(chosen).toLowerCase() === `.${WORKBOOK_EXTENSION}` ? chosen : `${chosen}.${WORKBOOK_EXTENSION}`;
    return saveTo(path, bytes);
  }

  function workbookBytes(args: unknown[]): DesktopResult<Uint8Array> {
    const count = checkArgumentCount(args, 1);
    if (!count.ok) return count;
    return checkBytes(args[0], MAX_WORKBOOK_BYTES, 'workbook');
  }

  return {
    openWorkbook: async (...args) => {
      const count = checkArgumentCount(args, 0);
      if (!count.ok) return count;
      const path = await dialogs.chooseWorkbookToOpen();
      return path === null ? cancelled() : openPath(path);
    },

    openWorkbookAt: async (...args) => {
      const count = checkArgumentCount(args, 1);
      if (!count.ok) return count;
      const path = checkWorkbookPath(args[0]);
      if (!path.ok) return path;
      const offered = session.offeredPaths.has(path.value) || isRecentFile(settings.current().recentFiles, path.value, pathOptions);
      if (!offered) return desktopFailed('path_not_offered', 'The page asked to open a file that was neither opened from outside nor in Open Recent, so it was refused.');
      return openPath(path.value);
    },

    newWorkbook: async (...args) => {
      const count = checkArgumentCount(args, 0);
      if (!count.ok) return count;
      session.path = null;
      session.upgradedFrom = null;
      deps.onDocumentChanged();
      return desktopOk(null);
    },

    saveWorkbook: async (...args) => {
      const bytes = workbookBytes(args);
      if (!bytes.ok) return told(bytes);
      return session.path === null ? saveAs(bytes.value) : saveTo(session.path, bytes.value);
    },

    saveWorkbookAs: async (...args) => {
      const bytes = workbookBytes(args);
      if (!bytes.ok) return told(bytes);
      return saveAs(bytes.value);
    },

    listRecentFiles: async (...args) => {
      const count = checkArgumentCount(args, 0);
      if (!count.ok) return count;
      const listed = settings.current().recentFiles;
      const existing = await existingRecentFiles(listed, isFile);
      if (existing.length !== listed.length) {
        await settings.update((current) => ({ ...current, recentFiles: current.recentFiles.filter((path) => existing.includes(path)) }));
      }
      return desktopOk(recentFileEntries(existing));
    },

    startupDocument: async (...args) => {
      const count = checkArgumentCount(args, 0);
      if (!count.ok) return count;
      const first = deps.takeStartupDocument();
      if (first !== null) return desktopOk(first);
      // A reload of the page: it shows the file the session belongs to, as saved.
      if (session.path === null) return desktopOk({ kind: 'none' });
      const read = await readWorkbookFile(session.path, await deps.sqlJs());
      if (!read.ok) return told(read);
      session.unsaved = false;
      deps.onDocumentChanged();
      return desktopOk({ kind: 'file', document: read.value.document });
    },

    confirmDiscardChanges: async (...args) => {
      const count = checkArgumentCount(args, 0);
      if (!count.ok) return count;
      if (!session.unsaved) return desktopOk('discard');
      return desktopOk(await dialogs.askAboutUnsavedChanges(documentName(session), 'replace'));
    },

    writeRecoveryCopy: async (...args) => {
      const bytes = workbookBytes(args);
      if (!bytes.ok) return bytes;
      const written = await writeRecoveryCopy(deps.recoveryFolder, bytes.value, session.path, deps.nowMs());
      return written.ok ? desktopOk({ savedAtMs: written.value.savedAtMs }) : written;
    },

    pickUsageFile: async (...args) => {
      const count = checkArgumentCount(args, 0);
      if (!count.ok) return count;
      const path = await dialogs.chooseUsageFile();
      if (path === null) return cancelled();
      return told(await readUsageFile(path));
    },

    exportPriceBook: async (...args) => {
      const count = checkArgumentCount(args, 2);
      if (!count.ok) return count;
      const fileName = checkFileName(args[0]);
      if (!fileName.ok) return fileName;
      const text = checkText(args[1], MAX_PRICE_BOOK_EXPORT_CHARS, 'price book export');
      if (!text.ok) return text;
      const path = await dialogs.choosePriceBookSavePath(fileName.value);
      if (path === null) return cancelled();
      const saved = await saveFileAtomically(path, new TextEncoder().encode(text.value), deps.atomic);
      if (!saved.ok) return told(desktopFailed('file_save_failed', saved.message));
      return desktopOk({ path });
    },
  };
}

async function readUsageFile(path: string): Promise<DesktopResult<{ name: string; bytes: Uint8Array }>> {
  const name = basename(path);
  try {
    const found = await stat(path);
    if (!found.isFile()) return desktopFailed('file_unreadable', `"${name}" could not be read: it is not a file.`);
    if (found.size > MAX_USAGE_FILE_BYTES) {
      return desktopFailed('file_too_large', `"${name}" could not be read: it is larger than ${MAX_USAGE_FILE_BYTES / (1024 * 1024)} MB, the most the app imports at once.`);
    }
    if (found.size === 0) return desktopFailed('file_unreadable', `"${name}" is empty, so it holds no usage.`);
    return desktopOk({ name, bytes: new Uint8Array(await readFile(path)) });
  } catch (error) {
    return desktopFailed('file_unreadable', `"${name}" could not be read: ${describeFileError(error)}.`);
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The page reports whether it holds unsaved changes; anything but a boolean from our page is ignored. */
export function unsavedChangesListener(deps: Pick<DesktopHandlerDeps, 'session' | 'onDocumentChanged'>) {
  return (event: IpcSenderEvent, ...args: unknown[]): void => {
    if (!isTrustedSender(event) || args.length !== 1) return;
    const unsaved = checkBoolean(args[0], 'unsaved');
    if (!unsaved.ok || deps.session.unsaved === unsaved.value) return;
    deps.session.unsaved = unsaved.value;
    deps.onDocumentChanged();
  };
}

/** The part of Electron's ipcMain main uses. */
export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => void): void;
}

/** Wraps a handler so that a message from anything but the app's own top-level page is refused unseen. */
export function fromTrustedSender(handler: (...args: unknown[]) => Promise<DesktopResult<unknown>>) {
  return async (event: IpcSenderEvent, ...args: unknown[]): Promise<DesktopResult<unknown>> => (isTrustedSender(event) ? handler(...args) : senderRefused());
}

export function registerIpcHandlers(ipcMain: IpcMainPort, handlers: InvokeHandlers, deps: Pick<DesktopHandlerDeps, 'session' | 'onDocumentChanged'>): void {
  for (const key of Object.keys(INVOKE_CHANNELS) as InvokeChannelKey[]) {
    ipcMain.handle(INVOKE_CHANNELS[key], fromTrustedSender(handlers[key]));
  }
  ipcMain.on(SEND_CHANNELS.setUnsavedChanges, unsavedChangesListener(deps));
}
