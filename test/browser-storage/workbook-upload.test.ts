import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { closeWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { listPriceBooks } from '../../core/workbook/repositories/price-books';
import { readUploadedWorkbook, type PickedFile, type UploadResult } from '../../renderer/storage/workbook-upload';
import { aiBaselineWorkbookBytes, sameBytes, tooNewWorkbookBytes, WORKBOOK_V1_BYTES } from './storage-support';

function file(name: string, content: Uint8Array | string): PickedFile {
  return new File([typeof content === 'string' ? content : new Uint8Array(content)], name);
}

function refusal(result: UploadResult): { code: string; message: string } {
  if (result.ok) {
    closeWorkbook(result.value.workbook);
    throw new Error('expected the upload to be refused');
  }
  return result.problem;
}

describe('uploading a workbook file', () => {
  test('a workbook file is opened and its bytes are kept as they were picked', async () => {
    const bytes = await aiBaselineWorkbookBytes();
    const uploaded = await readUploadedWorkbook(file('team.cwb', bytes), await loadSqlJs());
    if (!uploaded.ok) throw new Error(uploaded.problem.message);
    expect(uploaded.value.fileName).toBe('team.cwb');
    expect(uploaded.value.upgradedFrom).toBeNull();
    expect(sameBytes(uploaded.value.bytes, bytes)).toBe(true);
    expect(listPriceBooks(uploaded.value.workbook).map((book) => [book.id, book.name, book.versionCount])).toEqual([
      ['ai-platform', 'AI Platform — baseline', 1],
    ]);
    closeWorkbook(uploaded.value.workbook);
  });

  test('a text file is refused with a sentence naming it and saying the current workbook is unchanged', async () => {
    const problem = refusal(await readUploadedWorkbook(file('notes.txt', 'customer,plan\nacme,pro\n'), await loadSqlJs()));
    expect(problem).toEqual({
      code: 'workbook_not_a_workbook',
      message:
        '"notes.txt" was not loaded. The file is not a Credit Workbench workbook: it is not an SQLite database. ' +
        'The workbook in this browser is unchanged.',
    });
  });

  test('an empty file is refused', async () => {
    const problem = refusal(await readUploadedWorkbook(file('empty.cwb', ''), await loadSqlJs()));
    expect(problem.code).toBe('workbook_not_a_workbook');
    expect(problem.message).toContain('The file is empty');
  });

  test('a workbook cut off mid-file is refused as damaged', async () => {
    const bytes = await aiBaselineWorkbookBytes();
    const problem = refusal(await readUploadedWorkbook(file('cut.cwb', bytes.subarray(0, 60)), await loadSqlJs()));
    expect(problem.code).toBe('workbook_damaged');
  });

  test('a workbook from a newer version is refused, not taken in', async () => {
    const problem = refusal(await readUploadedWorkbook(file('future.cwb', await tooNewWorkbookBytes()), await loadSqlJs()));
    expect(problem.code).toBe('workbook_too_new');
    expect(problem.message).toMatch(/^"future\.cwb" was not loaded\. The workbook was saved by a newer version of Credit Workbench/);
    expect(problem.message).toMatch(/The workbook in this browser is unchanged\.$/);
  });

  test('an older workbook is upgraded, and the bytes to store are the upgraded ones', async () => {
    const sqlJs = await loadSqlJs();
    const uploaded = await readUploadedWorkbook(file('old.cwb', WORKBOOK_V1_BYTES), sqlJs);
    if (!uploaded.ok) throw new Error(uploaded.problem.message);
    expect(uploaded.value.upgradedFrom).toBe(1);
    closeWorkbook(uploaded.value.workbook);
    const reopened = openWorkbook(uploaded.value.bytes, sqlJs);
    if (!reopened.ok) throw new Error(reopened.problem.message);
    expect(reopened.value.upgradedFrom).toBeNull();
    expect(listPriceBooks(reopened.value.workbook).map((book) => book.id)).toEqual(['fixture-book']);
    closeWorkbook(reopened.value.workbook);
  });

  test('a file that can no longer be read is refused with the reason', async () => {
    const vanished: PickedFile = { name: 'moved.cwb', arrayBuffer: () => Promise.reject(new Error('A requested file could not be found.')) };
    expect(refusal(await readUploadedWorkbook(vanished, await loadSqlJs()))).toEqual({
      code: 'upload_unreadable',
      message: '"moved.cwb" could not be read (A requested file could not be found.). The workbook in this browser is unchanged.',
    });
  });
});
