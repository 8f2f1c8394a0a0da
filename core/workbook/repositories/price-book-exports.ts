// Price book exports: one row for every copy of a book that left the app (a saved file, the clipboard). A record is
// only written for the canonical text of a valid book whose SHA-256 is the record's hash, and, when it names a stored
// version, for that version's very text; afterwards it is never changed or deleted (the schema's triggers refuse it
// too), so the last record of a book is exactly what went out last.

import type { SqlValue } from 'sql.js';
import { sha256HexOfText } from '../../engine/hash/sha256';
import { exportPriceBook } from '../../engine/price-book/export';
import type { PriceBook } from '../../engine/price-book/model';
import { lastInsertId, numberValue, optionalNumberValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import type { Workbook } from '../workbook';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';
import { readPriceBookVersionById } from './price-books';

/** "book": the canonical book JSON alone; "envelope": the book wrapped with its format, schema version and hash. */
export type PriceBookExportForm = 'book' | 'envelope';
/** How the export left the app. */
export type PriceBookExportVia = 'clipboard' | 'file';

export const PRICE_BOOK_EXPORT_FORMS: readonly PriceBookExportForm[] = ['book', 'envelope'];
export const PRICE_BOOK_EXPORT_VIAS: readonly PriceBookExportVia[] = ['clipboard', 'file'];

/** What is recorded about one export. */
export interface PriceBookExportRecord {
  bookId: string;
  /** The stored version whose text was exported; null for a draft that is no stored version. */
  versionId: number | null;
  /** SHA-256 (lowercase hex) of `bookJson`, whichever form was exported. */
  contentHash: string;
  form: PriceBookExportForm;
  fileName: string;
  via: PriceBookExportVia;
  /** The canonical JSON of the book alone (never the envelope), to diff the next export against. */
  bookJson: string;
  exportedAtMs: number;
}

/** A recorded export without its text, as lists show it. */
export interface PriceBookExportInfo extends Omit<PriceBookExportRecord, 'bookJson'> {
  /** Grows with every export, so the highest id of a book is its last export. */
  id: number;
}

export interface StoredPriceBookExport extends PriceBookExportRecord {
  id: number;
}

const INFO_COLUMNS = 'id, book_id, version_id, content_hash, form, file_name, via, exported_at_ms';
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Records an export that left the app; refuses, with a named code, a record that does not describe one. */
export function recordPriceBookExport(workbook: Workbook, record: PriceBookExportRecord): WorkbookResult<StoredPriceBookExport> {
  // The time is passed in by the caller's clock: anything but a whole number of milliseconds is a programming error.
  if (!Number.isSafeInteger(record.exportedAtMs)) throw new Error(`invariant: export time ${record.exportedAtMs} is not a whole number of milliseconds`);
  const checked = checkRecord(workbook, record);
  if (!checked.ok) return checked;
  const { database } = workbook;
  database.run(
    `INSERT INTO price_book_exports (book_id, version_id, content_hash, form, file_name, via, book_json, exported_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [record.bookId, record.versionId, record.contentHash, record.form, record.fileName, record.via, record.bookJson, record.exportedAtMs],
  );
  return succeed({ ...record, id: lastInsertId(database) });
}

/**
 * The book's last export with its text, or null when it has never been exported. A record whose text no longer
 * hashes to its hash was altered outside the app and is refused as damaged, like a damaged price book version.
 */
export function lastPriceBookExport(workbook: Workbook, bookId: string): WorkbookResult<StoredPriceBookExport | null> {
  const row = queryOneRow(workbook.database, `SELECT ${INFO_COLUMNS}, book_json FROM price_book_exports WHERE book_id = ? ORDER BY id DESC LIMIT 1`, [bookId]);
  if (row === null) return succeed(null);
  const info = infoFromRow(row);
  const bookJson = textValue(row[8], 'price_book_exports.book_json');
  if (sha256HexOfText(bookJson) !== info.contentHash) {
    return fail('workbook_damaged', `The record of the last export of price book "${bookId}" is damaged: its text no longer matches its content hash.`);
  }
  return succeed({ ...info, bookJson });
}

/** Recorded exports newest first: of one book, or of every book when `bookId` is null; at most `limit` when given. */
export function listPriceBookExports(workbook: Workbook, bookId: string | null = null, limit: number | null = null): PriceBookExportInfo[] {
  if (limit !== null && !(Number.isSafeInteger(limit) && limit >= 0)) throw new Error(`invariant: list limit ${limit} is not a count`);
  const where = bookId === null ? '' : 'WHERE book_id = ?';
  // LIMIT -1 is SQLite's "no limit".
  const params: SqlValue[] = bookId === null ? [limit ?? -1] : [bookId, limit ?? -1];
  return queryRows(workbook.database, `SELECT ${INFO_COLUMNS} FROM price_book_exports ${where} ORDER BY id DESC LIMIT ?`, params).map(infoFromRow);
}

function checkRecord(workbook: Workbook, record: PriceBookExportRecord): WorkbookResult<null> {
  if (!PRICE_BOOK_EXPORT_FORMS.includes(record.form)) {
    return fail('price_book_export_form_unknown', `"${String(record.form)}" is not an export form; an export is the book alone ("book") or its envelope ("envelope").`);
  }
  if (!PRICE_BOOK_EXPORT_VIAS.includes(record.via)) {
    return fail('price_book_export_via_unknown', `"${String(record.via)}" is not a way an export leaves the app; it is copied ("clipboard") or saved ("file").`);
  }
  if (!SHA256_HEX.test(record.contentHash)) {
    return fail('price_book_export_hash_invalid', `"${record.contentHash}" is not a content hash: a SHA-256 is 64 characters 0-9 and a-f.`);
  }
  if (record.fileName.trim() === '') return fail('price_book_export_file_name_empty', 'The export has no file name; every export is named.');
  const text = checkBookText(record);
  if (!text.ok) return text;
  return record.versionId === null ? succeed(null) : checkVersion(workbook, record, record.versionId);
}

/** The text must be the canonical text of a valid book with the record's id, hashing to the record's hash. */
function checkBookText(record: PriceBookExportRecord): WorkbookResult<null> {
  if (sha256HexOfText(record.bookJson) !== record.contentHash) {
    return fail('price_book_export_text_mismatch', `The exported text does not hash to ${record.contentHash.slice(0, 12)}…, so it is not the book that was exported.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.bookJson);
  } catch {
    return fail('price_book_export_text_mismatch', 'The exported text is not JSON, so it is not a price book.');
  }
  const again = exportPriceBook(parsed);
  if (!again.ok || again.json !== record.bookJson) {
    return fail('price_book_export_text_mismatch', 'The exported text is not the canonical text of a valid price book; only such a book is exported.');
  }
  // Valid, as just checked, so a price book.
  const { id } = parsed as PriceBook;
  if (id !== record.bookId) return fail('price_book_export_text_mismatch', `The exported text is the price book "${id}", not "${record.bookId}".`);
  return succeed(null);
}

