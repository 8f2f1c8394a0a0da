import { describe, expect, test } from 'vitest';
import { exportPriceBook } from '../../../core/engine/price-book/export';
import type { PriceBook } from '../../../core/engine/price-book/model';
import { exportWorkbook, openWorkbook } from '../../../core/workbook/open-workbook';
import { lastPriceBookExport, listPriceBookExports } from '../../../core/workbook/repositories/price-book-exports';
import { addPriceBookVersion } from '../../../core/workbook/repositories/price-books';
import type { Workbook } from '../../../core/workbook/workbook';
import { setFeatureBurn } from '../../../renderer/screens/editor/book-edits';
import { recordExportInWorkbook } from '../../../renderer/screens/export/export-actions';
import { EXPORT_HISTORY_LENGTH, exportHistory } from '../../../renderer/screens/export/export-history';
import { compareWithLastExport, exportInForm, recordExport } from '../../../renderer/screens/export/export-record';
import { DRAFT_SOURCE_ID, sourceVersionId } from '../../../renderer/screens/export/export-sources';
import { createWorkbenchStore, type WorkbenchStore } from '../../../renderer/state/store';
import { cleanBook } from '../../price-book/book-edits';
import { freshWorkbook, sqlJs, valueOf } from '../../workbook/workbook-support';

const AT = Date.UTC(2025, 6, 1, 9, 30);

function exported(book: PriceBook, form: 'book' | 'envelope' = 'book') {
  const result = exportInForm(book, form);
  if (!result.ok) throw new Error(result.errors[0].message);
  return result;
}

function contentHash(book: PriceBook): string {
  const result = exportPriceBook(book);
  if (!result.ok) throw new Error(result.errors[0].message);
  return result.contentHash;
}

async function storeWithBook(): Promise<{ store: WorkbenchStore; workbook: Workbook; versionId: number }> {
  const workbook = await freshWorkbook();
  const versionId = valueOf(addPriceBookVersion(workbook, cleanBook(), { createdAtMs: AT, note: '' })).version.versionId;
  const store = createWorkbenchStore();
  store.getState().workbookOpened({ workbook, status: '', problem: null, rescueBytes: null, stored: true, savedAtMs: 0 });
  return { store, workbook, versionId };
}

describe('exports recorded in the workbook', () => {
  test('recording an export writes its row and marks the workbook changed, so the autosave keeps it', async () => {
    const { store, workbook, versionId } = await storeWithBook();
    const revision = store.getState().workbookRevision;
    const record = recordExport(cleanBook(), exported(cleanBook()), { form: 'book', via: 'file', exportedAtMs: AT, versionId });
    const recorded = valueOf(recordExportInWorkbook(store, record));
    expect(recorded).toEqual({ ...record, id: 1 });
    expect(store.getState().workbookRevision).toBe(revision + 1);
    expect(store.getState().saveState).toEqual({ kind: 'unsaved' });
    expect(valueOf(lastPriceBookExport(workbook, 'test-book'))).toEqual(recorded);
  });

  test('a record the workbook refuses changes nothing and says why', async () => {
    const { store, workbook } = await storeWithBook();
    const revision = store.getState().workbookRevision;
    const record = recordExport(cleanBook(), exported(cleanBook()), { form: 'book', via: 'file', exportedAtMs: AT, versionId: 99 });
    const refused = recordExportInWorkbook(store, record);
    expect(refused).toEqual({ ok: false, problem: { code: 'price_book_version_not_found', message: 'The workbook has no price book version with id 99.' } });
    expect(store.getState().workbookRevision).toBe(revision);
    expect(store.getState().saveState.kind).toBe('saved');
    expect(listPriceBookExports(workbook)).toEqual([]);
  });

  test('the diff to the last export reads the export recorded before the workbook was saved and reopened', async () => {
    const { store, workbook, versionId } = await storeWithBook();
    valueOf(recordExportInWorkbook(store, recordExport(cleanBook(), exported(cleanBook(), 'envelope'), { form: 'envelope', via: 'clipboard', exportedAtMs: AT, versionId })));
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    const changed = setFeatureBurn(cleanBook(), 0, '1.2');
    const last = valueOf(lastPriceBookExport(reopened, 'test-book'));
    const comparison = compareWithLastExport(last, changed, contentHash(changed));
    expect(comparison.kind === 'changed' && comparison.changes.map((change) => change.summary)).toEqual(['Feature "tokens": burn per unit 1 → 1.2 credits (+20.00%)']);
    expect(compareWithLastExport(last, cleanBook(), contentHash(cleanBook())).kind).toBe('same-as-last');
  });
});

