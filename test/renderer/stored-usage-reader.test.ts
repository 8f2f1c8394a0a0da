import { describe, expect, test } from 'vitest';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { createWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset, saveDataset } from '../../core/workbook/repositories/dataset-store';
import { decodeStoredDataset } from '../../core/workbook/usage/stored-dataset';
import { USAGE_CHUNK_EVENTS } from '../../core/workbook/usage/usage-chunks';
import { CHUNKS_PER_SLICE, loadDatasetInSlices, readStoredDatasetInSlices } from '../../renderer/screens/compare/stored-usage-reader';
import { expectSameDataset } from '../workbook/workbook-support';
import { buildDataset } from '../../core/engine/usage/build-dataset';
import type { UsageDataset } from '../../core/engine/usage/dataset';

/** Two and a half slices of events over a few customers, seeded. */
function manyEvents(): UsageDataset {
  const count = Math.floor(2.5 * CHUNKS_PER_SLICE * USAGE_CHUNK_EVENTS);
  const ids = ['a', 'b', 'c', 'd', 'e'];
  let state = 7;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const columns = { count, timeMs: new Float64Array(count), customerIndex: new Uint32Array(count), featureIndex: new Uint16Array(count), quantityMicros: new Float64Array(count) };
  for (let row = 0; row < count; row++) {
    columns.timeMs[row] = Date.UTC(2025, 0, 1) + Math.floor(next() * 300 * 86_400_000);
    columns.customerIndex[row] = Math.floor(next() * ids.length);
    columns.featureIndex[row] = Math.floor(next() * 3);
    columns.quantityMicros[row] = Math.floor(next() * 5_000_000);
  }
  const customers = { ids, planKeys: ids.map(() => 'pro'), segments: ids.map(() => ''), startMs: Float64Array.from(ids, () => Date.UTC(2025, 0, 1)), endMs: Float64Array.from(ids, () => Infinity) };
  return buildDataset(customers, ['f0', 'f1', 'f2'], columns);
}

let dataset: UsageDataset | null = null;

async function workbookWithDemo() {
  dataset ??= manyEvents();
  const workbook = createWorkbook(await loadSqlJs());
  const saved = saveDataset(workbook, dataset, { name: 'many', eventsFileName: 'events.csv', customersFileName: null, importedAtMs: 1 });
  if (!saved.ok) throw new Error(saved.problem.message);
  return { workbook, datasetId: saved.value.id, dataset };
}

describe('reading a dataset on the page a slice at a time', () => {
  test('stored bytes read in slices decode to the dataset, as do the slices decoded as they come', async () => {
    const { workbook, datasetId, dataset: original } = await workbookWithDemo();
    const stored = await readStoredDatasetInSlices(workbook, datasetId, () => true);
    if (stored === null || !stored.ok) throw new Error('the read did not finish');
    const decoded = decodeStoredDataset(stored.value);
    if (!decoded.ok) throw new Error(decoded.problem.message);
    expectSameDataset(decoded.value, original);
    const loaded = await loadDatasetInSlices(workbook, datasetId, () => true);
    if (loaded === null || !loaded.ok) throw new Error('the load did not finish');
    expectSameDataset(loaded.value, original);
    const whole = loadDataset(workbook, datasetId);
    if (!whole.ok) throw new Error(whole.problem.message);
    expectSameDataset(loaded.value, whole.value);
  });

  test('a read no longer wanted stops between slices and gives nothing', async () => {
    const { workbook, datasetId } = await workbookWithDemo();
    // Asked before each of the three slices: yes for the first, no for the second; the third is never read.
    let asked = 0;
    expect(await readStoredDatasetInSlices(workbook, datasetId, () => asked++ < 1)).toBeNull();
    expect(asked).toBe(2);
    expect(await loadDatasetInSlices(workbook, datasetId, () => false)).toBeNull();
  });

  test('a dataset the workbook does not have is refused with its sentence', async () => {
    const { workbook } = await workbookWithDemo();
    expect(await loadDatasetInSlices(workbook, 99, () => true)).toEqual({ ok: false, problem: { code: 'dataset_not_found', message: 'The workbook has no dataset with id 99.' } });
  });
});
