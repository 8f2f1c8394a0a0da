// Imports a customers file and an events file as a new dataset: the name is checked first, the files are read in
// the worker, and only when both are valid is the dataset written to the workbook, in one transaction. A refusal
// is a sentence (and, for the files, every problem with its file, line and column); the workbook is then unchanged.
// Counts in sentences are written in the store's number locale at the time the sentence is made.

import type { ImportIssue } from '../../../core/engine/usage/import-error';
import { findDatasetByName, type DatasetSummary } from '../../../core/workbook/repositories/datasets';
import { saveDataset } from '../../../core/workbook/repositories/dataset-store';
import { formatCount } from '../../components/amount-format';
import type { WorkbenchStore } from '../../state/store';
import type { ImportClient } from '../../workers/import-client';
import type { ImportJob } from '../../workers/import-protocol';

export type ImportOutcome =
  | { kind: 'imported'; dataset: DatasetSummary; customerRows: number; eventRows: number }
  | { kind: 'refused'; message: string; errors: ImportIssue[]; errorCount: number }
  | { kind: 'cancelled' };

function refused(message: string, errors: ImportIssue[] = [], errorCount = 0): ImportOutcome {
  return { kind: 'refused', message, errors, errorCount };
}

export async function importDataset(
  store: WorkbenchStore,
  client: ImportClient,
  name: string,
  job: ImportJob,
  nowMs: () => number,
  onProgress: (bytesDone: number, bytesTotal: number, file: 'customers' | 'events') => void,
): Promise<ImportOutcome> {
  const workbook = store.getState().workbook;
  if (workbook === null) throw new Error('invariant: importing before the workbook is open');
  const trimmed = name.trim();
  if (trimmed === '') return refused('The dataset needs a name; nothing was imported.');
  // Checked before reading, so a taken name does not cost a read of millions of rows.
  if (findDatasetByName(workbook, trimmed).ok) return refused(`The workbook already has a dataset named "${trimmed}"; pick another name. Nothing was imported.`);
  const outcome = await client.run(job, onProgress);
  if (outcome.kind === 'cancelled') return { kind: 'cancelled' };
  if (outcome.kind === 'crashed') return refused(`The import failed unexpectedly (${outcome.message}); nothing was imported.`);
  if (outcome.kind === 'invalid') {
    const fileName = outcome.file === 'customers' ? job.customers.fileName : job.events.fileName;
    const listed = outcome.errorCount > outcome.errors.length ? ` (the first ${outcome.errors.length} are listed)` : '';
    const noun = outcome.errorCount === 1 ? 'error' : 'errors';
    return refused(`Nothing was imported: ${fileName} has ${formatCount(outcome.errorCount, store.getState().numberLocale)} ${noun}${listed}.`, outcome.errors, outcome.errorCount);
  }
  // The workbook may have been replaced while the worker read; then there is nowhere to put the dataset.
  if (store.getState().workbook !== workbook) return { kind: 'cancelled' };
  const saved = saveDataset(workbook, outcome.dataset, {
    name: trimmed,
    eventsFileName: job.events.fileName,
    customersFileName: job.customers.fileName,
    importedAtMs: nowMs(),
  });
  if (!saved.ok) return refused(`${saved.problem.message} Nothing was imported.`);
  const locale = store.getState().numberLocale;
  store
    .getState()
    .workbookChanged(
      `Imported the dataset "${saved.value.name}": ${formatCount(saved.value.customerCount, locale)} customers and ${formatCount(saved.value.eventCount, locale)} events.`,
    );
  return { kind: 'imported', dataset: saved.value, customerRows: outcome.customerRows, eventRows: outcome.eventRows };
}
