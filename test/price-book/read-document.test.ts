import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportEnvelope, exportPriceBook, priceBookContentHash } from '../../core/engine/price-book/export';
import type { PriceBook } from '../../core/engine/price-book/model';
import { readPriceBookDocument } from '../../core/engine/price-book/read-document';
import { bookWith, cleanBook, edited } from './book-edits';

const baseline = JSON.parse(readFileSync(new URL('../fixtures/books/ai-baseline.json', import.meta.url), 'utf8')) as PriceBook;

function envelopeOf(book: unknown): Record<string, unknown> {
  const result = exportEnvelope(book);
  if (!result.ok) throw new Error('envelope refused');
  return JSON.parse(result.json) as Record<string, unknown>;
}

describe('reading a price book document', () => {
  it('reads a bare book with its content hash', () => {
    const document = readPriceBookDocument(baseline);
    expect(document).toMatchObject({ ok: true, errors: [], warnings: [], enveloped: false, contentHash: priceBookContentHash(baseline) });
    expect(document.book).toBe(baseline);
  });

  it('reads an exported envelope back to the same book and hash', () => {
    const document = readPriceBookDocument(envelopeOf(baseline));
    expect(document).toMatchObject({ ok: true, errors: [], warnings: [], enveloped: true, contentHash: priceBookContentHash(baseline) });
    expect(exportPriceBook(document.book)).toEqual(exportPriceBook(baseline));
  });

  it('warns when the book inside an envelope was edited after export', () => {
    const envelope = edited(envelopeOf(cleanBook()), [['book', 'features', 0, 'burnPerUnit'], '2']);
    const document = readPriceBookDocument(envelope);
    const newHash = priceBookContentHash((envelope as { book: PriceBook }).book);
    expect(document.ok).toBe(true);
    expect(document.contentHash).toBe(newHash);
    expect(document.warnings).toEqual([
      {
        severity: 'warning',
        code: 'content_hash_mismatch',
        path: '$.contentHash',
        message: `The content hash recorded in this file does not match its book: the book was changed after export. Its hash is now ${newHash}.`,
      },
    ]);
  });

  it('places the issues of an enveloped book under $.book', () => {
    const envelope = edited(envelopeOf(cleanBook()), [['book', 'features', 0, 'burnPerUnit'], '0']);
    const document = readPriceBookDocument(envelope);
    expect(document.ok).toBe(false);
    expect(document.errors.map((issue) => [issue.code, issue.path])).toEqual([['burn_not_positive', '$.book.features[0].burnPerUnit']]);
  });

  it('refuses a document of another format', () => {
    expect(readPriceBookDocument({ format: 'acme/invoice', book: cleanBook() })).toEqual({
      ok: false,
      errors: [
        {
          severity: 'error',
          code: 'unknown_format',
          path: '$.format',
          message: 'This file is not a Credit Workbench price book: its format is "acme/invoice", not "credit-workbench/price-book".',
        },
      ],
      warnings: [],
      book: null,
      contentHash: null,
      enveloped: true,
    });
  });

  it('refuses an envelope from a newer version of the file format', () => {
    const document = readPriceBookDocument(edited(envelopeOf(cleanBook()), [['schemaVersion'], 2]));
    expect(document.errors).toEqual([
      {
        severity: 'error',
        code: 'envelope_version_newer',
        path: '$.schemaVersion',
        message:
          'This price book file was made by a newer version of Credit Workbench (file version 2; this version reads file version 1). Update Credit Workbench to open it.',
      },
    ]);
  });

  it('refuses an envelope without a usable version', () => {
    const document = readPriceBookDocument(edited(envelopeOf(cleanBook()), [['schemaVersion'], undefined]));
    expect(document.errors).toEqual([
      {
        severity: 'error',
        code: 'envelope_version_invalid',
        path: '$.schemaVersion',
        message: 'The price book file\'s envelope version ("schemaVersion") is missing; it must be a whole number from 1.',
      },
    ]);
  });

  it('gives no hash for a bare book with structural errors', () => {
    expect(readPriceBookDocument(bookWith([['features'], 3]))).toMatchObject({ ok: false, book: null, contentHash: null, enveloped: false });
  });
});
