// The page's desktop session against main's real handlers: the bridge is the handlers called directly (what the
// preload and IPC would carry), the dialogs are scripted, and the page's store is the real one.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { addPriceBookVersion, listPriceBooks, readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { closeWorkbook, createWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { testBook } from '../support/book-builder';
import type { SqlJsStatic } from '../../core/workbook/workbook';
import type { CreditWorkbenchApi, MenuCommand, StartupDocument } from '../../electron/ipc-contract';
import { unsavedChangesListener } from '../../electron/main/ipc-handlers';
import { findRecoveryCopy } from '../../electron/main/recovery-copy';
import { desktopBridge, isDesktop } from '../../renderer/platform/desktop-bridge';
import { startDesktopSession, type DesktopSession, type IntervalTimers } from '../../renderer/platform/desktop-session';
import { createWorkbenchStore, type WorkbenchStore } from '../../renderer/state/store';
import { desktopHarness, newWorkbookBytes, NOT_A_WORKBOOK, TRUSTED_EVENT, WORKBOOK_V1_BYTES, type DesktopHarness } from './desktop-support';

let sqlJs: SqlJsStatic;
let harness: DesktopHarness;
let store: WorkbenchStore;
let startup: StartupDocument | null;
let menuListeners: Array<(command: MenuCommand) => void>;
let recoveryTick: (() => void) | null;
let session: DesktopSession | null;

const manualTimers: IntervalTimers = {
  setInterval: (work) => {
    recoveryTick = work;
    return 1;
  },
  clearInterval: () => {
    recoveryTick = null;
  },
};

function bridgeOver(h: DesktopHarness): CreditWorkbenchApi {
  const unsaved = unsavedChangesListener({ session: h.session, onDocumentChanged: () => undefined });
  return {
    openWorkbook: () => h.handlers.openWorkbook(),
    openWorkbookAt: (path) => h.handlers.openWorkbookAt(path),
    newWorkbook: () => h.handlers.newWorkbook(),
    saveWorkbook: (bytes) => h.handlers.saveWorkbook(bytes),
    saveWorkbookAs: (bytes) => h.handlers.saveWorkbookAs(bytes),
    listRecentFiles: () => h.handlers.listRecentFiles(),
    startupDocument: () => h.handlers.startupDocument(),
    confirmDiscardChanges: () => h.handlers.confirmDiscardChanges(),
    writeRecoveryCopy: (bytes) => h.handlers.writeRecoveryCopy(bytes),
    pickUsageFile: () => h.handlers.pickUsageFile(),
    exportPriceBook: (name, text) => h.handlers.exportPriceBook(name, text),
    setUnsavedChanges: (value) => unsaved(TRUSTED_EVENT, value),
    onMenuCommand: (listener) => {
      menuListeners.push(listener);
      return () => {
        menuListeners = menuListeners.filter((entry) => entry !== listener);
      };
    },
  };
}

async function start(): Promise<DesktopSession> {
  session = await startDesktopSession(bridgeOver(harness), store, { sqlJs, timers: manualTimers, formatTime: () => 'TIME' });
  return session;
}

/** A change to the workbook as a screen makes one: a price book version added, then the store told. */
function editWorkbook(): void {
  const { workbook } = store.getState();
  if (workbook === null) throw new Error('no workbook');
  const added = addPriceBookVersion(workbook, testBook(), { createdAtMs: 0, note: '' });
  if (!added.ok) throw new Error(added.problem.message);
  store.getState().workbookChanged('Edited.');
}

function bookIds(): string[] {
  const { workbook } = store.getState();
  if (workbook === null) throw new Error('no workbook');
  return listPriceBooks(workbook).map((book) => book.id);
}

beforeEach(async () => {
  sqlJs = await loadSqlJs();
  startup = null;
  menuListeners = [];
  recoveryTick = null;
  session = null;
  harness = await desktopHarness({
    takeStartupDocument: () => {
      const taken = startup;
      startup = null;
      return taken;
    },
  });
  store = createWorkbenchStore();
  store.getState().workbookOpened({ workbook: createWorkbook(sqlJs), status: 'Browser start.', problem: null, rescueBytes: null, stored: true, savedAtMs: null });
});

afterEach(async () => {
  session?.stop();
  await harness.remove();
});

async function workbookFile(name: string, bytes?: Uint8Array): Promise<string> {
  const path = join(harness.folder, name);
  await writeFile(path, bytes ?? (await newWorkbookBytes()));
  return path;
}

describe('the desktop bridge', () => {
  test('is there only where the preload put it', () => {
    expect(desktopBridge({})).toBeNull();
    expect(isDesktop({})).toBe(false);
    const bridge = bridgeOver(harness);
    expect(desktopBridge({ creditWorkbench: bridge })).toBe(bridge);
    expect(desktopBridge()).toBeNull();
  });
});

