// Connects the page's workbook to a file on disk when it runs in the desktop window. The page owns the workbook; the
// file it belongs to, the dialogs and the disk belong to main, reached only through the bridge. "Unsaved" means
// changed since the file was last opened or saved (the workbook's revision past the file's), and main is told each
// time that flips. While unsaved, a recovery copy goes to main every few minutes. Menu commands arrive here: open and
// "new from scenario" ask before unsaved changes would be lost; import and export bring their screens forward.

import { createWorkbook, exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import type { SqlJsStatic } from '../../core/workbook/workbook';
import {
  RECOVERY_INTERVAL_MS,
  type CreditWorkbenchApi,
  type DesktopResult,
  type MenuCommand,
  type SavedWorkbook,
  type WorkbookDocument,
} from '../../electron/ipc-contract';
import type { WorkbenchStore } from '../state/store';

export interface IntervalTimers {
  setInterval(work: () => void, everyMs: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DesktopSessionOptions {
  sqlJs: SqlJsStatic;
  timers?: IntervalTimers;
  recoveryIntervalMs?: number;
  /** Formats a time for the status line; the page's own format by default. */
  formatTime?: (ms: number) => string;
}

export interface DesktopSession {
  /** Does what a menu command asks; resolves when it is done (or refused). */
  handle(command: MenuCommand): Promise<void>;
  /** True while the workbook holds changes its file does not. */
  hasUnsavedChanges(): boolean;
  stop(): void;
}

const defaultTimers: IntervalTimers = {
  setInterval: (work, everyMs) => globalThis.setInterval(work, everyMs),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};

function defaultFormatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/**
 * Starts the desktop session over a page whose workbook is already open (the browser's start): listens for menu
 * commands, then opens what main has for the window (a file from the command line, or a restored recovery copy).
 */
export async function startDesktopSession(bridge: CreditWorkbenchApi, store: WorkbenchStore, options: DesktopSessionOptions): Promise<DesktopSession> {
  const timers = options.timers ?? defaultTimers;
  const formatTime = options.formatTime ?? defaultFormatTime;
  /** The workbook revision the file holds. */
  let fileRevision = store.getState().workbookRevision;
  let reportedUnsaved = false;
  let recoveredRevision = -1;
  let busy: Promise<void> = Promise.resolve();

  const hasUnsavedChanges = (): boolean => store.getState().workbook !== null && store.getState().workbookRevision > fileRevision;

  function report(): void {
    const unsaved = hasUnsavedChanges();
    if (unsaved === reportedUnsaved) return;
    reportedUnsaved = unsaved;
    bridge.setUnsavedChanges(unsaved);
  }

  function notice(status: string | null, problem: string | null): void {
    store.getState().workbookNoticed(status, problem);
  }

  /** Puts opened bytes in front; `unsaved`: they are not what the file holds (a recovery copy). */
  function show(document: WorkbookDocument, status: (upgradedFrom: number | null) => string, unsaved: boolean): boolean {
    const opened = openWorkbook(document.bytes, options.sqlJs);
    if (!opened.ok) {
      notice(null, `"${document.name}" was not opened. ${opened.problem.message}`);
      return false;
    }
    store.getState().workbookOpened({
      workbook: opened.value.workbook,
      status: status(opened.value.upgradedFrom),
      problem: null,
      rescueBytes: null,
      stored: false,
      savedAtMs: null,
    });
    fileRevision = store.getState().workbookRevision - (unsaved ? 1 : 0);
    report();
    return true;
  }

  function openedStatus(document: WorkbookDocument): (upgradedFrom: number | null) => string {
    return (upgradedFrom) =>
      `Workbook opened from "${document.name}".${upgradedFrom === null ? '' : ` It was upgraded from schema version ${upgradedFrom}; the original is kept beside it when you first save.`}`;
  }

  async function save(how: 'save' | 'save-as'): Promise<boolean> {
    const { workbook, workbookRevision } = store.getState();
    if (workbook === null) return false;
    const bytes = exportWorkbook(workbook);
    const saved: DesktopResult<SavedWorkbook> = how === 'save' ? await bridge.saveWorkbook(bytes) : await bridge.saveWorkbookAs(bytes);
    if (!saved.ok) {
      if (saved.problem.code !== 'cancelled') notice(null, saved.problem.message);
      return false;
    }
    fileRevision = Math.max(fileRevision, workbookRevision);
    const backup = saved.value.backupPath === null ? '' : ` The original from before the upgrade is kept as ${saved.value.backupPath}.`;
    notice(`Saved to "${saved.value.name}" (${formatTime(saved.value.savedAtMs)}).${backup}`, null);
    report();
    return true;
  }

  /** Before replacing the workbook: true when nothing unsaved would be lost (saved first, or let go). */
  async function mayReplace(): Promise<boolean> {
    if (!hasUnsavedChanges()) return true;
    const decision = await bridge.confirmDiscardChanges();
    if (!decision.ok || decision.value === 'cancel') return false;
    return decision.value === 'discard' || (await save('save'));
  }

  async function open(opening: () => Promise<DesktopResult<WorkbookDocument>>): Promise<void> {
    if (!(await mayReplace())) return;
    const opened = await opening();
    if (!opened.ok) {
      if (opened.problem.code !== 'cancelled') notice(null, opened.problem.message);
      return;
    }
    show(opened.value, openedStatus(opened.value), false);
  }

  async function newFromScenario(): Promise<void> {
    if (!(await mayReplace())) return;
    const started = await bridge.newWorkbook();
    if (!started.ok) return notice(null, started.problem.message);
    const workbook = createWorkbook(options.sqlJs);
    store.getState().workbookOpened({
      workbook,
      status: 'New workbook: build one of the built-in scenarios into it, then save it.',
      problem: null,
      rescueBytes: null,
      stored: false,
      savedAtMs: null,
    });
    fileRevision = store.getState().workbookRevision;
    report();
    store.getState().showScreen('workbook');
  }

  async function run(command: MenuCommand): Promise<void> {
    switch (command.command) {
      case 'open':
        return open(() => bridge.openWorkbook());
      case 'open-path':
        return open(() => bridge.openWorkbookAt(command.path));
      case 'save':
        await save('save');
        return;
      case 'save-as':
        await save('save-as');
        return;
      case 'new-from-scenario':
        return newFromScenario();
      case 'import-usage':
        return store.getState().showScreen('import');
      case 'export-price-book':
        return store.getState().showScreen('export');
    }
  }

  /** Commands run one at a time, in order: a save asked for while an open is in its dialog waits for it. */
  function handle(command: MenuCommand): Promise<void> {
    busy = busy.then(() => run(command)).catch((error: unknown) => notice(null, `That did not work: ${error instanceof Error ? error.message : String(error)}`));
    return busy;
  }

  async function writeRecovery(): Promise<void> {
    const { workbook, workbookRevision } = store.getState();
    if (workbook === null || !hasUnsavedChanges() || workbookRevision === recoveredRevision) return;
    const written = await bridge.writeRecoveryCopy(exportWorkbook(workbook));
    if (written.ok) recoveredRevision = workbookRevision;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workbookRevision !== previous.workbookRevision) report();
  });
  const stopListening = bridge.onMenuCommand((command) => void handle(command));
  const interval = timers.setInterval(() => void writeRecovery(), options.recoveryIntervalMs ?? RECOVERY_INTERVAL_MS);

  const startup = await bridge.startupDocument();
  if (!startup.ok) notice(null, startup.problem.message);
  else if (startup.value.kind === 'file') show(startup.value.document, openedStatus(startup.value.document), false);
  else if (startup.value.kind === 'recovered') {
    const { document, recoveredAtMs } = startup.value;
    show(document, () => `Recovered the unsaved changes to "${document.name}" from ${formatTime(recoveredAtMs)}; save to keep them.`, true);
  }

  return {
    handle,
    hasUnsavedChanges,
    stop: () => {
      unsubscribe();
      stopListening();
      timers.clearInterval(interval);
    },
  };
}

