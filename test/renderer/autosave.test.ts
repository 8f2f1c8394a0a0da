import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { startAutosave, type AutosaveTimers } from '../../renderer/state/autosave';
import { createWorkbenchStore } from '../../renderer/state/store';
import { storageFailed, storageOk, type WorkbookStore } from '../../renderer/storage/workbook-persistence';

/** Timers a test fires by hand: nothing runs until `fire`. */
function manualTimers(): AutosaveTimers & { fire(): void; pendingCount(): number } {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout: (work) => {
      const handle = next++;
      pending.set(handle, work);
      return handle;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    fire: () => {
      const works = [...pending.values()];
      pending.clear();
      works.forEach((work) => work());
    },
    pendingCount: () => pending.size,
  };
}

function memoryStorage(fail = false): WorkbookStore & { saves: Uint8Array[] } {
  const saves: Uint8Array[] = [];
  return {
    saves,
    load: async () => storageOk(null),
    save: async (bytes) => {
      if (fail) return storageFailed('storage_full', 'The storage is full.');
      saves.push(bytes);
      return storageOk({ savedAtMs: 1000 + saves.length, byteLength: bytes.length });
    },
    keepBackup: async () => storageOk({ savedAtMs: 0, byteLength: 0 }),
  };
}

async function storeWithWorkbook(rescueBytes: Uint8Array | null = null) {
  const store = createWorkbenchStore();
  store.getState().workbookOpened({ workbook: createWorkbook(await loadSqlJs()), status: '', problem: null, rescueBytes, stored: true, savedAtMs: 1 });
  return store;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the autosave', () => {
  test('a burst of changes is saved once, after the quiet spell', async () => {
    const store = await storeWithWorkbook();
    const storage = memoryStorage();
    const timers = manualTimers();
    startAutosave(store, storage, { timers });
    store.getState().workbookChanged(null);
    store.getState().workbookChanged(null);
    store.getState().workbookChanged(null);
    expect(timers.pendingCount()).toBe(1);
    expect(storage.saves).toHaveLength(0);
    timers.fire();
    await settle();
    expect(storage.saves).toHaveLength(1);
    expect(store.getState().saveState).toEqual({ kind: 'saved', savedAtMs: 1001 });
  });

  test('nothing is saved while nothing changed', async () => {
    const store = await storeWithWorkbook();
    const timers = manualTimers();
    startAutosave(store, memoryStorage(), { timers });
    store.getState().showScreen('finance');
    expect(timers.pendingCount()).toBe(0);
  });

  test('save now saves at once and drops the pending save', async () => {
    const store = await storeWithWorkbook();
    const storage = memoryStorage();
    const timers = manualTimers();
    const autosave = startAutosave(store, storage, { timers });
    store.getState().workbookChanged(null);
    await autosave.saveNow();
    expect(storage.saves).toHaveLength(1);
    expect(timers.pendingCount()).toBe(0);
  });

  test('a failed save says why, in the storage’s own sentence', async () => {
    const store = await storeWithWorkbook();
    const autosave = startAutosave(store, memoryStorage(true), { timers: manualTimers() });
    store.getState().workbookChanged(null);
    await autosave.saveNow();
    expect(store.getState().saveState).toEqual({ kind: 'failed', message: 'The storage is full.' });
  });

  test('stored bytes waiting to be rescued are written over only by an explicit save', async () => {
    const store = await storeWithWorkbook(new Uint8Array([1, 2, 3]));
    const storage = memoryStorage();
    const timers = manualTimers();
    const autosave = startAutosave(store, storage, { timers });
    store.getState().workbookChanged(null);
    expect(timers.pendingCount()).toBe(0);
    await autosave.saveNow();
    expect(storage.saves).toHaveLength(1);
    expect(store.getState().rescueBytes).toBeNull();
  });
});
