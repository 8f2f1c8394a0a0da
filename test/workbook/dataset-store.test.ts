import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildDataset } from '../../core/engine/usage/build-dataset';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { loadCustomerUsage, loadDataset, loadDatasetCustomers, readStoredDataset, saveDataset, type DatasetSource } from '../../core/workbook/repositories/dataset-store';
import { findDatasetByName, getDataset, latestDataset, listDatasets } from '../../core/workbook/repositories/datasets';
import { queryRows } from '../../core/workbook/sql-rows';
import { decodeStoredDataset, storedDatasetBuffers } from '../../core/workbook/usage/stored-dataset';
import { USAGE_CHUNK_EVENTS } from '../../core/workbook/usage/usage-chunks';
import { expectSameDataset, freshWorkbook, sameBytes, smallDataset, sqlJs, valueOf } from './workbook-support';

const SOURCE: DatasetSource = { name: '2025 H1 export', eventsFileName: 'events.csv', customersFileName: 'customers.csv', importedAtMs: 1_750_000_000_000 };

/** A seeded dataset of `eventCount` events over `customerCount` customers, with ms-precision times. */
function syntheticDataset(eventCount: number, customerCount: number, featureCount: number, seed: number): UsageDataset {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const ids = Array.from({ length: customerCount }, (_, i) => `customer-${i}`);
  const columns = {
    count: eventCount,
    timeMs: new Float64Array(eventCount),
    customerIndex: new Uint32Array(eventCount),
    featureIndex: new Uint16Array(eventCount),
    quantityMicros: new Float64Array(eventCount),
  };
  for (let row = 0; row < eventCount; row++) {
    columns.timeMs[row] = Date.UTC(2025, 0, 1) + Math.floor(next() * 365 * 86_400_000);
    columns.customerIndex[row] = Math.floor(next() * customerCount);
    columns.featureIndex[row] = Math.floor(next() * featureCount);
    columns.quantityMicros[row] = Math.floor(next() * 10_000_000);
  }
  return buildDataset(
    {
      ids,
      planKeys: ids.map((_, i) => (i % 2 === 0 ? 'pro' : '')),
      startMs: Float64Array.from(ids, (_, i) => Date.UTC(2025, 0, 1 + i)),
      endMs: Float64Array.from(ids, (_, i) => (i % 3 === 0 ? Infinity : Date.UTC(2026, 0, 1))),
      segments: ids.map((_, i) => (i % 5 === 0 ? 'smb' : '')),
    },
    Array.from({ length: featureCount }, (_, i) => `feature-${i}`),
    columns,
  );
}