function checkVersion(workbook: Workbook, record: PriceBookExportRecord, versionId: number): WorkbookResult<null> {
  const version = readPriceBookVersionById(workbook, versionId);
  if (!version.ok) return version;
  const { bookId, versionNumber, contentHash } = version.value;
  if (bookId !== record.bookId) {
    return fail('price_book_export_version_mismatch', `Version id ${versionId} is a version of price book "${bookId}", not of "${record.bookId}".`);
  }
  if (contentHash !== record.contentHash) {
    return fail('price_book_export_version_mismatch', `The exported book is not version ${versionNumber} of "${bookId}": their content hashes differ.`);
  }
  return succeed(null);
}

function infoFromRow(row: SqlValue[]): PriceBookExportInfo {
  return {
    id: numberValue(row[0], 'price_book_exports.id'),
    bookId: textValue(row[1], 'price_book_exports.book_id'),
    versionId: optionalNumberValue(row[2], 'price_book_exports.version_id'),
    contentHash: textValue(row[3], 'price_book_exports.content_hash'),
    form: formValue(row[4]),
    fileName: textValue(row[5], 'price_book_exports.file_name'),
    via: viaValue(row[6]),
    exportedAtMs: numberValue(row[7], 'price_book_exports.exported_at_ms'),
  };
}

// The table's CHECK constraints admit only these values; another means the schema was changed behind our back.
function formValue(value: SqlValue): PriceBookExportForm {
  const form = PRICE_BOOK_EXPORT_FORMS.find((known) => known === value);
  if (form === undefined) throw new Error(`invariant: price_book_exports.form holds ${String(value)}`);
  return form;
}

function viaValue(value: SqlValue): PriceBookExportVia {
  const via = PRICE_BOOK_EXPORT_VIAS.find((known) => known === value);
  if (via === undefined) throw new Error(`invariant: price_book_exports.via holds ${String(value)}`);
  return via;
}
