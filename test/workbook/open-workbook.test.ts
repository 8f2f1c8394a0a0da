import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../core/workbook/migrations/migration-list';
import { closeWorkbook, createWorkbook, exportWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { loadDataset } from '../../core/workbook/repositories/dataset-store';
import { listDatasets } from '../../core/workbook/repositories/datasets';
import { listPriceBooks, priceBookHistory, readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { createScenario, listScenarios } from '../../core/workbook/repositories/scenarios';
import { WORKBOOK_APPLICATION_ID } from '../../core/workbook/schema-identity';
import { queryRows } from '../../core/workbook/sql-rows';
import type { Workbook } from '../../core/workbook/workbook';
import { expectSameDataset, sameBytes, sqlJs, valueOf } from './workbook-support';
import { v1FixtureDataset } from './workbook-v1-contents';

const V1_FIXTURE = fileURLToPath(new URL('../fixtures/workbook-v1.sqlite', import.meta.url));

function pragma(workbook: Workbook, name: string): unknown {
  return queryRows(workbook.database, `PRAGMA ${name}`)[0][0];
}

async function problemFor(bytes: Uint8Array): Promise<{ code: string; message: string }> {
  const opened = openWorkbook(bytes, await sqlJs());
  if (opened.ok) throw new Error('expected the bytes to be refused');
  return opened.problem;
}

/** A real SQLite file that is not ours: no application id, a table of its own. */
async function foreignSqliteBytes(): Promise<Uint8Array> {
  const database = new (await sqlJs()).Database();
  database.run('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
  database.run("INSERT INTO notes (text) VALUES ('hello')");
  const bytes = database.export();
  database.close();
  return bytes;
}

async function workbookBytesWithVersion(version: number): Promise<Uint8Array> {
  const workbook = createWorkbook(await sqlJs());
  workbook.database.run(`PRAGMA user_version = ${version}`);
  const bytes = exportWorkbook(workbook);
  closeWorkbook(workbook);
  return bytes;
}

describe('creating and opening workbooks', () => {
  test('a new workbook carries our application id, the latest schema version and foreign keys', async () => {
    const workbook = createWorkbook(await sqlJs());
    expect(pragma(workbook, 'application_id')).toBe(WORKBOOK_APPLICATION_ID);
    expect(pragma(workbook, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(pragma(workbook, 'foreign_keys')).toBe(1);
  });

  test('opening null creates a new workbook', async () => {
    const opened = valueOf(openWorkbook(null, await sqlJs()));
    expect(opened.upgradedFrom).toBeNull();
    expect(opened.backupBytes).toBeNull();
    expect(pragma(opened.workbook, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
  });

  test('exported bytes open again as the same workbook, with foreign keys on', async () => {
    const bytes = exportWorkbook(createWorkbook(await sqlJs()));
    const opened = valueOf(openWorkbook(bytes, await sqlJs()));
    expect(opened.upgradedFrom).toBeNull();
    expect(opened.backupBytes).toBeNull();
    expect(pragma(opened.workbook, 'foreign_keys')).toBe(1);
    expect(sameBytes(exportWorkbook(opened.workbook), bytes)).toBe(true);
  });

  test('foreign keys stay on after an export', async () => {
    const workbook = createWorkbook(await sqlJs());
    exportWorkbook(workbook);
    expect(pragma(workbook, 'foreign_keys')).toBe(1);
  });
});

describe('files that are refused', () => {
  test('a workbook from a newer version is refused with workbook_too_new and left unchanged', async () => {
    const bytes = await workbookBytesWithVersion(LATEST_SCHEMA_VERSION + 1);
    const copy = bytes.slice();
    expect(await problemFor(bytes)).toEqual({
      code: 'workbook_too_new',
      message:
        `The workbook was saved by a newer version of Credit Workbench (schema version ${LATEST_SCHEMA_VERSION + 1}; ` +
        `this version reads up to ${LATEST_SCHEMA_VERSION}). Update the app to open it; the file has not been changed.`,
    });
    expect(sameBytes(bytes, copy)).toBe(true);
  });

  test('random bytes are not a workbook', async () => {
    const bytes = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = seed = (seed * 1103515245 + 12345) & 0xff;
    expect(await problemFor(bytes)).toEqual({
      code: 'workbook_not_a_workbook',
      message: 'The file is not a Credit Workbench workbook: it is not an SQLite database.',
    });
  });

  test('a text file is not a workbook', async () => {
    expect((await problemFor(new TextEncoder().encode('time,customer_id\n'))).code).toBe('workbook_not_a_workbook');
  });

  test('an empty file is not a workbook', async () => {
    expect(await problemFor(new Uint8Array(0))).toEqual({
      code: 'workbook_not_a_workbook',
      message: 'The file is empty, so it holds no workbook.',
    });
  });

  test('another SQLite database is not a workbook', async () => {
    expect(await problemFor(await foreignSqliteBytes())).toEqual({
      code: 'workbook_not_a_workbook',
      message: 'The file is an SQLite database, but not a Credit Workbench workbook; it was left as it is.',
    });
  });

  test('a file cut off inside the SQLite header is damaged', async () => {
    const bytes = exportWorkbook(createWorkbook(await sqlJs())).slice(0, 60);
    expect(await problemFor(bytes)).toEqual({
      code: 'workbook_damaged',
      message: 'The workbook is damaged: the file is cut off after 60 bytes. Open a backup copy instead.',
    });
  });

  test('a workbook cut off after its first pages is damaged', async () => {
    const bytes = readFileSync(V1_FIXTURE);
    const problem = await problemFor(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(problem.code).toBe('workbook_damaged');
    expect(problem.message).toMatch(/^The workbook is damaged .* Open a backup copy instead\.$/);
  });

  test('a workbook with overwritten pages is damaged', async () => {
    const bytes = new Uint8Array(readFileSync(V1_FIXTURE));
    // Page 2 onwards hold the schema's tables; scribble over the b-tree headers of several pages.
    for (let page = 1; page < bytes.length / 4096; page++) bytes.fill(0xa5, page * 4096, page * 4096 + 64);
    expect((await problemFor(bytes)).code).toBe('workbook_damaged');
  });

  test('a workbook of ours without a schema version is damaged', async () => {
    const bytes = await workbookBytesWithVersion(0);
    expect(await problemFor(bytes)).toEqual({
      code: 'workbook_damaged',
      message: 'The workbook is damaged: it carries no schema version. Open a backup copy instead.',
    });
  });
});

describe('the version-1 fixture', () => {
  test('migrates to the latest schema and hands back the original bytes as a backup', async () => {
    const bytes = new Uint8Array(readFileSync(V1_FIXTURE));
    const original = bytes.slice();
    const opened = valueOf(openWorkbook(bytes, await sqlJs()));
    expect(opened.upgradedFrom).toBe(1);
    expect(sameBytes(opened.backupBytes, original)).toBe(true);
    expect(sameBytes(bytes, original)).toBe(true);
    expect(pragma(opened.workbook, 'user_version')).toBe(LATEST_SCHEMA_VERSION);

    const reopened = valueOf(openWorkbook(exportWorkbook(opened.workbook), await sqlJs()));
    expect(reopened.upgradedFrom).toBeNull();
    expect(reopened.backupBytes).toBeNull();
  });

  test('keeps its price book history and its dataset exactly through the migration', async () => {
    const { workbook } = valueOf(openWorkbook(new Uint8Array(readFileSync(V1_FIXTURE)), await sqlJs()));
    expect(listPriceBooks(workbook).map((book) => [book.id, book.versionCount])).toEqual([['fixture-book', 2]]);
    const history = valueOf(priceBookHistory(workbook, 'fixture-book'));
    expect(history.map((version) => [version.versionNumber, version.note, version.createdAtMs])).toEqual([
      [1, 'first', Date.UTC(2025, 0, 2)],
      [2, 'half price calls', Date.UTC(2025, 0, 3)],
    ]);
    expect(valueOf(readPriceBookVersion(workbook, 'fixture-book', 2)).book.features[0].burnPerUnit).toBe('0.5');
    const [dataset] = listDatasets(workbook);
    expect(dataset).toMatchObject({ name: 'fixture usage', eventCount: 3, customerCount: 2, customersFileName: 'customers.csv' });
    expectSameDataset(valueOf(loadDataset(workbook, dataset.id)), v1FixtureDataset());
  });

  test('gains the scenario tables of version 2, usable with its old rows', async () => {
    const { workbook } = valueOf(openWorkbook(new Uint8Array(readFileSync(V1_FIXTURE)), await sqlJs()));
    const [first, second] = valueOf(priceBookHistory(workbook, 'fixture-book'));
    const [dataset] = listDatasets(workbook);
    valueOf(
      createScenario(
        workbook,
        { name: 'halve calls', baselineVersionId: first.versionId, candidateVersionIds: [second.versionId], datasetId: dataset.id, options: {} },
        Date.UTC(2025, 1, 1),
      ),
    );
    expect(listScenarios(workbook).map((scenario) => scenario.name)).toEqual(['halve calls']);
  });

  test('a migration that fails leaves the file unchanged and says which step failed', async () => {
    const database = new (await sqlJs()).Database(new Uint8Array(readFileSync(V1_FIXTURE)));
    // A table of that name already there makes migration 2's CREATE TABLE fail halfway through its script.
    database.run('CREATE TABLE run_reports (x INTEGER)');
    const bytes = database.export();
    database.close();
    const copy = bytes.slice();
    expect(await problemFor(bytes)).toEqual({
      code: 'workbook_migration_failed',
      message:
        'Upgrading the workbook to schema version 2 (scenarios-and-runs) failed: table run_reports already exists. ' +
        'The file on disk has not been changed.',
    });
    expect(sameBytes(bytes, copy)).toBe(true);
  });
});
