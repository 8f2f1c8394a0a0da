import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { closeWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { listPriceBooks } from '../../core/workbook/repositories/price-books';
import { indexedDbWorkbookStore } from '../../renderer/storage/indexed-db-workbook-store';
import { openStoredOrNewWorkbook } from '../../renderer/storage/open-stored-workbook';
import {
  aiBaselineWorkbookBytes,
  CURRENT_WORKBOOK_KEY,
  freshIndexedDb,
  frozenClock,
  putRawRecord,
  rawKeys,
  storedRecord,
  sameBytes,
  tooNewWorkbookBytes,
  WORKBOOK_V1_BYTES,
} from './storage-support';

const SAVED_MS = Date.UTC(2026, 10, 1, 8, 0);
const OPENED_MS = Date.UTC(2026, 10, 2, 8, 0);

async function storeHolding(bytes: Uint8Array) {
  const indexedDb = freshIndexedDb();
  const clock = frozenClock(SAVED_MS);
  const store = indexedDbWorkbookStore(indexedDb, clock);
  const saved = await store.save(bytes);
  if (!saved.ok) throw new Error(saved.problem.message);
  clock.advance(OPENED_MS - SAVED_MS);
  return { indexedDb, store };
}

describe('opening the page’s workbook', () => {
  test('with nothing stored, a new empty workbook is started and nothing is written', async () => {
    const indexedDb = freshIndexedDb();
    const started = await openStoredOrNewWorkbook(indexedDbWorkbookStore(indexedDb, { now: () => OPENED_MS }), await loadSqlJs());
    expect({ ...started, workbook: null }).toEqual({
      workbook: null,
      source: 'new',
      savedAtMs: null,
      upgradedFrom: null,
      problem: null,
      rescueBytes: null,
    });
    expect(listPriceBooks(started.workbook)).toEqual([]);
    expect(await rawKeys(indexedDb)).toEqual([]);
    closeWorkbook(started.workbook);
  });

  test('the stored workbook is opened with its saved-at time', async () => {
    const { store } = await storeHolding(await aiBaselineWorkbookBytes());
    const started = await openStoredOrNewWorkbook(store, await loadSqlJs());
    expect([started.source, started.savedAtMs, started.problem, started.rescueBytes]).toEqual(['stored', SAVED_MS, null, null]);
    expect(listPriceBooks(started.workbook).map((book) => book.id)).toEqual(['ai-platform']);
    closeWorkbook(started.workbook);
  });

  test('stored bytes from a newer version are not opened, and are handed back untouched for rescue', async () => {
    const future = await tooNewWorkbookBytes();
    const { indexedDb, store } = await storeHolding(future);
    const started = await openStoredOrNewWorkbook(store, await loadSqlJs());
    expect(started.source).toBe('new');
    expect(started.problem?.code).toBe('workbook_too_new');
    expect(sameBytes(started.rescueBytes ?? new Uint8Array(), future)).toBe(true);
    expect(await storedRecord(indexedDb, CURRENT_WORKBOOK_KEY)).toEqual({ bytes: future, savedAtMs: SAVED_MS, byteLength: future.length });
    closeWorkbook(started.workbook);
  });

  test('stored bytes that are not a workbook are reported, not opened', async () => {
    const { store } = await storeHolding(new TextEncoder().encode('not a database'));
    const started = await openStoredOrNewWorkbook(store, await loadSqlJs());
    expect([started.source, started.problem?.code]).toEqual(['new', 'workbook_not_a_workbook']);
    expect(started.rescueBytes).not.toBeNull();
    closeWorkbook(started.workbook);
  });

  test('an older stored workbook is backed up, then replaced by its upgrade', async () => {
    const sqlJs = await loadSqlJs();
    const { indexedDb, store } = await storeHolding(WORKBOOK_V1_BYTES);
    const started = await openStoredOrNewWorkbook(store, sqlJs);
    expect([started.source, started.upgradedFrom, started.savedAtMs, started.problem]).toEqual(['stored', 1, OPENED_MS, null]);
    closeWorkbook(started.workbook);

    const backup = (await storedRecord(indexedDb, `backup-from-schema-1-${OPENED_MS}`)) as { bytes: Uint8Array };
    expect(sameBytes(backup.bytes, WORKBOOK_V1_BYTES)).toBe(true);
    const current = await store.load();
    if (!current.ok || current.value === null) throw new Error('expected the upgraded workbook to be stored');
    const reopened = openWorkbook(current.value.bytes, sqlJs);
    if (!reopened.ok) throw new Error(reopened.problem.message);
    expect(reopened.value.upgradedFrom).toBeNull();
    expect(listPriceBooks(reopened.value.workbook).map((book) => book.id)).toEqual(['fixture-book']);
    closeWorkbook(reopened.value.workbook);
  });

  test('when the backup before an upgrade cannot be written, the original stays stored and is handed back', async () => {
    const { indexedDb, store } = await storeHolding(WORKBOOK_V1_BYTES);
    // A record already under the backup's key makes the browser refuse the backup's add.
    await putRawRecord(indexedDb, `backup-from-schema-1-${OPENED_MS}`, 'taken');
    const started = await openStoredOrNewWorkbook(store, await loadSqlJs());
    expect([started.source, started.upgradedFrom, started.problem?.code]).toEqual(['stored', 1, 'storage_failed']);
    expect(sameBytes(started.rescueBytes ?? new Uint8Array(), WORKBOOK_V1_BYTES)).toBe(true);
    const current = (await storedRecord(indexedDb, CURRENT_WORKBOOK_KEY)) as { bytes: Uint8Array; savedAtMs: number };
    expect([sameBytes(current.bytes, WORKBOOK_V1_BYTES), current.savedAtMs]).toEqual([true, SAVED_MS]);
    closeWorkbook(started.workbook);
  });

  test('a browser without storage still gets a new workbook, with the reason it will not be kept', async () => {
    const started = await openStoredOrNewWorkbook(indexedDbWorkbookStore(undefined, { now: () => OPENED_MS }), await loadSqlJs());
    expect([started.source, started.problem?.code, started.rescueBytes]).toEqual(['new', 'storage_unavailable', null]);
    closeWorkbook(started.workbook);
  });
});