describe('storing and loading datasets', () => {
  test('a stored dataset loads back equal to the original, column by column', async () => {
    const workbook = await freshWorkbook();
    const original = smallDataset();
    const summary = valueOf(saveDataset(workbook, original, SOURCE));
    expect(summary).toEqual({
      id: 1,
      name: '2025 H1 export',
      eventsFileName: 'events.csv',
      customersFileName: 'customers.csv',
      customerCount: 3,
      eventCount: 4,
      featureCount: 2,
      firstEventMs: Date.parse('2025-01-20T08:30:00.123Z'),
      lastEventMs: Date.parse('2025-04-01T00:00:00Z'),
      importedAtMs: 1_750_000_000_000,
    });
    expectSameDataset(valueOf(loadDataset(workbook, summary.id)), original);
  });

  test('a dataset spanning several chunks survives export and reopening exactly', async () => {
    const workbook = await freshWorkbook();
    const original = syntheticDataset(USAGE_CHUNK_EVENTS * 2 + 123, 500, 300, 42);
    const { id } = valueOf(saveDataset(workbook, original, SOURCE));
    const chunks = queryRows(workbook.database, 'SELECT event_count, time_encoding, feature_encoding FROM usage_chunks ORDER BY chunk_index');
    // Millisecond times spread over a year do not fit u32 as offsets, but their gaps within a customer do.
    expect(chunks).toEqual([
      [USAGE_CHUNK_EVENTS, 'delta-u32', 'u16'],
      [USAGE_CHUNK_EVENTS, 'delta-u32', 'u16'],
      [123, 'delta-u32', 'u16'],
    ]);
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    expectSameDataset(valueOf(loadDataset(reopened, id)), original);
  });

  test('quantities of small and large features share a two-byte column, the few large ones patched, and come back exactly', async () => {
    const workbook = await freshWorkbook();
    const original = syntheticDataset(5_000, 40, 4, 7);
    // Thousandths of up to 50 units, except one event in fifty of up to two million units.
    original.quantityMicros.forEach((_, row) => {
      original.quantityMicros[row] = row % 50 === 0 ? 2_000_000_000_000 - row * 1_000 : 1_000 * ((row * 7_919) % 50_000);
    });
    const { id } = valueOf(saveDataset(workbook, original, SOURCE));
    const [[encoding, bytes]] = queryRows(workbook.database, 'SELECT quantity_encoding, length(quantity_values) FROM usage_chunks');
    expect([encoding, bytes]).toEqual(['patched-u16', 5_000 * 2 + 100 * 12]);
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs())).workbook;
    expectSameDataset(valueOf(loadDataset(reopened, id)), original);
  });

  test('loaded columns own fresh buffers, so changing them leaves the stored dataset alone', async () => {
    const workbook = await freshWorkbook();
    const { id } = valueOf(saveDataset(workbook, smallDataset(), SOURCE));
    const first = valueOf(loadDataset(workbook, id));
    first.timeMs.fill(0);
    first.customers.startMs.fill(0);
    expectSameDataset(valueOf(loadDataset(workbook, id)), smallDataset());
  });

  test('an empty dataset and a dataset of customers without events round-trip', async () => {
    const workbook = await freshWorkbook();
    const empty = buildDataset({ ids: [], planKeys: [], startMs: new Float64Array(0), endMs: new Float64Array(0), segments: [] }, [], {
      count: 0,
      timeMs: new Float64Array(0),
      customerIndex: new Uint32Array(0),
      featureIndex: new Uint16Array(0),
      quantityMicros: new Float64Array(0),
    });
    const emptySummary = valueOf(saveDataset(workbook, empty, { ...SOURCE, name: 'empty' }));
    expect(emptySummary.firstEventMs).toBeNull();
    expectSameDataset(valueOf(loadDataset(workbook, emptySummary.id)), empty);
    const idle = syntheticDataset(0, 4, 1, 1);
    expectSameDataset(valueOf(loadDataset(workbook, valueOf(saveDataset(workbook, idle, { ...SOURCE, name: 'idle' })).id)), idle);
  });

  test('any dataset, with any customer and feature layout, comes back exactly', async () => {
    const workbook = await freshWorkbook();
    let run = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 400 }), fc.integer(), (events, customers, features, seed) => {
        const original = syntheticDataset(events, customers, features, seed);
        run += 1;
        const { id } = valueOf(saveDataset(workbook, original, { ...SOURCE, name: `run ${run}` }));
        expectSameDataset(valueOf(loadDataset(workbook, id)), original);
      }),
      { numRuns: 60 },
    );
  });

  test('datasets are listed in import order and found by id or name', async () => {
    const workbook = await freshWorkbook();
    valueOf(saveDataset(workbook, smallDataset(), { ...SOURCE, name: 'H1' }));
    valueOf(saveDataset(workbook, smallDataset(), { ...SOURCE, name: 'H2', customersFileName: null }));
    expect(listDatasets(workbook).map((dataset) => [dataset.id, dataset.name, dataset.customersFileName])).toEqual([
      [1, 'H1', 'customers.csv'],
      [2, 'H2', null],
    ]);
    expect(valueOf(findDatasetByName(workbook, 'H2')).id).toBe(2);
    expect(findDatasetByName(workbook, 'H3')).toEqual({
      ok: false,
      problem: { code: 'dataset_not_found', message: 'The workbook has no dataset named "H3".' },
    });
    expect(getDataset(workbook, 9)).toEqual({ ok: false, problem: { code: 'dataset_not_found', message: 'The workbook has no dataset with id 9.' } });
    expect(loadDataset(workbook, 9)).toEqual({ ok: false, problem: { code: 'dataset_not_found', message: 'The workbook has no dataset with id 9.' } });
  });

  test('the latest dataset is the one added last, whatever its import time', async () => {
    const workbook = await freshWorkbook();
    expect(latestDataset(workbook)).toBeNull();
    valueOf(saveDataset(workbook, smallDataset(), { ...SOURCE, name: 'H2', importedAtMs: 2_000 }));
    valueOf(saveDataset(workbook, smallDataset(), { ...SOURCE, name: 'H1', importedAtMs: 1_000 }));
    expect(latestDataset(workbook)?.name).toBe('H1');
  });

  test("a dataset's customers load on their own, equal to the stored table", async () => {
    const workbook = await freshWorkbook();
    const dataset = smallDataset();
    const { id } = valueOf(saveDataset(workbook, dataset, SOURCE));
    expect(valueOf(loadDatasetCustomers(workbook, id))).toEqual(dataset.customers);
    expect(loadDatasetCustomers(workbook, 9)).toEqual({ ok: false, problem: { code: 'dataset_not_found', message: 'The workbook has no dataset with id 9.' } });
  });
});

