import { describe, expect, test } from 'vitest';
import { indexedDbWorkbookStore } from '../../renderer/storage/indexed-db-workbook-store';
import type { StorageResult } from '../../renderer/storage/workbook-persistence';
import { CURRENT_WORKBOOK_KEY, freshIndexedDb, frozenClock, putRawRecord, rawKeys, rawRecord, storedRecord, sameBytes } from './storage-support';

const START_MS = Date.UTC(2026, 10, 1, 9, 30);

function valueOf<T>(result: StorageResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.problem.code}: ${result.problem.message}`);
  return result.value;
}

function problemOf<T>(result: StorageResult<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a storage problem');
  return result.problem;
}

describe('the IndexedDB workbook store', () => {
  test('a browser that has stored nothing yet loads no workbook', async () => {
    const store = indexedDbWorkbookStore(freshIndexedDb(), { now: () => START_MS });
    expect(valueOf(await store.load())).toBeNull();
  });

  test('saved bytes load back unchanged with their saved-at time, in a later page on the same browser', async () => {
    const indexedDb = freshIndexedDb();
    const clock = frozenClock(START_MS);
    const bytes = new Uint8Array([83, 81, 76, 105, 116, 101, 0, 1, 2, 3]);
    expect(valueOf(await indexedDbWorkbookStore(indexedDb, clock).save(bytes))).toEqual({ savedAtMs: START_MS, byteLength: 10 });

    clock.advance(60_000);
    const loaded = valueOf(await indexedDbWorkbookStore(indexedDb, clock).load());
    expect(loaded?.savedAtMs).toBe(START_MS);
    expect(sameBytes(loaded?.bytes ?? new Uint8Array(), bytes)).toBe(true);
    expect(await storedRecord(indexedDb, CURRENT_WORKBOOK_KEY)).toEqual({ bytes, savedAtMs: START_MS, byteLength: 10 });
    // Stored as a Blob: the browser keeps it by reference instead of serialising it on the page's thread.
    expect(((await rawRecord(indexedDb, CURRENT_WORKBOOK_KEY)) as { blob: unknown }).blob).toBeInstanceOf(Blob);
  });

  test('a workbook stored by an earlier version, as bytes rather than a Blob, still loads', async () => {
    const indexedDb = freshIndexedDb();
    await putRawRecord(indexedDb, CURRENT_WORKBOOK_KEY, { bytes: new Uint8Array([4, 5, 6]), savedAtMs: START_MS, byteLength: 3 });
    expect(valueOf(await indexedDbWorkbookStore(indexedDb, { now: () => START_MS }).load())).toEqual({ bytes: new Uint8Array([4, 5, 6]), savedAtMs: START_MS });
  });

  test('a save replaces the previous workbook whole', async () => {
    const clock = frozenClock(START_MS);
    const store = indexedDbWorkbookStore(freshIndexedDb(), clock);
    valueOf(await store.save(new Uint8Array([1, 2, 3, 4, 5, 6])));
    clock.advance(1_000);
    valueOf(await store.save(new Uint8Array([9, 8])));
    expect(valueOf(await store.load())).toEqual({ bytes: new Uint8Array([9, 8]), savedAtMs: START_MS + 1_000 });
  });

  test('a view into a larger buffer stores only its own bytes', async () => {
    const indexedDb = freshIndexedDb();
    const store = indexedDbWorkbookStore(indexedDb, { now: () => START_MS });
    const buffer = new Uint8Array([0, 0, 7, 7, 7, 0, 0]);
    valueOf(await store.save(buffer.subarray(2, 5)));
    const record = (await rawRecord(indexedDb, CURRENT_WORKBOOK_KEY)) as { blob: Blob };
    expect(record.blob.size).toBe(3);
    expect(valueOf(await store.load())?.bytes).toEqual(new Uint8Array([7, 7, 7]));
  });

  test('a record cut short is reported as damaged and left as it is', async () => {
    const indexedDb = freshIndexedDb();
    const damaged = { bytes: new Uint8Array([1, 2, 3]), savedAtMs: START_MS, byteLength: 4096 };
    await putRawRecord(indexedDb, CURRENT_WORKBOOK_KEY, damaged);
    const problem = problemOf(await indexedDbWorkbookStore(indexedDb, { now: () => START_MS }).load());
    expect(problem).toEqual({
      code: 'storage_damaged',
      message: 'The workbook stored in this browser is incomplete: 4096 bytes were saved but 3 were found; it was left as it is.',
    });
    expect(await rawRecord(indexedDb, CURRENT_WORKBOOK_KEY)).toEqual(damaged);
  });

  test('a record this app did not write is reported as damaged', async () => {
    const indexedDb = freshIndexedDb();
    await putRawRecord(indexedDb, CURRENT_WORKBOOK_KEY, 'SQLite format 3');
    expect(problemOf(await indexedDbWorkbookStore(indexedDb, { now: () => START_MS }).load()).code).toBe('storage_damaged');
  });

  test('a backup is kept beside the current workbook and never overwritten', async () => {
    const indexedDb = freshIndexedDb();
    const clock = frozenClock(START_MS);
    const store = indexedDbWorkbookStore(indexedDb, clock);
    valueOf(await store.save(new Uint8Array([2, 2])));
    valueOf(await store.keepBackup(new Uint8Array([1, 1, 1]), 1));
    expect((await rawKeys(indexedDb)).sort()).toEqual([`backup-from-schema-1-${START_MS}`, CURRENT_WORKBOOK_KEY]);

    // Same clock reading, same key: the browser refuses the add and aborts, and the first backup stays.
    const second = problemOf(await store.keepBackup(new Uint8Array([5]), 1));
    expect(second.code).toBe('storage_failed');
    expect(second.message).toMatch(/^The workbook could not be saved in the browser \(ConstraintError(: .+)?\); the previously saved workbook is kept/);
    expect(await storedRecord(indexedDb, `backup-from-schema-1-${START_MS}`)).toEqual({ bytes: new Uint8Array([1, 1, 1]), savedAtMs: START_MS, byteLength: 3 });
    expect(valueOf(await store.load())?.bytes).toEqual(new Uint8Array([2, 2]));
  });

  test('a browser without IndexedDB gets a sentence, not an exception, on every call', async () => {
    const store = indexedDbWorkbookStore(undefined, { now: () => START_MS });
    const expected = {
      code: 'storage_unavailable',
      message: 'This browser offers no storage to the page: changes will not be kept after this page closes; download the workbook to keep them.',
    };
    expect(problemOf(await store.load())).toEqual(expected);
    expect(problemOf(await store.save(new Uint8Array([1])))).toEqual(expected);
  });

  test('a browser that blocks storage for the page is told apart from other failures', async () => {
    // Only the factory's edge is replaced: the browser throwing SecurityError from open(), as Firefox does when
    // storage is blocked.
    const blocking = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const problem = problemOf(await indexedDbWorkbookStore(blocking, { now: () => START_MS }).save(new Uint8Array([1])));
    expect(problem.code).toBe('storage_unavailable');
    expect(problem.message).toContain('does not allow this page to store data');
  });
});
