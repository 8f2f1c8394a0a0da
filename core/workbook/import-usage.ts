// Imports a customers file and a usage events file into a new dataset. The files are read in full first; only
// when every row is valid is anything written, and then in one transaction, so a failed import changes nothing.

import type { ImportIssue } from '../engine/usage/import-error';
import { readCustomers } from '../engine/usage/customers-reader';
import { readEvents } from '../engine/usage/events-reader';
import type { DatasetSummary } from './repositories/datasets';
import { saveDataset } from './repositories/dataset-store';
import { queryOneRow } from './sql-rows';
import type { Workbook } from './workbook';
import type { WorkbookProblem } from './workbook-problem';

export interface UsageImportRequest {
  /** The dataset's name in the workbook; unique. */
  name: string;
  eventsBytes: Uint8Array;
  eventsFileName: string;
  customersBytes: Uint8Array;
  customersFileName: string;
  importedAtMs: number;
}

export type UsageImportResult =
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

  const customers = readCustomers(request.customersBytes, request.customersFileName);
  if (!customers.ok) return fileIssues(customers.errors, customers.errorCount, request.customersFileName);
  const events = readEvents(request.eventsBytes, request.eventsFileName, { customers: customers.customers });
  if (!events.ok) return fileIssues(events.errors, events.errorCount, request.eventsFileName);

  const saved = saveDataset(workbook, events.dataset, {
    name,
    eventsFileName: request.eventsFileName,
    customersFileName: request.customersFileName,
    importedAtMs: request.importedAtMs,
  });
  if (!saved.ok) return { ok: false, problem: saved.problem, errors: [], errorCount: 0 };
  return { ok: true, dataset: saved.value, customerRows: customers.rowCount, eventRows: events.rowCount };
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
