// Exporting a price book from the workbench: core validates and writes the canonical text and its hash (the book
// alone, or wrapped in the envelope); the record of the last export of each book keeps that book's canonical text,
// so the next export can show what changed since, with core's diff.
//
// Records live in the store (the editor slice), for the session, not in the workbook. The workbook's file format
// belongs to core/workbook and changes only by a numbered migration; an export is a copy that leaves the app (a
// file, the clipboard), whereas what a team keeps for good is already there: every saved version with its content
// hash. So a record is what "last exported" needs and nothing more, and it goes when the page is reloaded or
// another workbook is opened. Keeping it across sessions would be a small "exports" table in a future migration.

import { diffPriceBooks, type PriceBookChange } from '../../../core/engine/price-book/diff';
import { canonicalPriceBookJson } from '../../../core/engine/price-book/canonical-json';
import { exportEnvelope, exportPriceBook, type PriceBookExport } from '../../../core/engine/price-book/export';
import type { PriceBook } from '../../../core/engine/price-book/model';

/** "book": the canonical book JSON; "envelope": { format, schemaVersion, contentHash, book }. Same hash either way. */
export type ExportForm = 'book' | 'envelope';

export function exportInForm(book: PriceBook, form: ExportForm): PriceBookExport {
  return form === 'book' ? exportPriceBook(book) : exportEnvelope(book);
}

/** One export that left the workbench (copied or saved). */
export interface ExportRecord {
  bookId: string;
  contentHash: string;
  fileName: string;
  form: ExportForm;
  /** The book's own canonical JSON (not the envelope), to diff the next export against. */
  bookJson: string;
  exportedAtMs: number;
  /** How it left: copied to the clipboard or saved as a file. */
  via: 'clipboard' | 'file';
}

/** The record of an export core accepted; the book is the one exported (so its canonical text is the record's). */
export function recordExport(
  book: PriceBook,
  exported: Extract<PriceBookExport, { ok: true }>,
  details: { form: ExportForm; via: ExportRecord['via']; exportedAtMs: number },
): ExportRecord {
  return {
    bookId: book.id,
    contentHash: exported.contentHash,
    fileName: exported.fileName,
    form: details.form,
    bookJson: canonicalPriceBookJson(book),
    exportedAtMs: details.exportedAtMs,
    via: details.via,
  };
}

export type ExportComparison =
  | { kind: 'first-export' }
  | { kind: 'same-as-last'; last: ExportRecord }
  | { kind: 'changed'; last: ExportRecord; changes: PriceBookChange[] };

/** What changed since the book's last export: the book as exported then, read back from its canonical text. */
export function compareWithLastExport(last: ExportRecord | null, book: PriceBook, contentHash: string): ExportComparison {
  if (last === null) return { kind: 'first-export' };
  if (last.contentHash === contentHash) return { kind: 'same-as-last', last };
  // Written by canonicalPriceBookJson from a book that passed validation: it reads back as that book.
  const before = JSON.parse(last.bookJson) as PriceBook;
  return { kind: 'changed', last, changes: diffPriceBooks(before, book).changes };
}
