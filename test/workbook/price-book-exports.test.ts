import { describe, expect, test } from 'vitest';
import { canonicalPriceBookJson } from '../../core/engine/price-book/canonical-json';
import { sha256HexOfText } from '../../core/engine/hash/sha256';
import type { PriceBook } from '../../core/engine/price-book/model';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import {
  lastPriceBookExport,
  listPriceBookExports,
  recordPriceBookExport,
  type PriceBookExportRecord,
} from '../../core/workbook/repositories/price-book-exports';
import { addPriceBookVersion } from '../../core/workbook/repositories/price-books';
import type { Workbook } from '../../core/workbook/workbook';
import { testBook } from '../support/book-builder';
import { freshWorkbook, sqlJs, valueOf } from './workbook-support';

const AT = Date.UTC(2025, 6, 1);

const cheaperCalls = testBook({ features: [{ key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: '0.5' }] });
const otherBook = testBook({ id: 'other', name: 'Other book' });

/** The record of exporting `book` (a draft unless `versionId` is given). */
function exportRecord(book: PriceBook, change: Partial<PriceBookExportRecord> = {}): PriceBookExportRecord {
  const bookJson = canonicalPriceBookJson(book);
  const contentHash = sha256HexOfText(bookJson);
  return {
    bookId: book.id,
    versionId: null,
    contentHash,
    form: 'book',
    fileName: `${book.id}-${contentHash.slice(0, 12)}.json`,
    via: 'file',
    bookJson,
    exportedAtMs: AT,
    ...change,
  };
}

async function workbookWithVersions(): Promise<{ workbook: Workbook; first: number; second: number; other: number }> {
  const workbook = await freshWorkbook();
  const first = valueOf(addPriceBookVersion(workbook, testBook(), { createdAtMs: AT, note: '' })).version.versionId;
  const second = valueOf(addPriceBookVersion(workbook, cheaperCalls, { createdAtMs: AT, note: '' })).version.versionId;
  const other = valueOf(addPriceBookVersion(workbook, otherBook, { createdAtMs: AT, note: '' })).version.versionId;
  return { workbook, first, second, other };
}

function problemOf(result: { ok: true } | { ok: false; problem: { code: string; message: string } }): { code: string; message: string } {
  if (result.ok) throw new Error('expected the record to be refused');
  return result.problem;
}

describe('recording price book exports', () => {
  test('a book never exported has no last export', async () => {
    const { workbook } = await workbookWithVersions();
    expect(valueOf(lastPriceBookExport(workbook, 'test'))).toBeNull();
    expect(listPriceBookExports(workbook, 'test')).toEqual([]);
  });

  test('the last export of a book is the one recorded last, with its text', async () => {
    const { workbook, first, second } = await workbookWithVersions();
    const one = valueOf(recordPriceBookExport(workbook, exportRecord(testBook(), { versionId: first })));
    const two = valueOf(recordPriceBookExport(workbook, exportRecord(cheaperCalls, { versionId: second, form: 'envelope', via: 'clipboard', exportedAtMs: AT + 1 })));
    expect(one).toEqual({ ...exportRecord(testBook(), { versionId: first }), id: 1 });
    expect(two.id).toBe(2);
    expect(valueOf(lastPriceBookExport(workbook, 'test'))).toEqual(two);
  });

  test('the last export is the last recorded even when the clock went back in between', async () => {
    const { workbook } = await workbookWithVersions();
    valueOf(recordPriceBookExport(workbook, exportRecord(testBook(), { exportedAtMs: AT + 10 })));
    const later = valueOf(recordPriceBookExport(workbook, exportRecord(cheaperCalls, { exportedAtMs: AT })));
    expect(valueOf(lastPriceBookExport(workbook, 'test'))?.id).toBe(later.id);
  });

  test('exports list newest first, of one book or of all, at most as many as asked, without their text', async () => {
    const { workbook, other } = await workbookWithVersions();
    valueOf(recordPriceBookExport(workbook, exportRecord(testBook())));
    valueOf(recordPriceBookExport(workbook, exportRecord(otherBook, { versionId: other })));
    valueOf(recordPriceBookExport(workbook, exportRecord(cheaperCalls, { via: 'clipboard' })));
    expect(listPriceBookExports(workbook).map((record) => [record.id, record.bookId])).toEqual([
      [3, 'test'],
      [2, 'other'],
      [1, 'test'],
    ]);
    expect(listPriceBookExports(workbook, 'test').map((record) => record.id)).toEqual([3, 1]);
    expect(listPriceBookExports(workbook, 'test', 1).map((record) => record.id)).toEqual([3]);
    expect(listPriceBookExports(workbook, null, 2).map((record) => record.id)).toEqual([3, 2]);
    const { bookJson: _text, ...info } = exportRecord(otherBook, { versionId: other });
    expect(listPriceBookExports(workbook, 'other')).toEqual([{ ...info, id: 2 }]);
    expect(Object.keys(listPriceBookExports(workbook, 'other')[0])).not.toContain('bookJson');
  });

  test('recorded exports are kept when the workbook is saved and opened again', async () => {
    const { workbook, second } = await workbookWithVersions();
    const recorded = valueOf(recordPriceBookExport(workbook, exportRecord(cheaperCalls, { versionId: second })));
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    expect(valueOf(lastPriceBookExport(reopened, 'test'))).toEqual(recorded);
  });

  test('a draft of a book not yet in the workbook can be recorded', async () => {
    const workbook = await freshWorkbook();
    const draft = testBook({ id: 'brand-new' });
    valueOf(recordPriceBookExport(workbook, exportRecord(draft)));
    expect(valueOf(lastPriceBookExport(workbook, 'brand-new'))?.versionId).toBeNull();
  });
});

