// Export of a price book: only a book without validation errors leaves the engine, always as canonical text, and
// its content hash is the SHA-256 of the canonical book text alone — nothing written beside the book (envelope,
// file name) changes the hash, so the same book has the same hash wherever it is stored.

import { sha256HexOfText } from '../hash/sha256';
import { canonicalJsonText, canonicalPriceBookJson, canonicalPriceBookValue } from './canonical-json';
import type { PriceBook } from './model';
import type { ValidationIssue } from './validate';
import { validatePriceBook } from './validate';

/** The envelope's `format`: names the document type so a reader can refuse other JSON before reading it. */
export const PRICE_BOOK_FORMAT = 'credit-workbench/price-book';
/** Version of the envelope layout (format, schemaVersion, contentHash, book); the book carries its own. */
export const PRICE_BOOK_ENVELOPE_VERSION = 1;

export type PriceBookExport =
  | { ok: true; json: string; contentHash: string; fileName: string; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[] };

/** SHA-256 (lowercase hex) of the UTF-8 bytes of the book's canonical JSON. */
export function priceBookContentHash(book: PriceBook): string {
  return sha256HexOfText(canonicalPriceBookJson(book));
}

const FILE_NAME_PART_LENGTH = 60;
const FILE_NAME_HASH_LENGTH = 12;

function fileNamePart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, FILE_NAME_PART_LENGTH)
    .replace(/[-.]+$/, '');
}

/**
 * "ai-platform-2025-07-baseline-3f2a9c1b0d4e.json": id, version label, then the first 12 hex digits of the hash,
 * so two versions never share a name; only [a-z0-9._-], safe on every file system.
 */
export function priceBookFileName(book: PriceBook, contentHash: string, extension: string): string {
  const parts = [fileNamePart(book.id) || 'price-book'];
  const version = book.version === undefined ? '' : fileNamePart(book.version);
  if (version) parts.push(version);
  parts.push(contentHash.slice(0, FILE_NAME_HASH_LENGTH));
  return `${parts.join('-')}${extension}`;
}

function validForExport(input: unknown): { book: PriceBook; warnings: ValidationIssue[] } | { errors: ValidationIssue[] } {
  const result = validatePriceBook(input);
  if (!result.ok || result.book === null) return { errors: result.errors };
  return { book: result.book, warnings: result.warnings };
}

/** The canonical JSON of a valid book, its content hash and a file name; refuses a book with validation errors. */
export function exportPriceBook(input: unknown): PriceBookExport {
  const checked = validForExport(input);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  const json = canonicalPriceBookJson(checked.book);
  const contentHash = sha256HexOfText(json);
  return { ok: true, json, contentHash, fileName: priceBookFileName(checked.book, contentHash, '.json'), warnings: checked.warnings };
}

/**
 * The book wrapped as { format, schemaVersion, contentHash, book }, in canonical text. The envelope's contentHash
 * (also returned) is the hash of canonicalPriceBookJson(book), not of the envelope text.
 */
export function exportEnvelope(input: unknown): PriceBookExport {
  const checked = validForExport(input);
  if ('errors' in checked) return { ok: false, errors: checked.errors };
  const contentHash = priceBookContentHash(checked.book);
  const json = canonicalJsonText({
    format: PRICE_BOOK_FORMAT,
    schemaVersion: PRICE_BOOK_ENVELOPE_VERSION,
    contentHash,
    book: canonicalPriceBookValue(checked.book),
  });
  return {
    ok: true,
    json,
    contentHash,
    fileName: priceBookFileName(checked.book, contentHash, '.price-book.json'),
    warnings: checked.warnings,
  };
}
