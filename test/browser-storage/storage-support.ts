// A fresh in-memory IndexedDB per test (fake-indexeddb, passed in rather than installed as a global), raw access to
// its records for checking what the store wrote, and workbook files made with core/workbook.

import { readFileSync } from 'node:fs';
import { IDBFactory as FakeIndexedDbFactory } from 'fake-indexeddb';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import type { PriceBook } from '../../core/engine/price-book/model';
import { closeWorkbook, createWorkbook, exportWorkbook } from '../../core/workbook/open-workbook';
import { addPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { LATEST_SCHEMA_VERSION } from '../../core/workbook/migrations/migration-list';
import {
  CURRENT_WORKBOOK_KEY,
  WORKBOOK_DATABASE_NAME,
  WORKBOOK_OBJECT_STORE,
} from '../../renderer/storage/indexed-db-workbook-store';

export { CURRENT_WORKBOOK_KEY };

/** The example AI platform book every workbook file in these tests holds. */
export const AI_BASELINE_BOOK = JSON.parse(
  readFileSync(new URL('../fixtures/books/ai-baseline.json', import.meta.url), 'utf8'),
) as PriceBook;

export const WORKBOOK_V1_BYTES = new Uint8Array(readFileSync(new URL('../fixtures/workbook-v1.sqlite', import.meta.url)));

export function freshIndexedDb(): IDBFactory {
  return new FakeIndexedDbFactory();
}

/** A frozen clock that moves only when a test says so. */
export function frozenClock(startMs: number): { now: () => number; advance: (ms: number) => void } {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms) => (nowMs += ms) };
}

/** Workbook bytes holding the ai-baseline book as version 1 of "ai-platform". */
export async function aiBaselineWorkbookBytes(): Promise<Uint8Array> {
  const workbook = createWorkbook(await loadSqlJs());
  try {
    const added = addPriceBookVersion(workbook, AI_BASELINE_BOOK, { createdAtMs: Date.UTC(2025, 6, 1), note: 'launch' });
    if (!added.ok) throw new Error(added.problem.message);
    return exportWorkbook(workbook);
  } finally {
    closeWorkbook(workbook);
  }
}

/** A well-formed workbook that claims a schema version from the future. */
export async function tooNewWorkbookBytes(): Promise<Uint8Array> {
  const workbook = createWorkbook(await loadSqlJs());
  workbook.database.run(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
  const bytes = exportWorkbook(workbook);
  closeWorkbook(workbook);
  return bytes;
}

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(WORKBOOK_DATABASE_NAME);
    request.onupgradeneeded = () => request.result.createObjectStore(WORKBOOK_OBJECT_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function rawTransaction<T>(factory: IDBFactory, mode: IDBTransactionMode, work: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openRaw(factory);
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(WORKBOOK_OBJECT_STORE, mode);
      const request = work(transaction.objectStore(WORKBOOK_OBJECT_STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    database.close();
  }
}

/** Writes a record behind the store's back, as another version of the app or a damaged profile might have. */
export function putRawRecord(factory: IDBFactory, key: string, value: unknown): Promise<IDBValidKey> {
  return rawTransaction(factory, 'readwrite', (objects) => objects.put(value, key));
}

export function rawRecord(factory: IDBFactory, key: string): Promise<unknown> {
  return rawTransaction(factory, 'readonly', (objects) => objects.get(key));
}

/**
 * A record as the store wrote it, its Blob read back into bytes (records of earlier versions hold the bytes
 * themselves and are returned as they are).
 */
export async function storedRecord(factory: IDBFactory, key: string): Promise<unknown> {
  const record = await rawRecord(factory, key);
  if (typeof record !== 'object' || record === null || !('blob' in record) || !(record.blob instanceof Blob)) return record;
  const { blob, ...rest } = record;
  return { bytes: new Uint8Array(await blob.arrayBuffer()), ...rest };
}

export async function rawKeys(factory: IDBFactory): Promise<string[]> {
  const keys = await rawTransaction(factory, 'readonly', (objects) => objects.getAllKeys());
  return keys.map(String);
}

export function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}
