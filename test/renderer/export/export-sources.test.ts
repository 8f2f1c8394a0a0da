import { describe, expect, test } from 'vitest';
import { addPriceBookVersion } from '../../../core/workbook/repositories/price-books';
import { setFeatureBurn } from '../../../renderer/screens/editor/book-edits';
import { DRAFT_SOURCE_ID, exportSources, sourceBook } from '../../../renderer/screens/export/export-sources';
import { cleanBook } from '../../price-book/book-edits';
import { freshWorkbook, valueOf } from '../../workbook/workbook-support';

describe('what the Export screen can export', () => {
  test('the draft first, then every stored version newest first, with the start of its note', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, cleanBook(), { createdAtMs: 1, note: '' }));
    const second = valueOf(addPriceBookVersion(workbook, setFeatureBurn(cleanBook(), 0, '2'), { createdAtMs: 2, note: 'x'.repeat(80) }));
    const sources = exportSources(workbook, cleanBook());
    expect(sources.map((source) => source.label)).toEqual([
      "The editor's draft: Test book (test-book)",
      `Test book (test-book) v2: ${'x'.repeat(60)}…`,
      'Test book (test-book) v1',
    ]);
    expect(sources[1].id).toBe(`version:${second.version.versionId}`);
    const picked = sourceBook(workbook, null, sources[1].id);
    expect(picked.ok && picked.book.features[0].burnPerUnit).toBe('2');
  });

  test('a source that is gone is said in a sentence', async () => {
    const workbook = await freshWorkbook();
    expect(sourceBook(workbook, null, DRAFT_SOURCE_ID)).toEqual({ ok: false, message: 'No price book is open in the editor.' });
    expect(sourceBook(workbook, null, 'version:99')).toEqual({ ok: false, message: 'The workbook has no price book version with id 99.' });
  });
});