describe('the page in the desktop window', () => {
  test('with nothing to open at startup, keeps the browser start and has nothing unsaved', async () => {
    await start();
    expect(store.getState().workbookStatus).toBe('Browser start.');
    expect(session?.hasUnsavedChanges()).toBe(false);
    expect(menuListeners).toHaveLength(1);
  });

  test('opens the file named at launch, and tells main once it is changed', async () => {
    const path = await workbookFile('team.cwb');
    harness.session.path = path;
    startup = { kind: 'file', document: { path, name: 'team.cwb', bytes: new Uint8Array(await readFile(path)) } };
    await start();
    expect(store.getState().workbookStatus).toBe('Workbook opened from "team.cwb".');
    expect(harness.session.unsaved).toBe(false);
    editWorkbook();
    expect(session?.hasUnsavedChanges()).toBe(true);
    expect(harness.session.unsaved).toBe(true);
  });

  test('Save writes the workbook to its file and clears the unsaved mark on both sides', async () => {
    const path = await workbookFile('team.cwb');
    harness.dialogs.answers.openPath = path;
    await start();
    await session?.handle({ command: 'open' });
    editWorkbook();
    await session?.handle({ command: 'save', thenClose: false });
    expect(store.getState().workbookStatus).toBe('Saved to "team.cwb" (TIME).');
    expect(harness.session.unsaved).toBe(false);
    expect(session?.hasUnsavedChanges()).toBe(false);
    const onDisk = openWorkbook(new Uint8Array(await readFile(path)), sqlJs);
    if (!onDisk.ok) throw new Error(onDisk.problem.message);
    expect(readPriceBookVersion(onDisk.value.workbook, testBook().id, null).ok).toBe(true);
    closeWorkbook(onDisk.value.workbook);
  });

  test('a menu command from main reaches the session through the bridge listener', async () => {
    await start();
    harness.dialogs.answers.savePath = join(harness.folder, 'via-menu.cwb');
    editWorkbook();
    menuListeners[0]({ command: 'save', thenClose: false });
    await session?.handle({ command: 'import-usage' });
    expect(store.getState().workbookStatus).toBe('Saved to "via-menu.cwb" (TIME).');
    expect(store.getState().screen).toBe('import');
  });

  test('opening over unsaved changes asks: Cancel keeps them, Don’t Save opens the other file', async () => {
    const other = await workbookFile('other.cwb');
    harness.dialogs.answers.openPath = other;
    await start();
    editWorkbook();
    harness.dialogs.answers.unsaved = 'cancel';
    await session?.handle({ command: 'open' });
    expect(harness.dialogs.asked).toEqual(['unsaved Untitled.cwb replace']);
    expect(bookIds()).toEqual([testBook().id]);
    harness.dialogs.answers.unsaved = 'discard';
    await session?.handle({ command: 'open' });
    expect(store.getState().workbookStatus).toBe('Workbook opened from "other.cwb".');
    expect(bookIds()).toEqual([]);
    expect(session?.hasUnsavedChanges()).toBe(false);
  });

  test('a file that does not open is said on the page too, and the workbook stays', async () => {
    harness.dialogs.answers.openPath = await workbookFile('notes.cwb', NOT_A_WORKBOOK);
    await start();
    const before = store.getState().workbook;
    await session?.handle({ command: 'open' });
    expect(store.getState().workbookProblem).toBe('"notes.cwb" could not be opened. The file is not a Credit Workbench workbook: it is not an SQLite database.');
    expect(store.getState().workbook).toBe(before);
  });

  test('an older workbook opens upgraded and says its original will be kept', async () => {
    harness.dialogs.answers.openPath = await workbookFile('old.cwb', WORKBOOK_V1_BYTES);
    await start();
    await session?.handle({ command: 'open' });
    expect(store.getState().workbookStatus).toBe('Workbook opened from "old.cwb". It was upgraded from schema version 1; the original is kept beside it when you first save.');
  });

  test('a restored recovery copy opens as unsaved changes to its file', async () => {
    const path = await workbookFile('team.cwb');
    harness.session.path = path;
    harness.session.unsaved = true;
    startup = { kind: 'recovered', document: { path, name: 'team.cwb', bytes: await newWorkbookBytes() }, recoveredAtMs: 0 };
    await start();
    expect(store.getState().workbookStatus).toBe('Recovered the unsaved changes to "team.cwb" from TIME; save to keep them.');
    expect(session?.hasUnsavedChanges()).toBe(true);
  });

  test('while unsaved, a recovery copy is written each interval the workbook changed in, and not after a save', async () => {
    await start();
    recoveryTick?.();
    await new Promise((done) => setTimeout(done, 20));
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
    editWorkbook();
    recoveryTick?.();
    await expect.poll(() => findRecoveryCopy(harness.recoveryFolder)).not.toBeNull();
    harness.dialogs.answers.savePath = join(harness.folder, 'saved.cwb');
    await session?.handle({ command: 'save', thenClose: false });
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
    recoveryTick?.();
    await new Promise((done) => setTimeout(done, 20));
    expect(await findRecoveryCopy(harness.recoveryFolder)).toBeNull();
  });

  test('New from scenario starts an untitled workbook on the Workbook screen; its save asks where', async () => {
    const path = await workbookFile('team.cwb');
    harness.dialogs.answers.openPath = path;
    await start();
    await session?.handle({ command: 'open' });
    store.getState().showScreen('compare');
    await session?.handle({ command: 'new-from-scenario' });
    expect(store.getState().screen).toBe('workbook');
    expect(store.getState().workbookStatus).toBe('New workbook: build one of the built-in scenarios into it, then save it.');
    expect(harness.session.path).toBeNull();
    await session?.handle({ command: 'save', thenClose: false });
    expect(harness.dialogs.asked.at(-1)).toBe('save as Untitled.cwb');
  });

  test('Export price book brings the Export screen forward', async () => {
    await start();
    await session?.handle({ command: 'export-price-book' });
    expect(store.getState().screen).toBe('export');
  });

  test('stopping stops listening and writing recovery copies', async () => {
    await start();
    session?.stop();
    expect(menuListeners).toEqual([]);
    expect(recoveryTick).toBeNull();
    session = null;
  });
});
