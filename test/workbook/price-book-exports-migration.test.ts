import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exportPriceBook } from '../../core/engine/price-book/export';
import type { PriceBook } from '../../core/engine/price-book/model';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../core/workbook/migrations/migration-list';
import { exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { listDatasets } from '../../core/workbook/repositories/datasets';
import { lastPriceBookExport, listPriceBookExports, recordPriceBookExport } from '../../core/workbook/repositories/price-book-exports';
import { listPriceBooks, priceBookHistory, readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { getRun, listRuns } from '../../core/workbook/repositories/runs';
import { listScenarios } from '../../core/workbook/repositories/scenarios';
import { queryRows } from '../../core/workbook/sql-rows';
import type { Workbook } from '../../core/workbook/workbook';
import { SCHEMA_3_BASELINE, SCHEMA_3_CANDIDATE, schema3Usage, schema3WorkbookBytes } from './schema-3-workbook';
import { expectSameDataset, sameBytes, sqlJs, valueOf } from './workbook-support';

const V1_FIXTURE = fileURLToPath(new URL('../fixtures/workbook-v1.sqlite', import.meta.url));
const AT = Date.UTC(2025, 6, 1);

function userVersion(workbook: Workbook): unknown {
  return queryRows(workbook.database, 'PRAGMA user_version')[0][0];
}

function tableNames(workbook: Workbook): string[] {
  return queryRows(workbook.database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((row) => String(row[0]));
}

function schemaObjects(workbook: Workbook, table: string): string[] {
  return queryRows(workbook.database, "SELECT type || ' ' || name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') ORDER BY type, name", [table]).map((row) =>
    String(row[0]),
  );
}

function canonicalText(book: PriceBook): string {
  const exported = exportPriceBook(book);
  if (!exported.ok) throw new Error(exported.errors[0].message);
  return exported.json;
}

async function upgradedSchema3(): Promise<{ workbook: Workbook; bytes: Uint8Array }> {
  const { bytes } = await schema3WorkbookBytes();
  return { workbook: valueOf(openWorkbook(bytes, await sqlJs())).workbook, bytes };
}

function exportOf(workbook: Workbook, versionNumber: number) {
  const version = valueOf(readPriceBookVersion(workbook, 'schema-3-book', versionNumber));
  return {
    bookId: version.bookId,
    versionId: version.versionId,
    contentHash: version.contentHash,
    form: 'book' as const,
    fileName: `schema-3-book-${version.contentHash.slice(0, 12)}.json`,
    via: 'file' as const,
    bookJson: version.canonicalJson,
    exportedAtMs: AT,
  };
}

describe('schema version 4: price book exports', () => {
  test('is the fourth of five consecutive migrations, the fifth (columnar run reports) changing no table', () => {
    // Pinned on purpose: a sixth migration updates this line and adds its own upgrade test beside this file's.
    expect(LATEST_SCHEMA_VERSION).toBe(5);
    expect(MIGRATIONS.map((migration) => [migration.version, migration.name])).toEqual([
      [1, 'initial'],
      [2, 'scenarios-and-runs'],
      [3, 'patched-chunk-encodings'],
      [4, 'price-book-exports'],
      [5, 'columnar-run-reports'],
    ]);
  });

  test('a schema-3 workbook is upgraded in memory, its original bytes untouched and handed back for the backup', async () => {
    const { bytes } = await schema3WorkbookBytes();
    const copy = bytes.slice();
    const opened = valueOf(openWorkbook(bytes, await sqlJs()));
    expect(opened.upgradedFrom).toBe(3);
    expect(opened.backupBytes).toBe(bytes);
    expect(sameBytes(bytes, copy)).toBe(true);
    expect(userVersion(opened.workbook)).toBe(LATEST_SCHEMA_VERSION);
    expect(tableNames(opened.workbook)).toContain('price_book_exports');
    expect(listPriceBookExports(opened.workbook)).toEqual([]);

    const reopened = valueOf(openWorkbook(exportWorkbook(opened.workbook), await sqlJs()));
    expect(reopened.upgradedFrom).toBeNull();
    expect(reopened.backupBytes).toBeNull();
  });

  test('the upgrade keeps every book version, dataset, scenario and run of the schema-3 workbook exactly', async () => {
    const { bytes, reports } = await schema3WorkbookBytes();
    const before = valueOf(openWorkbook(bytes, await sqlJs())).workbook;
    // Saved after the upgrade and opened again, as the app does.
    const workbook = valueOf(openWorkbook(exportWorkbook(before), await sqlJs())).workbook;

    expect(listPriceBooks(workbook).map((book) => [book.id, book.versionCount])).toEqual([['schema-3-book', 2]]);
    const history = valueOf(priceBookHistory(workbook, 'schema-3-book'));
    expect(history.map((version) => [version.versionNumber, version.note])).toEqual([
      [1, 'launch'],
      [2, 'smaller plan'],
    ]);
    expect(valueOf(readPriceBookVersion(workbook, 'schema-3-book', 1)).canonicalJson).toBe(canonicalText(SCHEMA_3_BASELINE));
    expect(valueOf(readPriceBookVersion(workbook, 'schema-3-book', 2)).canonicalJson).toBe(canonicalText(SCHEMA_3_CANDIDATE));

    const [dataset] = listDatasets(workbook);
    expect(dataset).toMatchObject({ name: 'H1', eventsFileName: 'e.csv', customersFileName: 'c.csv' });
    expectSameDataset(valueOf(loadDataset(workbook, dataset.id)), schema3Usage());

    const [scenario] = listScenarios(workbook);
    expect(scenario).toMatchObject({ name: 'shrink the plan', baselineVersionId: history[0].versionId, candidateVersionIds: [history[1].versionId] });
    const [run] = listRuns(workbook, scenario.id);
    const stored = valueOf(getRun(workbook, run.id));
    expect([stored.baseline.report, ...stored.candidates.map((candidate) => candidate.report)]).toEqual(JSON.parse(JSON.stringify(reports)));
  });

  test('an upgraded workbook records exports of the versions it already had', async () => {
    const { workbook } = await upgradedSchema3();
    const recorded = valueOf(recordPriceBookExport(workbook, exportOf(workbook, 2)));
    expect(valueOf(lastPriceBookExport(workbook, 'schema-3-book'))).toEqual(recorded);
  });

  test('the version-1 fixture is upgraded through every step to the exports table', async () => {
    const opened = valueOf(openWorkbook(new Uint8Array(readFileSync(V1_FIXTURE)), await sqlJs()));
    expect(opened.upgradedFrom).toBe(1);
    expect(tableNames(opened.workbook)).toEqual([
      'dataset_customers',
      'dataset_features',
      'datasets',
      'price_book_exports',
      'price_book_versions',
      'price_books',
      'run_reports',
      'runs',
      'scenario_candidates',
      'scenarios',
      'usage_chunks',
    ]);
    const latest = valueOf(readPriceBookVersion(opened.workbook, 'fixture-book', null));
    valueOf(
      recordPriceBookExport(opened.workbook, {
        bookId: 'fixture-book',
        versionId: latest.versionId,
        contentHash: latest.contentHash,
        form: 'envelope',
        fileName: 'fixture-book.json',
        via: 'clipboard',
        bookJson: latest.canonicalJson,
        exportedAtMs: AT,
      }),
    );
    expect(listPriceBookExports(opened.workbook).map((record) => record.versionId)).toEqual([latest.versionId]);
  });

  test('the table has its index by book and its two append-only triggers', async () => {
    const { workbook } = await upgradedSchema3();
    expect(schemaObjects(workbook, 'price_book_exports')).toEqual([
      'index price_book_exports_by_book',
      'trigger price_book_exports_are_never_changed',
      'trigger price_book_exports_are_never_deleted',
    ]);
    const plan = queryRows(workbook.database, "EXPLAIN QUERY PLAN SELECT id FROM price_book_exports WHERE book_id = 'x' ORDER BY id DESC LIMIT 1");
    expect(plan.map((row) => String(row[3])).join('\n')).toContain('price_book_exports_by_book');
  });

  test('a recorded export is never changed or deleted', async () => {
    const { workbook } = await upgradedSchema3();
    valueOf(recordPriceBookExport(workbook, exportOf(workbook, 1)));
    expect(() => workbook.database.run("UPDATE price_book_exports SET file_name = 'other.json'")).toThrow(
      'price book exports are never changed: an export that left the app stays recorded as it was',
    );
    expect(() => workbook.database.run('DELETE FROM price_book_exports')).toThrow('price book exports are never deleted');
    expect(listPriceBookExports(workbook).map((record) => record.fileName)).toEqual([exportOf(workbook, 1).fileName]);
  });

  test('the table itself refuses an unknown form or way out, a hash that is no SHA-256, and a version that is not there', async () => {
    const { workbook } = await upgradedSchema3();
    const good = exportOf(workbook, 1);
    const insert = (change: Partial<typeof good>): void => {
      const row = { ...good, ...change };
      workbook.database.run(
        'INSERT INTO price_book_exports (book_id, version_id, content_hash, form, file_name, via, book_json, exported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [row.bookId, row.versionId, row.contentHash, row.form, row.fileName, row.via, row.bookJson, row.exportedAtMs],
      );
    };
    expect(() => insert({ form: 'zip' as 'book' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ via: 'email' as 'file' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ contentHash: good.contentHash.toUpperCase() })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ contentHash: good.contentHash.slice(1) })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ versionId: 999 })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert({ exportedAtMs: 1.5 })).toThrow(/cannot store REAL value in INTEGER column/);
    expect(listPriceBookExports(workbook)).toEqual([]);
  });

  test('an upgrade that fails leaves the file unchanged and names step 4', async () => {
    const { bytes: schema3 } = await schema3WorkbookBytes();
    const database = new (await sqlJs()).Database(schema3);
    // A table of that name already there makes the migration's CREATE TABLE fail.
    database.run('CREATE TABLE price_book_exports (x INTEGER)');
    const bytes = database.export();
    database.close();
    const copy = bytes.slice();
    const opened = openWorkbook(bytes, await sqlJs());
    expect(opened).toEqual({
      ok: false,
      problem: {
        code: 'workbook_migration_failed',
        message: 'Upgrading the workbook to schema version 4 (price-book-exports) failed: table price_book_exports already exists. The file on disk has not been changed.',
      },
    });
    expect(sameBytes(bytes, copy)).toBe(true);
  });
});
