import { describe, expect, test } from 'vitest';
import { storageProblemFrom } from '../../renderer/storage/storage-problem';

describe('storage problems', () => {
  test('a full quota while saving says the space is used up and that the previous workbook is kept', () => {
    expect(storageProblemFrom(new DOMException('Quota exceeded.', 'QuotaExceededError'), 'save')).toEqual({
      code: 'storage_full',
      message:
        "The workbook could not be saved in the browser: the browser's storage space for this site is used up; the previously " +
        'saved workbook is kept; download this one to keep your changes. Free space by clearing other sites’ data, or keep ' +
        'the workbook as a downloaded file.',
    });
  });

  test('storage blocked by the browser is unavailable, not a failure with a browser-internal name', () => {
    const problem = storageProblemFrom(new DOMException('The operation is insecure.', 'SecurityError'), 'open');
    expect(problem).toEqual({
      code: 'storage_unavailable',
      message:
        'The browser would not open its storage for the workbook: the browser does not allow this page to store data ' +
        '(private browsing or a site setting); changes will not be kept after this page closes; download the workbook to keep them.',
    });
  });

  test('any other refusal carries the browser’s own reason', () => {
    expect(storageProblemFrom(new DOMException('Disk I/O failed.', 'UnknownError'), 'load')).toEqual({
      code: 'storage_failed',
      message: 'The stored workbook could not be read (UnknownError: Disk I/O failed.); it was left as it is.',
    });
  });

  test('an abort without an error still gives a sentence', () => {
    expect(storageProblemFrom(null, 'save').message).toBe(
      'The workbook could not be saved in the browser (the browser gave no reason); the previously saved workbook is kept; ' +
        'download this one to keep your changes.',
    );
  });
});
