// What the desktop tests share: a temporary folder per test, workbook bytes of each kind (current, older schema,
// newer than this build, not a workbook), scripted dialogs that record what was asked, and a settings store, so the
// main-process modules run under plain Node with only Electron's edge replaced.

import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { LATEST_SCHEMA_VERSION } from '../../core/workbook/migrations/migration-list';
import { createWorkbook, exportWorkbook, closeWorkbook } from '../../core/workbook/open-workbook';
import type { DiscardDecision, MenuCommand } from '../../electron/ipc-contract';
import type { DesktopDialogs } from '../../electron/main/desktop-ports';
import { createDocumentSession, type DocumentSession } from '../../electron/main/document-session';
import { createInvokeHandlers, type DesktopHandlerDeps, type InvokeHandlers } from '../../electron/main/ipc-handlers';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settings-file';

export const WORKBOOK_V1_BYTES = new Uint8Array(readFileSync(new URL('../fixtures/workbook-v1.sqlite', import.meta.url)));

export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'credit-workbench-desktop-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function newWorkbookBytes(): Promise<Uint8Array> {
  const workbook = createWorkbook(await loadSqlJs());
  try {
    return exportWorkbook(workbook);
  } finally {
    closeWorkbook(workbook);
  }
}

/** A workbook as a later version of the app would write it: schema version one past this build's. */
export async function newerWorkbookBytes(): Promise<Uint8Array> {
  const workbook = createWorkbook(await loadSqlJs());
  try {
    workbook.database.run(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    return exportWorkbook(workbook);
  } finally {
    closeWorkbook(workbook);
  }
}

export const NOT_A_WORKBOOK = new TextEncoder().encode('customer,plan\nacme,pro\n');

/** Dialogs answered from a script; every question and problem shown is recorded. */
export interface ScriptedDialogs extends DesktopDialogs {
  answers: {
    openPath: string | null;
    savePath: string | null;
    usagePath: string | null;
    priceBookPath: string | null;
    unsaved: DiscardDecision;
    restore: boolean;
  };
  problems: string[];
  asked: string[];
}

export function scriptedDialogs(answers: Partial<ScriptedDialogs['answers']> = {}): ScriptedDialogs {
  const dialogs: ScriptedDialogs = {
    answers: { openPath: null, savePath: null, usagePath: null, priceBookPath: null, unsaved: 'cancel', restore: false, ...answers },
    problems: [],
    asked: [],
    chooseWorkbookToOpen: async () => {
      dialogs.asked.push('open');
      return dialogs.answers.openPath;
    },
    chooseWorkbookSavePath: async (suggestedName) => {
      dialogs.asked.push(`save as ${suggestedName}`);
      return dialogs.answers.savePath;
    },
    chooseUsageFile: async () => {
      dialogs.asked.push('usage');
      return dialogs.answers.usagePath;
    },
    choosePriceBookSavePath: async (suggestedName) => {
      dialogs.asked.push(`export ${suggestedName}`);
      return dialogs.answers.priceBookPath;
    },
    showProblem: async (message) => {
      dialogs.problems.push(message);
    },
    askAboutUnsavedChanges: async (documentName, reason) => {
      dialogs.asked.push(`unsaved ${documentName} ${reason}`);
      return dialogs.answers.unsaved;
    },
    askToRestoreRecovery: async (documentName) => {
      dialogs.asked.push(`restore ${documentName}`);
      return dialogs.answers.restore;
    },
  };
  return dialogs;
}

export interface DesktopHarness {
  folder: string;
  recoveryFolder: string;
  settings: SettingsStore;
  session: DocumentSession;
  dialogs: ScriptedDialogs;
  handlers: InvokeHandlers;
  sent: MenuCommand[];
  changes: number;
  closedAfterSave: number;
  remove: () => Promise<void>;
}

export const FROZEN_NOW_MS = Date.UTC(2026, 0, 15, 9, 30);

/** Main's handlers over a temporary userData folder, scripted dialogs and a frozen clock. */
export async function desktopHarness(overrides: Partial<DesktopHandlerDeps> = {}, answers: Partial<ScriptedDialogs['answers']> = {}): Promise<DesktopHarness> {
  const temporary = await temporaryFolder();
  const settings = await openSettingsStore(join(temporary.path, 'userData', 'settings.json'));
  const harness: DesktopHarness = {
    folder: temporary.path,
    recoveryFolder: join(temporary.path, 'userData', 'recovery'),
    settings,
    session: createDocumentSession(),
    dialogs: scriptedDialogs(answers),
    handlers: {} as InvokeHandlers,
    sent: [],
    changes: 0,
    closedAfterSave: 0,
    remove: temporary.remove,
  };
  await mkdir(join(temporary.path, 'userData'), { recursive: true });
  harness.handlers = createInvokeHandlers({
    sqlJs: loadSqlJs,
    dialogs: harness.dialogs,
    settings,
    session: harness.session,
    recoveryFolder: harness.recoveryFolder,
    nowMs: () => FROZEN_NOW_MS,
    caseInsensitivePaths: false,
    takeStartupDocument: () => null,
    onDocumentChanged: () => {
      harness.changes += 1;
    },
    onSavedBeforeClose: () => {
      harness.closedAfterSave += 1;
    },
    ...overrides,
  });
  return harness;
}

/** An IPC event from the app's own top-level page, or from somewhere else. */
export const TRUSTED_EVENT = { senderFrame: { url: 'app://workbench/index.html', parent: null } };
export function eventFrom(url: string, parent: unknown = null): { senderFrame: { url: string; parent: unknown } } {
  return { senderFrame: { url, parent } };
}
