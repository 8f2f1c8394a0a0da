import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { CUSTOMER_FIELDS } from '../../core/engine/usage/customers-reader';
import { EVENT_FIELDS } from '../../core/engine/usage/events-reader';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { listDatasets } from '../../core/workbook/repositories/datasets';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { missingRoles, roleColumns } from '../../renderer/screens/import/column-roles';
import { csvRecords, previewFile } from '../../renderer/screens/import/file-preview';
import { importDataset } from '../../renderer/screens/import/import-actions';
import { createWorkbenchStore } from '../../renderer/state/store';
import { createImportClient, type ImportWorkerHandle } from '../../renderer/workers/import-client';
import { runImportJob } from '../../renderer/workers/import-job';
import type { ImportJob, ImportJobRequest, ImportJobResponse } from '../../renderer/workers/import-protocol';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

const CUSTOMERS = 'customer_id,plan,start\nacme,pro,2025-01-01T00:00:00Z\nglobex,free,2025-01-01T00:00:00Z\n';
const GOOD_EVENTS = 'time,customer_id,feature,quantity\n2025-01-02T00:00:00Z,acme,tokens,5\n2025-01-03T00:00:00Z,globex,tokens,2.5\n';
const BAD_EVENTS = 'time,customer_id,feature,quantity\n2025-01-02T00:00:00Z,acme,tokens,5\n2025-01-03T00:00:00Z,acme,tokens,five\n';

function job(events: string, eventsColumns = {}): ImportJob {
  return {
    customers: { fileName: 'customers.csv', bytes: encode(CUSTOMERS), format: null, columns: {} },
    events: { fileName: 'events.csv', bytes: encode(events), format: null, columns: eventsColumns },
  };
}

/** The worker, run in this thread as soon as it is asked. */
function inThreadImportWorker(): ImportWorkerHandle {
  const handle: ImportWorkerHandle = {
    onmessage: null,
    onerror: null,
    postMessage(message: ImportJobRequest) {
      queueMicrotask(() => runImportJob(message.jobId, message.job, (response) => handle.onmessage?.({ data: response } as MessageEvent<ImportJobResponse>), 16));
    },
    terminate() {},
  };
  return handle;
}

describe('the preview of a picked file', () => {
  test('a CSV shows its header and first rows, quotes undone', () => {
    const preview = previewFile(encode('a,b\n1,"x, ""y"""\r\n2,z\n'), 'f.csv');
    expect(preview).toEqual({ format: 'csv', columns: ['a', 'b'], rows: [['1', 'x, "y"'], ['2', 'z']], problem: null });
  });

  test('NDJSON shows the keys of its first objects', () => {
    const preview = previewFile(encode('{"time":"t","qty":1}\n{"time":"u","feature":"f"}\n'), 'f.ndjson');
    expect(preview.columns).toEqual(['time', 'qty', 'feature']);
    expect(preview.rows).toEqual([['t', '1', ''], ['u', '', 'f']]);
  });

  test('a file whose name does not tell its format is explained', () => {
    expect(previewFile(encode('a'), 'usage.txt').problem).toBe('"usage.txt" is neither .csv, .ndjson nor .jsonl, so its format cannot be told; rename the file.');
  });

  test('records stop at the limit', () => {
    expect(csvRecords('a\nb\nc\n', 2)).toEqual([['a'], ['b']]);
  });
});

describe('the columns each value comes from', () => {
  test('found by core’s accepted names, or chosen by the user', () => {
    const found = roleColumns(EVENT_FIELDS, ['ts', 'customer', 'metric', 'amount'], {});
    expect(found.map((role) => [role.key, role.column])).toEqual([
      ['time', 'ts'],
      ['customer', 'customer'],
      ['feature', 'metric'],
      ['quantity', null],
    ]);
    expect(missingRoles(found, 'usage.csv')).toEqual(['usage.csv has no column for the quantity: choose one below (accepted names: quantity, qty, units, value).']);
    const chosen = roleColumns(EVENT_FIELDS, ['ts', 'customer', 'metric', 'amount'], { quantity: 'amount' });
    expect(chosen[3]).toMatchObject({ column: 'amount', chosen: true });
    expect(missingRoles(chosen, 'usage.csv')).toEqual([]);
    expect(missingRoles(roleColumns(CUSTOMER_FIELDS, ['customer_id', 'plan', 'start'], {}), 'c.csv')).toEqual([]);
  });
});

