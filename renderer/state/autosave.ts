// Keeps the stored workbook up to date: a save follows each change after a short quiet spell (a burst of edits is one
// save), and `saveNow` (Ctrl/Cmd+S) saves at once. One save runs at a time; a change made meanwhile is saved after it.
// While stored bytes that could not be opened are waiting to be rescued, only an explicit save writes over them.

import { exportWorkbook } from '../../core/workbook/open-workbook';
import { markStep } from '../app/step-marks';
import type { WorkbookStore } from '../storage/workbook-persistence';
import type { WorkbenchStore } from './store';

export const AUTOSAVE_DELAY_MS = 600;

export interface AutosaveTimers {
  setTimeout(work: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Autosave {
  /** Saves the current workbook now, whatever is pending; resolves once it is stored or has failed. */
  saveNow(): Promise<void>;
  /** Stops watching the store (a pending save is dropped). */
  stop(): void;
}

export function startAutosave(
  store: WorkbenchStore,
  storage: WorkbookStore,
  options: { delayMs?: number; timers?: AutosaveTimers } = {},
): Autosave {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const timers: AutosaveTimers = options.timers ?? {
    setTimeout: (work, ms) => globalThis.setTimeout(work, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  };
  let pending: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function save(): Promise<void> {
    const state = store.getState();
    const { workbook } = state;
    if (workbook === null) return;
    const revision = state.workbookRevision;
    state.saveStarted();
    markStep('autosave:started');
    const bytes = exportWorkbook(workbook);
    markStep('autosave:exported');
    // The export and the store's copy of a large workbook each hold the page's thread a few hundred ms: two tasks,
    // with a chance to draw and answer input between them, rather than one twice as long.
    await new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));
    const saved = await storage.save(bytes);
    markStep('autosave:stored');
    if (saved.ok) store.getState().saveSucceeded(revision, saved.value.savedAtMs);
    else store.getState().saveFailed(saved.problem.message);
  }

  function run(): Promise<void> {
    if (running !== null) {
      again = true;
      return running;
    }
    running = save().finally(() => {
      running = null;
      if (again) {
        again = false;
        schedule();
      }
    });
    return running;
  }

  function schedule(): void {
    const state = store.getState();
    if (state.rescueBytes !== null || state.workbookRevision <= state.savedRevision) return;
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = null;
      void run();
    }, delayMs);
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.workbookRevision !== previous.workbookRevision) schedule();
  });

  return {
    saveNow: async () => {
      if (pending !== null) {
        timers.clearTimeout(pending);
        pending = null;
      }
      // An explicit save is the user's choice to keep this workbook over unreadable stored bytes.
      store.getState().rescueDeclined();
      if (running !== null) await running;
      await run();
    },
    stop: () => {
      unsubscribe();
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
