import { describe, expect, test } from 'vitest';
import { replay } from '../../core/engine/replay/replay';
import { readCustomers } from '../../core/engine/usage/customers-reader';
import { readEvents } from '../../core/engine/usage/events-reader';
import { importUsage, type UsageImportRequest } from '../../core/workbook/import-usage';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { listDatasets } from '../../core/workbook/repositories/datasets';
import { monthlyPlan, pack, testBook } from '../support/book-builder';
import { expectSameDataset, freshWorkbook, sameBytes, sqlJs, valueOf } from './workbook-support';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const CUSTOMERS_CSV = [
  'customer_id,plan,start,end,segment',
  'acme,pro,2025-01-01T00:00:00Z,,smb',
  'globex,,2025-01-10,,',
  'initech,pro,2025-02-01,2025-05-31,enterprise',
].join('\n');

const EVENTS_CSV = [
  'timestamp,customer_id,feature,quantity',
  '2025-01-05T00:00:00Z,acme,call,30',
  '2025-02-06T10:00:00Z,globex,export,2',
  '2025-01-20T00:00:00.500Z,acme,export,1',
  '2025-02-03T00:00:00Z,initech,call,120.25',
  '2025-03-01T00:00:00Z,acme,call,95',
  '2025-01-11T00:00:00Z,globex,call,60',
].join('\n');

function request(overrides: Partial<UsageImportRequest> = {}): UsageImportRequest {
  return {
    name: '2025 H1 export',
    eventsBytes: text(EVENTS_CSV),
    eventsFileName: 'events.csv',
    customersBytes: text(CUSTOMERS_CSV),
    customersFileName: 'customers.csv',
    importedAtMs: Date.UTC(2025, 6, 1),
    ...overrides,
  };
}

const book = testBook({
  features: [
    { key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: '1' },
    { key: 'export', name: 'Export', unitLabel: 'export', burnPerUnit: '5' },
  ],
  plans: [monthlyPlan({ whenExhausted: { kind: 'auto-top-up', packKey: 'p50', thresholdCredits: '10' } })],
  packs: [pack()],
});

describe('importing usage files', () => {
  test('a valid pair of files becomes a dataset with its counts, time range and file names', async () => {
    const workbook = await freshWorkbook();
    const imported = importUsage(workbook, request());
    expect(imported).toEqual({
      ok: true,
      customerRows: 3,
      eventRows: 6,
      dataset: {
        id: 1,
        name: '2025 H1 export',
        eventsFileName: 'events.csv',
        customersFileName: 'customers.csv',
        customerCount: 3,
        eventCount: 6,
        featureCount: 2,
        firstEventMs: Date.UTC(2025, 0, 5),
        lastEventMs: Date.UTC(2025, 2, 1),
        importedAtMs: Date.UTC(2025, 6, 1),
      },
    });
  });

  test('the stored dataset equals the one read straight from the files, and replays to the identical report', async () => {
    const workbook = await freshWorkbook();
    importUsage(workbook, request());
    const customers = readCustomers(text(CUSTOMERS_CSV), 'customers.csv');
    if (!customers.ok) throw new Error('fixture customers do not read');
    const fromFiles = readEvents(text(EVENTS_CSV), 'events.csv', { customers: customers.customers });
    if (!fromFiles.ok) throw new Error('fixture events do not read');

    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    const stored = valueOf(loadDataset(reopened, 1));
    expectSameDataset(stored, fromFiles.dataset);
    expect(JSON.stringify(replay(book, stored))).toBe(JSON.stringify(replay(book, fromFiles.dataset)));
  });

  test('a name is trimmed, and an empty one is refused', async () => {
    const workbook = await freshWorkbook();
    const imported = importUsage(workbook, request({ name: '  H1  ' }));
    expect(imported.ok && imported.dataset.name).toBe('H1');
    expect(importUsage(workbook, request({ name: ' ' }))).toEqual({
      ok: false,
      problem: { code: 'dataset_name_empty', message: 'The dataset needs a name; none was given.' },
      errors: [],
      errorCount: 0,
    });
  });

  test('a name already in the workbook is refused before the files are read', async () => {
    const workbook = await freshWorkbook();
    importUsage(workbook, request());
    expect(importUsage(workbook, request({ eventsBytes: text('not,a,usage,file\n') }))).toEqual({
      ok: false,
      problem: { code: 'dataset_name_taken', message: 'The workbook already has a dataset named "2025 H1 export"; pick another name.' },
      errors: [],
      errorCount: 0,
    });
  });
});

