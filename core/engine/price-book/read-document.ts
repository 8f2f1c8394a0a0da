// Reading a price book document as exported: either a bare book or an envelope { format, schemaVersion,
// contentHash, book }. The book inside is validated like any other; a recorded hash that no longer matches the book
// is reported, since the file was edited after export and the hash it names is stale.

import { PRICE_BOOK_ENVELOPE_VERSION, PRICE_BOOK_FORMAT, priceBookContentHash } from './export';
import type { ValidationIssue, ValidationResult } from './validate';
import { validatePriceBook } from './validate';

export interface PriceBookDocument extends ValidationResult {
  /** The hash of the book as read, when its structure is sound; null otherwise. */
  contentHash: string | null;
  /** True when the document was an envelope. */
  enveloped: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refused(code: string, path: string, message: string): PriceBookDocument {
  const error: ValidationIssue = { severity: 'error', code, path, message };
  return { ok: false, errors: [error], warnings: [], book: null, contentHash: null, enveloped: true };
}

/** Paths inside an envelope start at its book: "$.features[0]" becomes "$.book.features[0]". */
function underBook(issue: ValidationIssue): ValidationIssue {
  return { ...issue, path: `$.book${issue.path.slice(1)}` };
}

export function readPriceBookDocument(input: unknown): PriceBookDocument {
  if (!isObject(input) || input.format === undefined) {
    const result = validatePriceBook(input);
    const contentHash = result.book ? priceBookContentHash(result.book) : null;
    return { ...result, contentHash, enveloped: false };
  }
  if (input.format !== PRICE_BOOK_FORMAT) {
    return refused(
      'unknown_format',
      '$.format',
      `This file is not a Credit Workbench price book: its format is ${JSON.stringify(input.format)}, not "${PRICE_BOOK_FORMAT}".`,
    );
  }
  const envelopeVersion = input.schemaVersion;
  if (typeof envelopeVersion !== 'number' || !Number.isInteger(envelopeVersion) || envelopeVersion < 1) {
    return refused(
      'envelope_version_invalid',
      '$.schemaVersion',
      `The price book file's envelope version ("schemaVersion") is ${JSON.stringify(envelopeVersion) ?? 'missing'}; it must be a whole number from 1.`,
    );
  }
  if (envelopeVersion > PRICE_BOOK_ENVELOPE_VERSION) {
    return refused(
      'envelope_version_newer',
      '$.schemaVersion',
      `This price book file was made by a newer version of Credit Workbench (file version ${envelopeVersion}; this ` +
        `version reads file version ${PRICE_BOOK_ENVELOPE_VERSION}). Update Credit Workbench to open it.`,
    );
  }
  const result = validatePriceBook(input.book);
  const errors = result.errors.map(underBook);
  const warnings = result.warnings.map(underBook);
  const contentHash = result.book ? priceBookContentHash(result.book) : null;
  if (contentHash !== null && input.contentHash !== contentHash) {
    warnings.push({
      severity: 'warning',
      code: 'content_hash_mismatch',
      path: '$.contentHash',
      message:
        'The content hash recorded in this file does not match its book: the book was changed after export. ' +
        `Its hash is now ${contentHash}.`,
    });
  }
  return { ok: result.ok, errors, warnings, book: result.book, contentHash, enveloped: true };
}
