// The price book editor's state (owned by the editor screen): which book is open and its unsaved draft.
// Minimal here; the editor grows it (undo and redo, validation) without other slices depending on its inside.

import type { StateCreator } from 'zustand';
import type { PriceBook } from '../../core/engine/price-book/model';
import type { WorkbenchState } from './store';

export interface EditorDraft {
  /** The book's id in the workbook ("ai-platform"). */
  bookId: string;
  /** The version the draft started from; null for a book not yet in the workbook. */
  baseVersionNumber: number | null;
  book: PriceBook;
}

export interface EditorSlice {
  editor: { draft: EditorDraft | null };
  openEditorDraft(draft: EditorDraft): void;
  closeEditorDraft(): void;
}

export const createEditorSlice: StateCreator<WorkbenchState, [], [], EditorSlice> = (set) => ({
  editor: { draft: null },
  openEditorDraft: (draft) => set((state) => ({ editor: { ...state.editor, draft } })),
  closeEditorDraft: () => set((state) => ({ editor: { ...state.editor, draft: null } })),
});
