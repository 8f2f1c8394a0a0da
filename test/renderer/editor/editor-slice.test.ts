import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../../cli/file-store/sql-js-node';
import { createWorkbook } from '../../../core/workbook/open-workbook';
import { setFeatureBurn, setPlanText } from '../../../renderer/screens/editor/book-edits';
import { createWorkbenchStore } from '../../../renderer/state/store';
import { cleanBook } from '../../price-book/book-edits';

function storeWithDraft() {
  const store = createWorkbenchStore();
  store.getState().openEditorDraft({ bookId: 'test-book', baseVersionNumber: 1, book: cleanBook() });
  return store;
}

const present = (store: ReturnType<typeof createWorkbenchStore>) => store.getState().editor.draft?.history.present;

describe('the editor slice', () => {
  test('edits change the open draft; undo and redo walk its history', () => {
    const store = storeWithDraft();
    store.getState().editDraft((book) => setFeatureBurn(book, 0, '0'));
    expect(present(store)?.features[0].burnPerUnit).toBe('0');
    store.getState().undoDraftEdit();
    expect(present(store)?.features[0].burnPerUnit).toBe('1');
    store.getState().redoDraftEdit();
    expect(present(store)?.features[0].burnPerUnit).toBe('0');
  });

  test('an edit that changes nothing leaves the state as it was', () => {
    const store = storeWithDraft();
    const before = store.getState().editor;
    store.getState().editDraft((book) => book);
    store.getState().undoDraftEdit();
    expect(store.getState().editor).toBe(before);
  });

  test('opening another book sets the open draft aside, and reopening it brings its edits back', () => {
    const store = storeWithDraft();
    store.getState().editDraft((book) => setPlanText(book, 0, 'fee', '59'));
    store.getState().openEditorDraft({ bookId: 'other', baseVersionNumber: 1, book: { ...cleanBook(), id: 'other' } });
    expect(store.getState().editor.draft?.bookId).toBe('other');
    store.getState().openEditorDraft({ bookId: 'test-book', baseVersionNumber: 1, book: cleanBook() });
    expect(present(store)?.plans[0].fee).toBe('59');
    expect(Object.keys(store.getState().editor.parked)).toEqual(['other']);
  });

  test('a replaced draft is one more undo step; saving moves the base version', () => {
    const store = storeWithDraft();
    store.getState().replaceEditorDraft({ bookId: 'test-book', baseVersionNumber: 1, book: setFeatureBurn(cleanBook(), 0, '2') });
    expect(present(store)?.features[0].burnPerUnit).toBe('2');
    store.getState().draftSaved(2);
    expect(store.getState().editor.draft?.baseVersionNumber).toBe(2);
    store.getState().undoDraftEdit();
    expect(present(store)?.features[0].burnPerUnit).toBe('1');
  });

  test('drafts are dropped when another workbook is opened', async () => {
    const store = storeWithDraft();
    const sqlJs = await loadSqlJs();
    store.getState().editorFollowWorkbook(createWorkbook(sqlJs));
    expect(store.getState().editor.draft).toBeNull();
    store.getState().openEditorDraft({ bookId: 'test-book', baseVersionNumber: 1, book: cleanBook() });
    const same = store.getState().editor.workbook;
    store.getState().editorFollowWorkbook(same);
    expect(store.getState().editor.draft?.bookId).toBe('test-book');
  });
});