describe('records that are refused', () => {
  test('each wrong field is refused with its own code and sentence, and nothing is written', async () => {
    const { workbook, first, second, other } = await workbookWithVersions();
    const good = exportRecord(testBook(), { versionId: first });
    const cases: Array<[Partial<PriceBookExportRecord>, string, string]> = [
      [{ contentHash: 'abc' }, 'price_book_export_hash_invalid', '"abc" is not a content hash: a SHA-256 is 64 characters 0-9 and a-f.'],
      [{ contentHash: good.contentHash.toUpperCase() }, 'price_book_export_hash_invalid', `"${good.contentHash.toUpperCase()}" is not a content hash: a SHA-256 is 64 characters 0-9 and a-f.`],
      [{ form: 'zip' as 'book' }, 'price_book_export_form_unknown', '"zip" is not an export form; an export is the book alone ("book") or its envelope ("envelope").'],
      [{ via: 'email' as 'file' }, 'price_book_export_via_unknown', '"email" is not a way an export leaves the app; it is copied ("clipboard") or saved ("file").'],
      [{ fileName: '  ' }, 'price_book_export_file_name_empty', 'The export has no file name; every export is named.'],
      [
        { bookJson: canonicalPriceBookJson(cheaperCalls) },
        'price_book_export_text_mismatch',
        `The exported text does not hash to ${good.contentHash.slice(0, 12)}…, so it is not the book that was exported.`,
      ],
      [{ versionId: second }, 'price_book_export_version_mismatch', 'The exported book is not version 2 of "test": their content hashes differ.'],
      [{ versionId: other }, 'price_book_export_version_mismatch', `Version id ${other} is a version of price book "other", not of "test".`],
      [{ versionId: 99 }, 'price_book_version_not_found', 'The workbook has no price book version with id 99.'],
    ];
    for (const [change, code, message] of cases) {
      expect(problemOf(recordPriceBookExport(workbook, { ...good, ...change })), JSON.stringify(change)).toEqual({ code, message });
    }
    expect(listPriceBookExports(workbook)).toEqual([]);
  });

  test('text that hashes to its hash must still be the canonical text of a valid book with the record’s id', async () => {
    const workbook = await freshWorkbook();
    const withText = (bookJson: string, bookId = 'test'): PriceBookExportRecord => ({ ...exportRecord(testBook()), bookId, bookJson, contentHash: sha256HexOfText(bookJson) });
    expect(problemOf(recordPriceBookExport(workbook, withText('not json')))).toEqual({
      code: 'price_book_export_text_mismatch',
      message: 'The exported text is not JSON, so it is not a price book.',
    });
    const notCanonical = JSON.stringify(testBook(), null, 2);
    const invalid = canonicalPriceBookJson(testBook({ features: [{ key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: '0' }] }));
    for (const text of [notCanonical, invalid]) {
      expect(problemOf(recordPriceBookExport(workbook, withText(text)))).toEqual({
        code: 'price_book_export_text_mismatch',
        message: 'The exported text is not the canonical text of a valid price book; only such a book is exported.',
      });
    }
    expect(problemOf(recordPriceBookExport(workbook, withText(canonicalPriceBookJson(testBook()), 'other')))).toEqual({
      code: 'price_book_export_text_mismatch',
      message: 'The exported text is the price book "test", not "other".',
    });
    expect(listPriceBookExports(workbook)).toEqual([]);
  });

  test('an export time that is not whole milliseconds is a programming error', async () => {
    const workbook = await freshWorkbook();
    expect(() => recordPriceBookExport(workbook, exportRecord(testBook(), { exportedAtMs: 1.5 }))).toThrow('invariant: export time 1.5');
  });

  test('a record whose text was altered outside the app reads back as damaged', async () => {
    const workbook = await freshWorkbook();
    valueOf(recordPriceBookExport(workbook, exportRecord(testBook())));
    // Only by dropping the trigger, as a hand edit of the file could.
    workbook.database.run('DROP TRIGGER price_book_exports_are_never_changed');
    workbook.database.run('UPDATE price_book_exports SET book_json = ?', [canonicalPriceBookJson(cheaperCalls)]);
    expect(lastPriceBookExport(workbook, 'test')).toEqual({
      ok: false,
      problem: { code: 'workbook_damaged', message: 'The record of the last export of price book "test" is damaged: its text no longer matches its content hash.' },
    });
  });
});
