// Exporting a price book from the workbench: core validates and writes the canonical text and its hash (the book
// alone, or wrapped in the envelope); the record of each export keeps the book's canonical text, so the next export
// can show what changed since, with core's diff.
//
// Records are kept in the workbook (the price_book_exports table, schema version 4), written once and never changed,
// so "what changed since the copy that went out" survives a reload and reopening the workbook, and travels with the
// file to whoever opens it next. The text kept is the book's own canonical JSON, never the envelope: its SHA-256 is
// the record's content hash whichever form left, and it is what the diff reads back.

import { canonicalPriceBookJson } from '../../../core/engine/price-book/canonical-json';
import { diffPriceBooks, type PriceBookChange } from '../../../core/engine/price-book/diff';
import { exportEnvelope, exportPriceBook, type PriceBookExport } from '../../../core/engine/price-book/export';
import type { PriceBook } from '../../../core/engine/price-book/model';
import type { PriceBookExportForm, PriceBookExportRecord, PriceBookExportVia } from '../../../core/workbook/repositories/price-book-exports';

export function exportInForm(book: PriceBook, form: PriceBookExportForm): PriceBookExport {
  return form === 'book' ? exportPriceBook(book) : exportEnvelope(book);
}

/** The record of an export core accepted; the book is the one exported (so its canonical text is the record's). */
export function recordExport(
  book: PriceBook,
  exported: Extract<PriceBookExport, { ok: true }>,
  details: { form: PriceBookExportForm; via: PriceBookExportVia; exportedAtMs: number; versionId: number | null },
): PriceBookExportRecord {
  return {
    bookId: book.id,
    versionId: details.versionId,
    contentHash: exported.contentHash,
    form: details.form,
    fileName: exported.fileName,
    via: details.via,
    bookJson: canonicalPriceBookJson(book),
    exportedAtMs: details.exportedAtMs,
  };
}

export type ExportComparison =
  | { kind: 'first-export' }
  | { kind: 'same-as-last'; last: PriceBookExportRecord }
  | { kind: 'changed'; last: PriceBookExportRecord; changes: PriceBookChange[] };

/** What changed since the book's last export: the book as exported then, read back from its canonical text. */
export function compareWithLastExport(last: PriceBookExportRecord | null, book: PriceBook, contentHash: string): ExportComparison {
  if (last === null) return { kind: 'first-export' };
  if (last.contentHash === contentHash) return { kind: 'same-as-last', last };
  // Recorded only as the canonical text of a valid book, and read back only while it still hashes to its hash
  // (price-book-exports.ts checks both): it reads back as that book.
  const before = JSON.parse(last.bookJson) as PriceBook;
  return { kind: 'changed', last, changes: diffPriceBooks(before, book).changes };
}