describe('an import job', () => {
  test('valid files give the dataset, with progress in bytes up to both files', () => {
    const responses: ImportJobResponse[] = [];
    runImportJob(1, job(GOOD_EVENTS), (response) => responses.push(response), 8);
    const last = responses.at(-1);
    expect(last?.kind).toBe('read');
    if (last?.kind === 'read') expect([last.customerRows, last.eventRows, last.dataset.eventCount]).toEqual([2, 2, 2]);
    const progress = responses.filter((response) => response.kind === 'progress');
    expect(progress.at(-1)).toMatchObject({ bytesDone: CUSTOMERS.length + GOOD_EVENTS.length, bytesTotal: CUSTOMERS.length + GOOD_EVENTS.length, file: 'events' });
  });

  test('a bad value is reported with its file, line and column, and no dataset', () => {
    const responses: ImportJobResponse[] = [];
    runImportJob(1, job(BAD_EVENTS), (response) => responses.push(response));
    expect(responses.at(-1)).toEqual({
      kind: 'invalid',
      jobId: 1,
      file: 'events',
      errorCount: 1,
      errors: [expect.objectContaining({ file: 'events.csv', line: 3, column: 4, field: 'quantity' })],
    });
  });

  test('a column mapping renames what the reader looks for', () => {
    const responses: ImportJobResponse[] = [];
    const renamed = GOOD_EVENTS.replace('quantity', 'amount');
    runImportJob(1, job(renamed, { quantity: 'amount' }), (response) => responses.push(response));
    expect(responses.at(-1)?.kind).toBe('read');
  });
});

describe('importing into the workbook', () => {
  async function storeWithWorkbook() {
    const store = createWorkbenchStore();
    store.getState().workbookOpened({ workbook: createWorkbook(await loadSqlJs()), status: '', problem: null, rescueBytes: null, stored: true, savedAtMs: 0 });
    return store;
  }

  test('valid files become a dataset equal to what the readers read, and the workbook changes', async () => {
    const store = await storeWithWorkbook();
    const revision = store.getState().workbookRevision;
    const outcome = await importDataset(store, createImportClient(inThreadImportWorker), 'January', job(GOOD_EVENTS), () => 42, () => undefined);
    expect(outcome.kind).toBe('imported');
    const workbook = store.getState().workbook;
    if (workbook === null || outcome.kind !== 'imported') throw new Error('no workbook');
    expect(listDatasets(workbook).map((dataset) => [dataset.name, dataset.customerCount, dataset.eventCount, dataset.importedAtMs])).toEqual([['January', 2, 2, 42]]);
    const stored = loadDataset(workbook, outcome.dataset.id);
    expect(stored.ok && Array.from(stored.value.quantityMicros)).toEqual([5_000_000, 2_500_000]);
    expect(store.getState().workbookRevision).toBe(revision + 1);
  });

  test('a file with a bad line imports nothing and lists the problem', async () => {
    const store = await storeWithWorkbook();
    const outcome = await importDataset(store, createImportClient(inThreadImportWorker), 'January', job(BAD_EVENTS), () => 42, () => undefined);
    expect(outcome).toMatchObject({ kind: 'refused', message: 'Nothing was imported: events.csv has 1 error.', errorCount: 1 });
    expect(listDatasets(store.getState().workbook ?? createWorkbook(await loadSqlJs()))).toEqual([]);
  });

  test('a taken or empty name is refused before anything is read', async () => {
    const store = await storeWithWorkbook();
    const client = createImportClient(inThreadImportWorker);
    await importDataset(store, client, 'January', job(GOOD_EVENTS), () => 1, () => undefined);
    expect(await importDataset(store, client, ' January ', job(GOOD_EVENTS), () => 2, () => undefined)).toMatchObject({
      kind: 'refused',
      message: 'The workbook already has a dataset named "January"; pick another name. Nothing was imported.',
    });
    expect(await importDataset(store, client, '  ', job(GOOD_EVENTS), () => 2, () => undefined)).toMatchObject({ kind: 'refused', message: 'The dataset needs a name; nothing was imported.' });
  });
});
