// What the user is editing and has not saved: the draft of the price book open in the editor (with its undo
// history) and the drafts of books opened before and set aside, and the rebalancing of burns on the Rebalance
// screen. Drafts belong to the workbook they were opened from; when another workbook is opened they are dropped,
// since its books differ. Only the pure modules under screens/editor and screens/rebalance change a book; this slice
// keeps the results. Exports are not kept here: they are recorded in the workbook (screens/export/export-record.ts).

import type { StateCreator } from 'zustand';
import type { PriceBook } from '../../core/engine/price-book/model';
import type { Workbook } from '../../core/workbook/workbook';
import { createHistory, recordEdit, redo, undo, type EditHistory, type EditMark } from '../screens/editor/edit-history';
import type { WorkbenchState } from './store';

export interface EditorDraft {
  /** The book's id in the workbook ("ai-platform"). */
  bookId: string;
  /** The version the draft started from or was last saved as; null for a book not yet in the workbook. */
  baseVersionNumber: number | null;
  /** The draft itself is `history.present`. */
  history: EditHistory<PriceBook>;
}

/** How a draft starts: from a stored version (or a new book, with no version). */
export interface DraftStart {
  bookId: string;
  baseVersionNumber: number | null;
  book: PriceBook;
}

/** Burns being rebalanced: edited copies of book versions, replayed against the baseline over a dataset. */
export interface RebalanceDraft {
  baselineVersionId: number | null;
  datasetId: number | null;
  /** Version ids whose rebalanced copies are compared with the baseline, in the order picked. */
  versionIds: number[];
  /** The rebalanced copy of each version in play, by version id; absent means "as saved". */
  books: Record<number, PriceBook>;
}

export interface EditorState {
  /** The workbook the drafts belong to. */
  workbook: Workbook | null;
  /** The draft open in the editor. */
  draft: EditorDraft | null;
  /** Drafts of other books, set aside when another book was opened, by book id. */
  parked: Record<string, EditorDraft>;
  rebalance: RebalanceDraft;
}

export interface EditorSlice {
  editor: EditorState;
  /** Drops every draft when `workbook` is not the one they were made in. */
  editorFollowWorkbook(workbook: Workbook | null): void;
  /** Opens a book in the editor: its set-aside draft when it has one, else a new draft from `start`. */
  openEditorDraft(start: DraftStart): void;
  /** Drops the open draft and its unsaved changes. */
  closeEditorDraft(): void;
  /** Makes `start` the draft of its book and opens it; an open draft of that book keeps its undo history. */
  replaceEditorDraft(start: DraftStart): void;
  /** Applies a pure edit to the open draft; `mark` merges keystrokes in one field into one undo step. */
  editDraft(change: (book: PriceBook) => PriceBook, mark?: EditMark): void;
  undoDraftEdit(): void;
  redoDraftEdit(): void;
  /** The open draft was saved as `versionNumber`: unsaved changes are now counted from it. */
  draftSaved(versionNumber: number): void;
  setRebalance(change: (draft: RebalanceDraft) => RebalanceDraft): void;
}

export const EMPTY_REBALANCE: RebalanceDraft = { baselineVersionId: null, datasetId: null, versionIds: [], books: {} };

const EMPTY_EDITOR: EditorState = { workbook: null, draft: null, parked: {}, rebalance: EMPTY_REBALANCE };

function newDraft(start: DraftStart): EditorDraft {
  return { bookId: start.bookId, baseVersionNumber: start.baseVersionNumber, history: createHistory(start.book) };
}

/** The editor with `draft` open and the previously open one set aside. */
function withOpenDraft(editor: EditorState, draft: EditorDraft): EditorState {
  const parked = { ...editor.parked };
  if (editor.draft !== null && editor.draft.bookId !== draft.bookId) parked[editor.draft.bookId] = editor.draft;
  delete parked[draft.bookId];
  return { ...editor, draft, parked };
}

export const createEditorSlice: StateCreator<WorkbenchState, [], [], EditorSlice> = (set, get) => {
  const changeHistory = (change: (history: EditHistory<PriceBook>) => EditHistory<PriceBook>): void => {
    const { editor } = get();
    if (editor.draft === null) return;
    const history = change(editor.draft.history);
    if (history !== editor.draft.history) set({ editor: { ...editor, draft: { ...editor.draft, history } } });
  };

  return {
    editor: EMPTY_EDITOR,
    editorFollowWorkbook: (workbook) => {
      if (get().editor.workbook !== workbook) set({ editor: { ...EMPTY_EDITOR, workbook } });
    },
    openEditorDraft: (start) => {
      const { editor } = get();
      if (editor.draft?.bookId === start.bookId) return;
      set({ editor: withOpenDraft(editor, editor.parked[start.bookId] ?? newDraft(start)) });
    },
    closeEditorDraft: () => set((state) => ({ editor: { ...state.editor, draft: null } })),
    replaceEditorDraft: (start) => {
      const { editor } = get();
      const existing = editor.draft?.bookId === start.bookId ? editor.draft : editor.parked[start.bookId];
      const draft =
        existing === undefined || existing === null
          ? newDraft(start)
          : { ...existing, baseVersionNumber: start.baseVersionNumber, history: recordEdit(existing.history, start.book) };
      set({ editor: withOpenDraft(editor, draft) });
    },
    editDraft: (change, mark) => changeHistory((history) => recordEdit(history, change(history.present), mark)),
    undoDraftEdit: () => changeHistory(undo),
    redoDraftEdit: () => changeHistory(redo),
    draftSaved: (versionNumber) => {
      const { editor } = get();
      if (editor.draft !== null) set({ editor: { ...editor, draft: { ...editor.draft, baseVersionNumber: versionNumber } } });
    },
    setRebalance: (change) => {
      const { editor } = get();
      const rebalance = change(editor.rebalance);
      if (rebalance !== editor.rebalance) set({ editor: { ...editor, rebalance } });
    },
  };
};
