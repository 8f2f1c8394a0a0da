// The workbook the page works on, what the page says about it, and whether its latest change is saved. Every change
// to the workbook's contents goes through `workbookChanged`, which bumps `workbookRevision`: lists re-read from it
// and the autosave saves it. `shownRevision` counts every outcome the page shows, so a test can wait for an action to
// have been taken in rather than guess with a delay.

import type { StateCreator } from 'zustand';
import { closeWorkbook } from '../../core/workbook/open-workbook';
import type { Workbook } from '../../core/workbook/workbook';
import type { WorkbenchState } from './store';

/** opening: nothing to work on yet; busy: a long step (upload, building a scenario) is under way; failed: no start. */
export type WorkbookActivity = 'opening' | 'ready' | 'busy' | 'failed';

export type SaveState =
  | { kind: 'saved'; savedAtMs: number | null }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export interface OpenedWorkbookState {
  workbook: Workbook;
  status: string;
  problem: string | null;
  /** Stored bytes that could not be opened; offered as a download, and never saved over without the user asking. */
  rescueBytes: Uint8Array | null;
  /** When the workbook as opened is the one in storage (null savedAtMs: not stored yet). */
  stored: boolean;
  savedAtMs: number | null;
}

export interface WorkbookSlice {
  workbook: Workbook | null;
  workbookRevision: number;
  /** The revision the latest successful save wrote. */
  savedRevision: number;
  saveState: SaveState;
  shownRevision: number;
  workbookActivity: WorkbookActivity;
  workbookStatus: string;
  workbookProblem: string | null;
  rescueBytes: Uint8Array | null;
  /** Replaces the workbook (closing the previous one). */
  workbookOpened(opened: OpenedWorkbookState): void;
  /** The workbook's contents changed; `status` (when given) says what happened. */
  workbookChanged(status: string | null): void;
  /** Says something about the workbook without changing it; null problem clears the last one. */
  workbookNoticed(status: string | null, problem: string | null): void;
  setWorkbookActivity(activity: WorkbookActivity): void;
  /** The user chose to keep the current workbook over the unreadable stored one. */
  rescueDeclined(): void;
  saveStarted(): void;
  saveSucceeded(revision: number, savedAtMs: number): void;
  saveFailed(message: string): void;
}

export const createWorkbookSlice: StateCreator<WorkbenchState, [], [], WorkbookSlice> = (set, get) => ({
  workbook: null,
  workbookRevision: 0,
  savedRevision: 0,
  saveState: { kind: 'saved', savedAtMs: null },
  shownRevision: 0,
  workbookActivity: 'opening',
  workbookStatus: 'Opening the workbook…',
  workbookProblem: null,
  rescueBytes: null,
  workbookOpened: (opened) => {
    const previous = get().workbook;
    if (previous !== null && previous !== opened.workbook) closeWorkbook(previous);
    set((state) => {
      // A new revision, so lists re-read; counted as saved when it is what storage holds.
      const revision = state.workbookRevision + 1;
      return {
        workbook: opened.workbook,
        workbookRevision: revision,
        savedRevision: opened.stored ? revision : state.savedRevision,
        saveState: opened.stored ? { kind: 'saved', savedAtMs: opened.savedAtMs } : { kind: 'unsaved' },
        shownRevision: state.shownRevision + 1,
        workbookStatus: opened.status,
        workbookProblem: opened.problem,
        rescueBytes: opened.rescueBytes,
      };
    });
  },
  workbookChanged: (status) =>
    set((state) => ({
      workbookRevision: state.workbookRevision + 1,
      saveState: { kind: 'unsaved' },
      shownRevision: state.shownRevision + 1,
      workbookStatus: status ?? state.workbookStatus,
      workbookProblem: null,
    })),
  workbookNoticed: (status, problem) =>
    set((state) => ({
      shownRevision: state.shownRevision + 1,
      workbookStatus: status ?? state.workbookStatus,
      workbookProblem: problem,
    })),
  setWorkbookActivity: (workbookActivity) => set({ workbookActivity }),
  rescueDeclined: () => set({ rescueBytes: null }),
  saveStarted: () => set({ saveState: { kind: 'saving' } }),
  saveSucceeded: (revision, savedAtMs) =>
    set((state) => ({
      savedRevision: Math.max(state.savedRevision, revision),
      // A change made while saving is still unsaved.
      saveState: revision >= state.workbookRevision ? { kind: 'saved', savedAtMs } : { kind: 'unsaved' },
    })),
  saveFailed: (message) => set({ saveState: { kind: 'failed', message } }),
});