describe('a failed import changes nothing and says where each error is', () => {
  test('errors in the events file are listed with file, line, column and a sentence', async () => {
    const workbook = await freshWorkbook();
    importUsage(workbook, request({ name: 'earlier import' }));
    const before = exportWorkbook(workbook);
    const events = [
      'timestamp,customer_id,feature,quantity',
      '2025-01-05T00:00:00Z,acme,call,3',
      '2025-01-06T00:00:00Z,nobody,call,1',
      'yesterday,acme,call,2',
      '2025-01-12T00:00:00Z,globex,call,-4',
      '2025-01-12T00:00:00Z,globex,call,1.0000001',
    ].join('\n');
    expect(importUsage(workbook, request({ eventsBytes: text(events) }))).toEqual({
      ok: false,
      problem: { code: 'usage_import_failed', message: 'Nothing was imported: events.csv has 4 errors.' },
      errorCount: 4,
      errors: [
        {
          code: 'unknown_customer',
          file: 'events.csv',
          line: 3,
          column: 2,
          field: 'customer_id',
          message:
            'events.csv line 3, column 2 (customer_id): customer "nobody" has no customer record, so it has no plan; add it to the customers file or remove its events.',
        },
        {
          code: 'invalid_time',
          file: 'events.csv',
          line: 4,
          column: 1,
          field: 'timestamp',
          message:
            'events.csv line 4, column 1 (timestamp): "yesterday" is not a time; expected an ISO-8601 UTC time such as 2025-03-04T12:34:56Z, a date such as 2025-03-04 or epoch milliseconds such as 1741091696000.',
        },
        {
          code: 'negative_quantity',
          file: 'events.csv',
          line: 5,
          column: 4,
          field: 'quantity',
          message: 'events.csv line 5, column 4 (quantity): "-4" is negative; quantities must be zero or more.',
        },
        {
          code: 'too_many_decimals',
          file: 'events.csv',
          line: 6,
          column: 4,
          field: 'quantity',
          message: 'events.csv line 6, column 4 (quantity): "1.0000001" has more than 6 decimals; quantities are kept in millionths of a unit.',
        },
      ],
    });
    expect(sameBytes(exportWorkbook(workbook), before)).toBe(true);
    expect(listDatasets(workbook).map((dataset) => dataset.name)).toEqual(['earlier import']);
  });

  test('errors in the customers file are reported and the events are not read against them', async () => {
    const workbook = await freshWorkbook();
    const before = exportWorkbook(workbook);
    const customers = ['customer_id,plan,start', 'acme,pro,2025-01-01', 'acme,pro,2025-01-02', 'beta,pro,soon'].join('\n');
    expect(importUsage(workbook, request({ customersBytes: text(customers) }))).toEqual({
      ok: false,
      problem: { code: 'usage_import_failed', message: 'Nothing was imported: customers.csv has 2 errors.' },
      errorCount: 2,
      errors: [
        {
          code: 'duplicate_customer',
          file: 'customers.csv',
          line: 3,
          column: 1,
          field: 'customer_id',
          message: 'customers.csv line 3, column 1 (customer_id): customer "acme" is listed twice (first on line 2).',
        },
        {
          code: 'invalid_time',
          file: 'customers.csv',
          line: 4,
          column: 3,
          field: 'start',
          message:
            'customers.csv line 4, column 3 (start): "soon" is not a time; expected an ISO-8601 UTC time such as 2025-03-04T12:34:56Z, a date such as 2025-03-04 or epoch milliseconds such as 1741091696000.',
        },
      ],
    });
    expect(sameBytes(exportWorkbook(workbook), before)).toBe(true);
  });

  test('of many errors, the first 100 are listed in file order with the total count', async () => {
    const workbook = await freshWorkbook();
    const rows = Array.from({ length: 150 }, (_, i) => `2025-01-05T00:00:00Z,acme,call,x${i}`);
    const imported = importUsage(workbook, request({ eventsBytes: text(['timestamp,customer_id,feature,quantity', ...rows].join('\n')) }));
    if (imported.ok) throw new Error('expected the import to fail');
    expect(imported.problem).toEqual({
      code: 'usage_import_failed',
      message: 'Nothing was imported: events.csv has 150 errors (the first 100 are listed).',
    });
    expect(imported.errorCount).toBe(150);
    expect(imported.errors).toHaveLength(100);
    expect(imported.errors.map((error) => error.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(imported.errors[99].message).toBe('events.csv line 101, column 4 (quantity): "x99" is not a number; quantities are decimals such as 3 or 1.5.');
    expect(listDatasets(workbook)).toEqual([]);
  });
});

describe('importing a later export for the customers of a dataset already in the workbook', () => {
  const LATER_EVENTS_CSV = [
    'timestamp,customer_id,feature,quantity',
    '2025-04-02T00:00:00Z,initech,call,12',
    '2025-04-01T00:00:00Z,acme,export,3',
  ].join('\n');

  function laterRequest(customersFromDatasetId: number, eventsCsv = LATER_EVENTS_CSV): UsageImportRequest {
    return { name: '2025 Q2 export', eventsBytes: text(eventsCsv), eventsFileName: 'q2.csv', importedAtMs: Date.UTC(2025, 6, 2), customersFromDatasetId };
  }

  test("the new dataset holds that dataset's customers and names their file", async () => {
    const workbook = await freshWorkbook();
    const first = importUsage(workbook, request());
    if (!first.ok) throw new Error(first.problem.message);
    const imported = importUsage(workbook, laterRequest(first.dataset.id));
    if (!imported.ok) throw new Error(imported.problem.message);
    expect(imported).toMatchObject({ customerRows: 3, eventRows: 2, dataset: { id: 2, customerCount: 3, eventCount: 2, customersFileName: 'customers.csv' } });

    const customers = readCustomers(text(CUSTOMERS_CSV), 'customers.csv');
    if (!customers.ok) throw new Error('fixture customers do not read');
    const fromFiles = readEvents(text(LATER_EVENTS_CSV), 'q2.csv', { customers: customers.customers });
    if (!fromFiles.ok) throw new Error('fixture events do not read');
    expectSameDataset(valueOf(loadDataset(workbook, 2)), fromFiles.dataset);
  });

  test("an event of someone not among that dataset's customers is the reader's error, with file, line and column", async () => {
    const workbook = await freshWorkbook();
    importUsage(workbook, request());
    const before = exportWorkbook(workbook);
    const events = ['timestamp,customer_id,feature,quantity', '2025-04-01T00:00:00Z,acme,call,1', '2025-04-01T00:00:00Z,hooli,call,1'].join('\n');
    expect(importUsage(workbook, laterRequest(1, events))).toEqual({
      ok: false,
      problem: { code: 'usage_import_failed', message: 'Nothing was imported: q2.csv has 1 error.' },
      errorCount: 1,
      errors: [
        {
          code: 'unknown_customer',
          file: 'q2.csv',
          line: 3,
          column: 2,
          field: 'customer_id',
          message:
            'q2.csv line 3, column 2 (customer_id): customer "hooli" has no customer record, so it has no plan; add it to the customers file or remove its events.',
        },
      ],
    });
    expect(sameBytes(exportWorkbook(workbook), before)).toBe(true);
  });

  test('a dataset that is not there is named', async () => {
    const workbook = await freshWorkbook();
    expect(importUsage(workbook, laterRequest(7))).toEqual({
      ok: false,
      problem: { code: 'dataset_not_found', message: 'The workbook has no dataset with id 7.' },
      errors: [],
      errorCount: 0,
    });
    expect(listDatasets(workbook)).toEqual([]);
  });
});
