// The workbench's one zustand store, built from slices: workbook, runs, ui (this module's owner) and editor (the
// price book editor's). Components read it with narrow selectors through `useWorkbench`; tests build their own
// store with `createWorkbenchStore` so no test sees another's state.

import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice, type EditorSlice } from './editor-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createWorkbookSlice, type WorkbookSlice } from './workbook-slice';

export type WorkbenchState = WorkbookSlice & RunsSlice & UiSlice & EditorSlice;

export type WorkbenchStore = StoreApi<WorkbenchState>;

export function createWorkbenchStore(): WorkbenchStore {
  return createStore<WorkbenchState>()((...parts) => ({
    ...createWorkbookSlice(...parts),
    ...createRunsSlice(...parts),
    ...createUiSlice(...parts),
    ...createEditorSlice(...parts),
  }));
}

/** The page's store. */
export const workbenchStore: WorkbenchStore = createWorkbenchStore();

/** Reads one narrow piece of the page's store; the component re-renders only when that piece changes. */
export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(workbenchStore, selector);
}