describe('a dataset write either happens whole or not at all', () => {
  test('a second dataset of the same name is refused and nothing is written', async () => {
    const workbook = await freshWorkbook();
    valueOf(saveDataset(workbook, smallDataset(), SOURCE));
    const before = exportWorkbook(workbook);
    expect(saveDataset(workbook, smallDataset(), SOURCE)).toEqual({
      ok: false,
      problem: { code: 'dataset_name_taken', message: 'The workbook already has a dataset named "2025 H1 export"; pick another name.' },
    });
    expect(sameBytes(exportWorkbook(workbook), before)).toBe(true);
  });

  test('a failure while writing the third chunk rolls back every row already written', async () => {
    const workbook = await freshWorkbook();
    valueOf(saveDataset(workbook, smallDataset(), { ...SOURCE, name: 'kept' }));
    const before = exportWorkbook(workbook);
    workbook.database.run(
      "CREATE TEMP TRIGGER fail_third_chunk AFTER INSERT ON usage_chunks WHEN NEW.chunk_index = 2 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );
    expect(() => saveDataset(workbook, syntheticDataset(USAGE_CHUNK_EVENTS * 3, 10, 2, 3), { ...SOURCE, name: 'lost' })).toThrow('disk I/O error');
    workbook.database.run('DROP TRIGGER fail_third_chunk');
    expect(listDatasets(workbook).map((dataset) => dataset.name)).toEqual(['kept']);
    expect(queryRows(workbook.database, 'SELECT count(*) FROM usage_chunks')).toEqual([[1]]);
    expect(sameBytes(exportWorkbook(workbook), before)).toBe(true);
  });

  test('a dataset that is not sorted by customer is a programming error and writes nothing', async () => {
    const workbook = await freshWorkbook();
    const broken = smallDataset();
    broken.customerIndex.reverse();
    expect(() => saveDataset(workbook, broken, SOURCE)).toThrow(/invariant: event \d+ is not sorted by customer/);
    expect(listDatasets(workbook)).toEqual([]);
  });
});

describe('stored usage is never edited', () => {
  test('the schema refuses to update a stored chunk', async () => {
    const workbook = await freshWorkbook();
    valueOf(saveDataset(workbook, smallDataset(), SOURCE));
    expect(() => workbook.database.run('UPDATE usage_chunks SET event_count = 1')).toThrow(
      'stored usage is never changed: import a new dataset instead',
    );
  });
});

describe('damaged usage is refused, not misread', () => {
  async function damagedBy(sql: string): Promise<unknown> {
    const workbook = await freshWorkbook();
    const { id } = valueOf(saveDataset(workbook, syntheticDataset(1000, 5, 3, 9), SOURCE));
    // Simulates a file edited behind the workbook's back: the guard trigger has to go first.
    workbook.database.run('DROP TRIGGER usage_chunks_are_never_changed');
    workbook.database.run(sql);
    return loadDataset(workbook, id);
  }

  const damaged = {
    ok: false,
    problem: {
      code: 'workbook_damaged',
      message: 'The stored usage of dataset "2025 H1 export" is damaged (its event blocks are malformed or do not add up to its event count); import the usage again.',
    },
  };

  test('a cut-off time blob', async () => {
    expect(await damagedBy('UPDATE usage_chunks SET time_values = substr(time_values, 1, 10)')).toEqual(damaged);
  });

  test('a feature index beyond the dataset features', async () => {
    expect(await damagedBy("UPDATE usage_chunks SET feature_values = CAST(zeroblob(999) || char(9) AS BLOB)")).toEqual(damaged);
  });

  test('a missing chunk', async () => {
    expect(await damagedBy('DELETE FROM usage_chunks')).toEqual(damaged);
  });

  test('an unknown encoding', async () => {
    expect(await damagedBy("UPDATE usage_chunks SET quantity_encoding = 'zstd'")).toEqual(damaged);
  });

  test('customer offsets that do not cover the events', async () => {
    expect(await damagedBy("UPDATE dataset_customers SET event_start = zeroblob(24)")).toEqual({
      ok: false,
      problem: {
        code: 'workbook_damaged',
        message: 'The stored usage of dataset "2025 H1 export" is damaged (its customer table does not match its counts); import the usage again.',
      },
    });
  });
});

describe('reading a dataset as stored bytes, to decode elsewhere', () => {
  test('the stored bytes decode to the same dataset loadDataset gives, even after a transfer to another realm', async () => {
    const workbook = await freshWorkbook();
    const original = syntheticDataset(3 * USAGE_CHUNK_EVENTS + 17, 40, 5, 11);
    const saved = valueOf(saveDataset(workbook, original, SOURCE));
    const stored = valueOf(readStoredDataset(workbook, saved.id));
    expect(stored.chunks).toHaveLength(4);
    // What the page does with its worker: hand the blobs over without copying them.
    const buffers = storedDatasetBuffers(stored);
    const received = structuredClone(stored, { transfer: buffers });
    expect(stored.chunks[0].time.bytes.byteLength).toBe(0);
    expectSameDataset(valueOf(decodeStoredDataset(received)), original);
    expectSameDataset(valueOf(loadDataset(workbook, saved.id)), original);
  });

  test('a stored dataset missing a block, or with a block out of place, is refused as damaged, never half read', async () => {
    const workbook = await freshWorkbook();
    const saved = valueOf(saveDataset(workbook, syntheticDataset(2 * USAGE_CHUNK_EVENTS + 5, 12, 3, 5), SOURCE));
    const missing = valueOf(readStoredDataset(workbook, saved.id));
    missing.chunks.splice(1, 1);
    const refused = decodeStoredDataset(missing);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problem.code).toBe('workbook_damaged');
      expect(refused.problem.message).toBe(
        'The stored usage of dataset "2025 H1 export" is damaged (its event blocks are malformed or do not add up to its event count); import the usage again.',
      );
    }
    const swapped = valueOf(readStoredDataset(workbook, saved.id));
    swapped.chunks.reverse();
    expect(decodeStoredDataset(swapped).ok).toBe(false);
    const fewerKeys = valueOf(readStoredDataset(workbook, saved.id));
    fewerKeys.featureKeys.pop();
    const keysRefused = decodeStoredDataset(fewerKeys);
    expect(keysRefused.ok ? null : keysRefused.problem.message).toContain('its feature keys do not match its counts');
  });

  test('one customer’s usage, read from only the blocks that hold it, equals that customer’s part of the whole', async () => {
    const workbook = await freshWorkbook();
    // Few customers over several blocks: every customer's events cross a block boundary somewhere.
    const original = syntheticDataset(3 * USAGE_CHUNK_EVENTS + 901, 7, 4, 23);
    const saved = valueOf(saveDataset(workbook, original, SOURCE));
    for (let c = 0; c < original.customers.ids.length; c++) {
      const id = original.customers.ids[c];
      const one = valueOf(loadCustomerUsage(workbook, saved.id, id));
      const from = original.customerEventStart[c];
      const to = original.customerEventStart[c + 1];
      expect(one.customers.ids).toEqual([id]);
      expect(one.customers.planKeys).toEqual([original.customers.planKeys[c]]);
      expect(one.customers.segments).toEqual([original.customers.segments[c]]);
      expect(Array.from(one.customers.startMs)).toEqual([original.customers.startMs[c]]);
      expect(Array.from(one.customers.endMs)).toEqual([original.customers.endMs[c]]);
      expect(one.featureKeys).toEqual(original.featureKeys);
      expect(one.eventCount).toBe(to - from);
      expect(Array.from(one.customerEventStart)).toEqual([0, to - from]);
      expect(sameBytes(new Uint8Array(one.timeMs.buffer), new Uint8Array(original.timeMs.slice(from, to).buffer))).toBe(true);
      expect(Array.from(one.featureIndex)).toEqual(Array.from(original.featureIndex.subarray(from, to)));
      expect(Array.from(one.quantityMicros)).toEqual(Array.from(original.quantityMicros.subarray(from, to)));
      expect(one.customerIndex.every((index) => index === 0)).toBe(true);
    }
  });

  test('a customer without events gets an empty history, and an unknown customer is refused by name', async () => {
    const workbook = await freshWorkbook();
    const original = smallDataset();
    const quiet = original.customers.ids.findIndex((_, c) => original.customerEventStart[c] === original.customerEventStart[c + 1]);
    const saved = valueOf(saveDataset(workbook, original, SOURCE));
    expect(original.customers.ids[quiet]).toBe('initech');
    const one = valueOf(loadCustomerUsage(workbook, saved.id, 'initech'));
    expect(one.eventCount).toBe(0);
    expect(Array.from(one.customerEventStart)).toEqual([0, 0]);
    const unknown = loadCustomerUsage(workbook, saved.id, 'nobody');
    expect(unknown.ok ? null : unknown.problem).toEqual({ code: 'customer_not_found', message: 'Dataset "2025 H1 export" has no customer "nobody".' });
  });
});
