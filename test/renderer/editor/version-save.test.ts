import { describe, expect, test } from 'vitest';
import { addPriceBookVersion, priceBookHistory } from '../../../core/workbook/repositories/price-books';
import { setFeatureBurn, setPlanText } from '../../../renderer/screens/editor/book-edits';
import { previewSave, saveDraftVersion } from '../../../renderer/screens/editor/version-save';
import { cleanBook } from '../../price-book/book-edits';
import { freshWorkbook, valueOf } from '../../workbook/workbook-support';

const AT = Date.UTC(2025, 6, 1);

describe('saving the draft as a new version', () => {
  test('the preview lists the changes against the latest version with their percent', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, cleanBook(), { createdAtMs: AT, note: 'first' }));
    const draft = setPlanText(setFeatureBurn(cleanBook(), 0, '1.25'), 0, 'fee', '59');
    const preview = previewSave(workbook, draft);
    if (preview.kind !== 'changes') throw new Error(`expected changes, got ${preview.kind}`);
    expect(preview.latestVersionNumber).toBe(1);
    expect(preview.changes.map((change) => [change.path, change.percentChange])).toEqual([
      ['$.features[0].burnPerUnit', '+25.00%'],
      ['$.plans[0].fee', '+20.41%'],
    ]);
  });

  test('a draft equal to the latest version would add nothing; an invalid one cannot be saved', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, cleanBook(), { createdAtMs: AT, note: '' }));
    expect(previewSave(workbook, cleanBook())).toEqual({ kind: 'unchanged', latestVersionNumber: 1 });
    const invalid = previewSave(workbook, setFeatureBurn(cleanBook(), 0, '0'));
    expect(invalid.kind === 'invalid' && invalid.errors.map((issue) => issue.code)).toEqual(['burn_not_positive']);
    expect(saveDraftVersion(workbook, setFeatureBurn(cleanBook(), 0, '0'), { note: '', createdAtMs: AT }).ok).toBe(false);
  });

  test('a book the workbook does not have would be its first version', async () => {
    expect(previewSave(await freshWorkbook(), cleanBook())).toEqual({ kind: 'new-book' });
  });

  test('the saved version is the next number, with the trimmed note and the time given', async () => {
    const workbook = await freshWorkbook();
    valueOf(addPriceBookVersion(workbook, cleanBook(), { createdAtMs: AT, note: '' }));
    const added = valueOf(saveDraftVersion(workbook, setFeatureBurn(cleanBook(), 0, '2'), { note: '  doubled tokens ', createdAtMs: AT + 1 }));
    expect(added.created).toBe(true);
    expect(valueOf(priceBookHistory(workbook, 'test-book')).map((version) => [version.versionNumber, version.note, version.createdAtMs])).toEqual([
      [1, '', AT],
      [2, 'doubled tokens', AT + 1],
    ]);
  });
});
