import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../core/workbook/migrations/migration-list';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { listDatasets } from '../../core/workbook/repositories/datasets';
import { queryRows } from '../../core/workbook/sql-rows';
import { expectSameDataset, sqlJs, valueOf } from './workbook-support';
import { V2_FIXTURE_ENCODINGS, v2FixtureDatasets } from './workbook-v2-contents';

const V2_CHUNKS_FIXTURE = fileURLToPath(new URL('./fixtures/workbook-v2-chunks.sqlite', import.meta.url));

async function openFixture() {
  return valueOf(openWorkbook(new Uint8Array(readFileSync(V2_CHUNKS_FIXTURE)), await sqlJs()));
}

describe('a schema-2 workbook in the first chunk format', () => {
  test('is upgraded to the latest schema, its original bytes handed back for a backup', async () => {
    const bytes = new Uint8Array(readFileSync(V2_CHUNKS_FIXTURE));
    const opened = valueOf(openWorkbook(bytes, await sqlJs()));
    expect(opened.upgradedFrom).toBe(2);
    expect(opened.backupBytes).toBe(bytes);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(2);
  });

  test('holds every packing that format had', async () => {
    const { workbook } = await openFixture();
    const distinct = (column: string): string[] =>
      queryRows(workbook.database, `SELECT DISTINCT ${column} FROM usage_chunks ORDER BY 1`).map((row) => String(row[0]));
    expect({ time: distinct('time_encoding'), feature: distinct('feature_encoding'), quantity: distinct('quantity_encoding') }).toEqual(V2_FIXTURE_ENCODINGS);
  });

  test('loads every dataset back exactly', async () => {
    const { workbook } = await openFixture();
    const expected = v2FixtureDatasets();
    const stored = listDatasets(workbook);
    expect(stored.map((dataset) => dataset.name)).toEqual(expected.map((entry) => entry.name));
    stored.forEach((summary, index) => expectSameDataset(valueOf(loadDataset(workbook, summary.id)), expected[index].dataset));
  });

  test('keeps its chunks as they were through the upgrade and a save, and still loads them exactly', async () => {
    const { workbook } = await openFixture();
    const reopened = valueOf(openWorkbook(exportWorkbook(workbook), await sqlJs()));
    expect(reopened.upgradedFrom).toBeNull();
    const encodings = queryRows(reopened.workbook.database, 'SELECT DISTINCT quantity_encoding FROM usage_chunks ORDER BY 1').map((row) => String(row[0]));
    expect(encodings).toEqual(V2_FIXTURE_ENCODINGS.quantity);
    const expected = v2FixtureDatasets();
    listDatasets(reopened.workbook).forEach((summary, index) => expectSameDataset(valueOf(loadDataset(reopened.workbook, summary.id)), expected[index].dataset));
  });
});