describe('which stored version an export is', () => {
  test('a picked version is that version; the draft is the version with its very text, or none', async () => {
    const { workbook, versionId } = await storeWithBook();
    expect(sourceVersionId(workbook, `version:${versionId}`, 'test-book', contentHash(cleanBook()))).toBe(versionId);
    expect(sourceVersionId(workbook, DRAFT_SOURCE_ID, 'test-book', contentHash(cleanBook()))).toBe(versionId);
    const edited = setFeatureBurn(cleanBook(), 0, '3');
    expect(sourceVersionId(workbook, DRAFT_SOURCE_ID, 'test-book', contentHash(edited))).toBeNull();
    expect(sourceVersionId(workbook, DRAFT_SOURCE_ID, 'not-stored', contentHash(edited))).toBeNull();
  });
});

describe("the book's past exports", () => {
  test('list when, the hash prefix, the file name and how each left, newest first', async () => {
    const { store, workbook, versionId } = await storeWithBook();
    const draft = setFeatureBurn(cleanBook(), 0, '2');
    valueOf(recordExportInWorkbook(store, recordExport(cleanBook(), exported(cleanBook()), { form: 'book', via: 'file', exportedAtMs: AT, versionId })));
    valueOf(recordExportInWorkbook(store, recordExport(draft, exported(draft, 'envelope'), { form: 'envelope', via: 'clipboard', exportedAtMs: AT + 60_000, versionId: null })));
    expect(exportHistory(workbook, 'test-book')).toEqual({
      lines: [
        { id: 2, when: '2025-07-01 09:31 UTC', hashPrefix: contentHash(draft).slice(0, 12), fileName: exported(draft, 'envelope').fileName, how: 'copied to the clipboard, envelope, unsaved draft' },
        { id: 1, when: '2025-07-01 09:30 UTC', hashPrefix: contentHash(cleanBook()).slice(0, 12), fileName: exported(cleanBook()).fileName, how: 'saved as a file, book JSON, v1' },
      ],
      olderNotShown: false,
    });
    expect(exportHistory(workbook, 'other-book')).toEqual({ lines: [], olderNotShown: false });
  });

  test('show the latest few and say when older ones are not listed', async () => {
    const { store, workbook, versionId } = await storeWithBook();
    const record = recordExport(cleanBook(), exported(cleanBook()), { form: 'book', via: 'file', exportedAtMs: AT, versionId });
    for (let i = 0; i < EXPORT_HISTORY_LENGTH; i++) valueOf(recordExportInWorkbook(store, { ...record, exportedAtMs: AT + i }));
    const full = exportHistory(workbook, 'test-book');
    expect([full.lines.length, full.olderNotShown]).toEqual([EXPORT_HISTORY_LENGTH, false]);
    valueOf(recordExportInWorkbook(store, { ...record, exportedAtMs: AT + 60_000 }));
    const more = exportHistory(workbook, 'test-book');
    expect([more.lines.length, more.olderNotShown, more.lines[0].id, more.lines[EXPORT_HISTORY_LENGTH - 1].id]).toEqual([EXPORT_HISTORY_LENGTH, true, 11, 2]);
  });
});
