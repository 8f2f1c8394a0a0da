// Imports a usage events file into a new dataset, with its customers from a customers file or from a dataset the
// workbook already holds (a later export of the same customers' usage). The files are read in full first; only when
// every row is valid is anything written, and then in one transaction, so a failed import changes nothing.

import type { CustomerTable } from '../engine/usage/dataset';
import type { ImportIssue } from '../engine/usage/import-error';
import { readCustomers } from '../engine/usage/customers-reader';
import { readEvents } from '../engine/usage/events-reader';
import type { DatasetSummary } from './repositories/datasets';
import { getDataset } from './repositories/datasets';
import { loadDatasetCustomers, saveDataset } from './repositories/dataset-store';
import { queryOneRow } from './sql-rows';
import type { Workbook } from './workbook';
import type { WorkbookProblem } from './workbook-problem';

interface UsageImportBase {
  /** The dataset's name in the workbook; unique. */
  name: string;
  eventsBytes: Uint8Array;
  eventsFileName: string;
  importedAtMs: number;
}

/** The customers come from a customers file, or are those of a dataset already in the workbook. */
export type UsageImportRequest = UsageImportBase &
  ({ customersBytes: Uint8Array; customersFileName: string } | { customersFromDatasetId: number });

export type UsageImportResult =
  /** customerRows: rows of the customers file, or the customers taken from the dataset. */
  | { ok: true; dataset: DatasetSummary; customerRows: number; eventRows: number }
  | {
      ok: false;
      problem: WorkbookProblem;
      /** The first issues found in the files (at most 100, with file, line and column); empty for other problems. */
      errors: ImportIssue[];
      /** All issues found in the files, including those not listed. */
      errorCount: number;
    };

export function importUsage(workbook: Workbook, request: UsageImportRequest): UsageImportResult {
  const name = request.name.trim();
  if (name === '') return refused('dataset_name_empty', 'The dataset needs a name; none was given.');
  // Checked before reading too, so a taken name does not cost a read of millions of rows.
  if (queryOneRow(workbook.database, 'SELECT 1 FROM datasets WHERE name = ?', [name]) !== null) {
    return refused('dataset_name_taken', `The workbook already has a dataset named "${name}"; pick another name.`);
  }

  const customers = customersOf(workbook, request);
  if (!customers.ok) return customers.failure;
  const events = readEvents(request.eventsBytes, request.eventsFileName, { customers: customers.table });
  if (!events.ok) return fileIssues(events.errors, events.errorCount, request.eventsFileName);

  const saved = saveDataset(workbook, events.dataset, {
    name,
    eventsFileName: request.eventsFileName,
    customersFileName: customers.fileName,
    importedAtMs: request.importedAtMs,
  });
  if (!saved.ok) return { ok: false, problem: saved.problem, errors: [], errorCount: 0 };
  return { ok: true, dataset: saved.value, customerRows: customers.rowCount, eventRows: events.rowCount };
}

type CustomersRead =
  | { ok: true; table: CustomerTable; rowCount: number; fileName: string | null }
  | { ok: false; failure: UsageImportResult };

/**
 * The customer table the events are checked against. A dataset's customers keep the file name they were imported
 * from, so the new dataset names where its customers came from too.
 */
function customersOf(workbook: Workbook, request: UsageImportRequest): CustomersRead {
  if ('customersFromDatasetId' in request) {
    const source = getDataset(workbook, request.customersFromDatasetId);
    if (!source.ok) return { ok: false, failure: { ok: false, problem: source.problem, errors: [], errorCount: 0 } };
    const table = loadDatasetCustomers(workbook, source.value.id);
    if (!table.ok) return { ok: false, failure: { ok: false, problem: table.problem, errors: [], errorCount: 0 } };
    return { ok: true, table: table.value, rowCount: table.value.ids.length, fileName: source.value.customersFileName };
  }
  const read = readCustomers(request.customersBytes, request.customersFileName);
  if (!read.ok) return { ok: false, failure: fileIssues(read.errors, read.errorCount, request.customersFileName) };
  return { ok: true, table: read.customers, rowCount: read.rowCount, fileName: request.customersFileName };
}

function refused(code: WorkbookProblem['code'], message: string): UsageImportResult {
  return { ok: false, problem: { code, message }, errors: [], errorCount: 0 };
}

function fileIssues(errors: ImportIssue[], errorCount: number, fileName: string): UsageImportResult {
  const listed = errorCount > errors.length ? ` (the first ${errors.length} are listed)` : '';
  return {
    ok: false,
    problem: {
      code: 'usage_import_failed',
      message: `Nothing was imported: ${fileName} has ${errorCount} ${errorCount === 1 ? 'error' : 'errors'}${listed}.`,
    },
    errors,
    errorCount,
  };
}
