// Price books and their versions. A version is written once and never changed or deleted (the schema's triggers
// refuse it too): a change to a book is a new version with the next number. Only valid books are stored, always
// as canonical JSON with its content hash, so the same book has the same hash in every workbook.

import type { SqlValue } from 'sql.js';
import { sha256HexOfText } from '../../engine/hash/sha256';
import { exportPriceBook } from '../../engine/price-book/export';
import type { PriceBook } from '../../engine/price-book/model';
import { numberValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import { inTransaction } from '../transaction';
import type { Workbook } from '../workbook';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';

export interface PriceBookVersionInfo {
  /** The version's own id, which scenarios and runs refer to. */
  versionId: number;
  bookId: string;
  /** 1, 2, 3 … within the book, in the order the versions were added. */
  versionNumber: number;
  contentHash: string;
  createdAtMs: number;
  note: string;
}

export interface StoredPriceBookVersion extends PriceBookVersionInfo {
  canonicalJson: string;
  book: PriceBook;
}

export interface PriceBookInfo {
  id: string;
  /** The name in the book's latest version. */
  name: string;
  versionCount: number;
  latest: PriceBookVersionInfo;
}

export interface AddedPriceBookVersion {
  version: PriceBookVersionInfo;
  /** False when the book was identical to its latest version, which is returned instead of a duplicate. */
  created: boolean;
}

const VERSION_COLUMNS = 'id, book_id, version_number, content_hash, created_at_ms, note';

/** Adds `book` as the next version of the book with its id (creating the book on its first version). */
export function addPriceBookVersion(
  workbook: Workbook,
  book: PriceBook,
  details: { createdAtMs: number; note: string },
): WorkbookResult<AddedPriceBookVersion> {
  const exported = exportPriceBook(book);
  if (!exported.ok) {
    const first = exported.errors[0];
    return fail(
      'price_book_invalid',
      `The price book cannot be stored: it has ${exported.errors.length} validation error(s), the first at ${first.path}: ${first.message}`,
    );
  }
  const { database } = workbook;
  return inTransaction<AddedPriceBookVersion>(database, () => {
    const latest = latestVersion(workbook, book.id);
    if (latest !== null && latest.contentHash === exported.contentHash) return succeed({ version: latest, created: false });
    if (latest === null) {
      database.run('INSERT INTO price_books (id, name, created_at_ms) VALUES (?, ?, ?)', [book.id, book.name, details.createdAtMs]);
    } else {
      database.run('UPDATE price_books SET name = ? WHERE id = ?', [book.name, book.id]);
    }
    const versionNumber = latest === null ? 1 : latest.versionNumber + 1;
    database.run(
      `INSERT INTO price_book_versions (book_id, version_number, canonical_json, content_hash, created_at_ms, note)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [book.id, versionNumber, exported.json, exported.contentHash, details.createdAtMs, details.note],
    );
    const added = latestVersion(workbook, book.id);
    if (added === null) throw new Error(`invariant: price book ${book.id} has no version right after adding one`);
    return succeed({ version: added, created: true });
  });
}

export function listPriceBooks(workbook: Workbook): PriceBookInfo[] {
  const rows = queryRows(
    workbook.database,
    'SELECT b.id, b.name, (SELECT count(*) FROM price_book_versions v WHERE v.book_id = b.id) FROM price_books b ORDER BY b.id',
  );
  return rows.map((row) => {
    const id = textValue(row[0], 'price_books.id');
    const latest = latestVersion(workbook, id);
    if (latest === null) throw new Error(`invariant: price book ${id} has no versions`);
    return { id, name: textValue(row[1], 'price_books.name'), versionCount: numberValue(row[2], 'version count'), latest };
  });
}

/** Every version of a book, oldest first. */
export function priceBookHistory(workbook: Workbook, bookId: string): WorkbookResult<PriceBookVersionInfo[]> {
  const rows = queryRows(workbook.database, `SELECT ${VERSION_COLUMNS} FROM price_book_versions WHERE book_id = ? ORDER BY version_number`, [bookId]);
  if (rows.length === 0) return fail('price_book_not_found', `The workbook has no price book with id "${bookId}".`);
  return succeed(rows.map(versionFromRow));
}

/** One version of a book with its document; `versionNumber` null means the latest. */
export function readPriceBookVersion(workbook: Workbook, bookId: string, versionNumber: number | null): WorkbookResult<StoredPriceBookVersion> {
  const row =
    versionNumber === null
      ? queryOneRow(workbook.database, `SELECT ${VERSION_COLUMNS}, canonical_json FROM price_book_versions WHERE book_id = ? ORDER BY version_number DESC LIMIT 1`, [bookId])
      : queryOneRow(workbook.database, `SELECT ${VERSION_COLUMNS}, canonical_json FROM price_book_versions WHERE book_id = ? AND version_number = ?`, [bookId, versionNumber]);
  if (row === null) {
    return versionNumber === null || queryOneRow(workbook.database, 'SELECT 1 FROM price_books WHERE id = ?', [bookId]) === null
      ? fail('price_book_not_found', `The workbook has no price book with id "${bookId}".`)
      : fail('price_book_version_not_found', `The price book "${bookId}" has no version ${versionNumber}.`);
  }
  return storedFromRow(row);
}

export function readPriceBookVersionById(workbook: Workbook, versionId: number): WorkbookResult<StoredPriceBookVersion> {
  const row = queryOneRow(workbook.database, `SELECT ${VERSION_COLUMNS}, canonical_json FROM price_book_versions WHERE id = ?`, [versionId]);
  if (row === null) return fail('price_book_version_not_found', `The workbook has no price book version with id ${versionId}.`);
  return storedFromRow(row);
}

function latestVersion(workbook: Workbook, bookId: string): PriceBookVersionInfo | null {
  const row = queryOneRow(workbook.database, `SELECT ${VERSION_COLUMNS} FROM price_book_versions WHERE book_id = ? ORDER BY version_number DESC LIMIT 1`, [bookId]);
  return row === null ? null : versionFromRow(row);
}

function versionFromRow(row: SqlValue[]): PriceBookVersionInfo {
  return {
    versionId: numberValue(row[0], 'price_book_versions.id'),
    bookId: textValue(row[1], 'price_book_versions.book_id'),
    versionNumber: numberValue(row[2], 'price_book_versions.version_number'),
    contentHash: textValue(row[3], 'price_book_versions.content_hash'),
    createdAtMs: numberValue(row[4], 'price_book_versions.created_at_ms'),
    note: textValue(row[5], 'price_book_versions.note'),
  };
}

/** The stored text must still hash to the stored hash; otherwise the file was altered and the version is refused. */
function storedFromRow(row: SqlValue[]): WorkbookResult<StoredPriceBookVersion> {
  const info = versionFromRow(row);
  const canonicalJson = textValue(row[6], 'price_book_versions.canonical_json');
  if (sha256HexOfText(canonicalJson) !== info.contentHash) {
    return fail(
      'workbook_damaged',
      `Version ${info.versionNumber} of price book "${info.bookId}" is damaged: its text no longer matches its content hash.`,
    );
  }
  // Written by addPriceBookVersion from a validated book, and unchanged since: the hash above proves it.
  const book = JSON.parse(canonicalJson) as PriceBook;
  return succeed({ ...info, canonicalJson, book });
}
