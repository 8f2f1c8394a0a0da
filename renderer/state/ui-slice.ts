// What the shell shows: the screen in front, and what a screen keeps while the user looks at another (the import's
// picked files, mapping, progress and outcome). Screens are named by one id each, in the order the nav lists them.

import type { StateCreator } from 'zustand';
import type { ImportOutcome } from '../screens/import/import-actions';
import type { PickedFile } from '../screens/import/UsageFilePanel';
import type { WorkbenchState } from './store';

export const SCREEN_IDS = ['workbook', 'import', 'editor', 'compare', 'rebalance', 'finance', 'export'] as const;

export type ScreenId = (typeof SCREEN_IDS)[number];

export interface ImportDraft {
  customers: PickedFile | null;
  events: PickedFile | null;
  name: string;
  progress: { bytesDone: number; bytesTotal: number; file: 'customers' | 'events' } | null;
  outcome: ImportOutcome | null;
  /** A picked file could not be read. */
  readProblem: string | null;
}

export const EMPTY_IMPORT: ImportDraft = { customers: null, events: null, name: '', progress: null, outcome: null, readProblem: null };

export interface UiSlice {
  screen: ScreenId;
  importDraft: ImportDraft;
  showScreen(screen: ScreenId): void;
  updateImport(change: Partial<ImportDraft> | ((draft: ImportDraft) => Partial<ImportDraft>)): void;
}

export function isScreenId(text: string): text is ScreenId {
  return (SCREEN_IDS as readonly string[]).includes(text);
}

export const createUiSlice: StateCreator<WorkbenchState, [], [], UiSlice> = (set) => ({
  screen: 'workbook',
  importDraft: EMPTY_IMPORT,
  showScreen: (screen) => set({ screen }),
  updateImport: (change) =>
    set((state) => ({ importDraft: { ...state.importDraft, ...(typeof change === 'function' ? change(state.importDraft) : change) } })),
});
