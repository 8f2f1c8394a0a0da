import { describe, expect, test } from 'vitest';
import { canonicalPriceBookJson } from '../../../core/engine/price-book/canonical-json';
import { exportPriceBook, priceBookContentHash } from '../../../core/engine/price-book/export';
import { sha256HexOfText } from '../../../core/engine/hash/sha256';
import { setFeatureBurn } from '../../../renderer/screens/editor/book-edits';
import { compareWithLastExport, exportInForm, recordExport } from '../../../renderer/screens/export/export-record';
import { cleanBook } from '../../price-book/book-edits';

function exported(form: 'book' | 'envelope', book = cleanBook()) {
  const result = exportInForm(book, form);
  if (!result.ok) throw new Error(result.errors[0].message);
  return result;
}

describe('exporting a price book', () => {
  test('both forms carry the hash of the book’s canonical text; the book form is that text', () => {
    const book = cleanBook();
    const plain = exported('book');
    const envelope = exported('envelope');
    expect(plain.json).toBe(canonicalPriceBookJson(book));
    expect(plain.contentHash).toBe(sha256HexOfText(plain.json));
    expect(envelope.contentHash).toBe(plain.contentHash);
    expect(JSON.parse(envelope.json)).toMatchObject({ format: 'credit-workbench/price-book', contentHash: plain.contentHash });
    expect(envelope.fileName.endsWith('.price-book.json')).toBe(true);
  });

  test('a book with errors is refused with core’s sentences', () => {
    const result = exportInForm(setFeatureBurn(cleanBook(), 0, '0'), 'book');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toBe('Feature "tokens" burns 0 credits per unit; a burn must be greater than zero.');
  });

  test('the first export has nothing to compare with; the same book again is the same as last', () => {
    const book = cleanBook();
    const record = recordExport(book, exported('envelope', book), { form: 'envelope', via: 'file', exportedAtMs: 1, versionId: 7 });
    expect(record).toEqual({
      bookId: 'test-book',
      versionId: 7,
      contentHash: priceBookContentHash(book),
      form: 'envelope',
      fileName: exported('envelope', book).fileName,
      via: 'file',
      // The book's own text, not the envelope that left: it hashes to the record's hash.
      bookJson: canonicalPriceBookJson(book),
      exportedAtMs: 1,
    });
    expect(sha256HexOfText(record.bookJson)).toBe(record.contentHash);
    expect(compareWithLastExport(null, book, priceBookContentHash(book))).toEqual({ kind: 'first-export' });
    expect(compareWithLastExport(record, book, priceBookContentHash(book)).kind).toBe('same-as-last');
  });

  test('a changed book lists its changes since the last export', () => {
    const record = recordExport(cleanBook(), exported('book'), { form: 'book', via: 'clipboard', exportedAtMs: 1, versionId: null });
    const changed = setFeatureBurn(cleanBook(), 0, '0.9');
    const hash = exportPriceBook(changed);
    if (!hash.ok) throw new Error('expected a valid book');
    const comparison = compareWithLastExport(record, changed, hash.contentHash);
    expect(comparison.kind === 'changed' && comparison.changes.map((change) => change.summary)).toEqual([
      'Feature "tokens": burn per unit 1 → 0.9 credits (-10.00%)',
    ]);
  });
});
