// Keeps the current workbook in the browser's IndexedDB: one database, one object store, the workbook's bytes under a
// fixed key beside their saved-at time and length. Each save is a single put in a single readwrite transaction, so
// the browser either commits the new record whole or keeps the old one; a load checks the length it finds against the
// length that was written, so a record cut short is reported, never opened as if it were whole.

import { storageMissingProblem, storageProblemFrom, type StorageStep } from './storage-problem';
import {
  storageFailed,
  storageOk,
  type SavedWorkbookInfo,
  type StorageResult,
  type StoredWorkbook,
  type WorkbookStore,
} from './workbook-persistence';

export const WORKBOOK_DATABASE_NAME = 'credit-workbench';
/** Bumped only with an upgrade step in `createObjectStores`; the stored records' shape is part of it. */
const DATABASE_VERSION = 1;
export const WORKBOOK_OBJECT_STORE = 'workbooks';
export const CURRENT_WORKBOOK_KEY = 'current';

/**
 * The record under each key: the workbook's bytes as a Blob. Chromium serialises a typed array inside the put call,
 * on the page's thread (measured for 90 MB: 630–880 ms, then 800 ms more to commit), whereas a Blob is made in one
 * copy (about 310 ms) and stored by reference, committing in milliseconds. Records written before hold `bytes`, a
 * Uint8Array, and still read.
 */
interface WorkbookRecord {
  blob: Blob;
  savedAtMs: number;
  byteLength: number;
}

interface EarlierWorkbookRecord {
  bytes: Uint8Array;
  savedAtMs: number;
  byteLength: number;
}

export interface IndexedDbWorkbookStoreOptions {
  /** Another database name keeps test runs or other workbooks apart; default "credit-workbench". */
  databaseName?: string;
  /** The clock for saved-at times; the page passes Date.now. */
  now: () => number;
}

/**
 * A store over `factory` (the page's `indexedDB`; undefined where the browser has none, which every call then reports
 * as `storage_unavailable`). The database is opened for each call and closed after it: saves are rare (callers
 * debounce them), and no long-lived connection can be closed under us by the browser or block a future upgrade.
 */
export function indexedDbWorkbookStore(factory: IDBFactory | undefined, options: IndexedDbWorkbookStoreOptions): WorkbookStore {
  const databaseName = options.databaseName ?? WORKBOOK_DATABASE_NAME;

  async function withDatabase<T>(work: (database: IDBDatabase) => Promise<StorageResult<T>>): Promise<StorageResult<T>> {
    if (factory === undefined) return { ok: false, problem: storageMissingProblem() };
    const opened = await openDatabase(factory, databaseName);
    if (!opened.ok) return { ok: false, problem: storageProblemFrom(opened.error, 'open') };
    try {
      return await work(opened.database);
    } finally {
      opened.database.close();
    }
  }

  function write(key: string, bytes: Uint8Array, mode: 'replace' | 'add'): Promise<StorageResult<SavedWorkbookInfo>> {
    // The Blob copies exactly the view's bytes, whatever buffer they sit in.
    const record: WorkbookRecord = { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), savedAtMs: options.now(), byteLength: bytes.length };
    return withDatabase((database) =>
      runTransaction(database, 'readwrite', 'save', (objects) => {
        if (mode === 'replace') objects.put(record, key);
        else objects.add(record, key);
        return () => ({ savedAtMs: record.savedAtMs, byteLength: record.byteLength });
      }),
    );
  }

  return {
    load: () =>
      withDatabase(async (database) => {
        const read = await runTransaction(database, 'readonly', 'load', (objects) => {
          const request = objects.get(CURRENT_WORKBOOK_KEY);
          return (): unknown => request.result;
        });
        return read.ok ? await storedWorkbookFrom(read.value) : read;
      }),
    save: (bytes) => write(CURRENT_WORKBOOK_KEY, bytes, 'replace'),
    keepBackup: (bytes, fromSchemaVersion) =>
      // `add` refuses an existing key, so a backup is never overwritten; the time keeps keys apart.
      write(`backup-from-schema-${fromSchemaVersion}-${options.now()}`, bytes, 'add'),
  };
}

type OpenedDatabase = { ok: true; database: IDBDatabase } | { ok: false; error: unknown };

function openDatabase(factory: IDBFactory, name: string): Promise<OpenedDatabase> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DATABASE_VERSION);
    } catch (error) {
      // Some browsers throw SecurityError here (storage blocked) instead of failing the request.
      resolve({ ok: false, error });
      return;
    }
    request.onupgradeneeded = () => createObjectStores(request.result);
    request.onsuccess = () => {
      const database = request.result;
      // Another tab upgrading the database must not wait on us: let go at once.
      database.onversionchange = () => database.close();
      resolve({ ok: true, database });
    };
    request.onerror = () => resolve({ ok: false, error: request.error });
  });
}

function createObjectStores(database: IDBDatabase): void {
  if (!database.objectStoreNames.contains(WORKBOOK_OBJECT_STORE)) database.createObjectStore(WORKBOOK_OBJECT_STORE);
}

/**
 * Runs one transaction on the workbook object store. `start` issues the requests and returns how to read the
 * outcome, which is read only once the transaction has completed: until then nothing is committed (and with strict
 * durability, Chromium's "complete" means flushed to disk).
 */
function runTransaction<T>(
  database: IDBDatabase,
  mode: IDBTransactionMode,
  step: StorageStep,
  start: (objects: IDBObjectStore) => () => T,
): Promise<StorageResult<T>> {
  return new Promise((resolve) => {
    let transaction: IDBTransaction;
    let outcome: () => T;
    try {
      transaction = database.transaction(WORKBOOK_OBJECT_STORE, mode, { durability: 'strict' });
      outcome = start(transaction.objectStore(WORKBOOK_OBJECT_STORE));
    } catch (error) {
      resolve({ ok: false, problem: storageProblemFrom(error, step) });
      return;
    }
    transaction.oncomplete = () => resolve(storageOk(outcome()));
    // A failed request aborts its transaction (nothing here calls preventDefault), so abort covers every failure,
    // including a quota error raised at commit.
    transaction.onabort = () => resolve({ ok: false, problem: storageProblemFrom(transaction.error, step) });
  });
}

async function storedWorkbookFrom(value: unknown): Promise<StorageResult<StoredWorkbook | null>> {
  if (value === undefined) return storageOk(null);
  let bytes: Uint8Array;
  if (isRecord(value)) {
    try {
      bytes = new Uint8Array(await value.blob.arrayBuffer());
    } catch (error) {
      return { ok: false, problem: storageProblemFrom(error, 'load') };
    }
  } else if (isEarlierRecord(value)) {
    bytes = value.bytes;
  } else {
    return storageFailed('storage_damaged', 'The workbook stored in this browser is not in a form this app wrote; it was left as it is.');
  }
  if (bytes.length !== value.byteLength) {
    return storageFailed(
      'storage_damaged',
      `The workbook stored in this browser is incomplete: ${value.byteLength} bytes were saved but ${bytes.length} were found; it was left as it is.`,
    );
  }
  return storageOk({ bytes, savedAtMs: value.savedAtMs });
}

function isRecord(value: unknown): value is WorkbookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<Record<keyof WorkbookRecord, unknown>>;
  return record.blob instanceof Blob && typeof record.savedAtMs === 'number' && typeof record.byteLength === 'number';
}

function isEarlierRecord(value: unknown): value is EarlierWorkbookRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<Record<keyof EarlierWorkbookRecord, unknown>>;
  return record.bytes instanceof Uint8Array && typeof record.savedAtMs === 'number' && typeof record.byteLength === 'number';
}
