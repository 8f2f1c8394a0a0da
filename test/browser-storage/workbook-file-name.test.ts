import { describe, expect, test } from 'vitest';
import { WORKBOOK_FILE_EXTENSION, workbookDownloadName } from '../../renderer/storage/workbook-file-name';

describe('workbook file names', () => {
  test('a download is named for the UTC day it was made, with the workbook extension', () => {
    expect(WORKBOOK_FILE_EXTENSION).toBe('.cwb');
    expect(workbookDownloadName(Date.UTC(2026, 10, 1, 23, 59))).toBe('credit-workbench-2026-11-01.cwb');
    expect(workbookDownloadName(Date.UTC(2026, 11, 31, 0, 0))).toBe('credit-workbench-2026-12-31.cwb');
  });
});
