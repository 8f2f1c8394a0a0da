// Finds and lists the usage datasets a workbook holds, by id or by name, without touching their events.

import type { SqlValue } from 'sql.js';
import { numberValue, optionalNumberValue, optionalTextValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import type { Workbook } from '../workbook';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';

export interface DatasetSummary {
  id: number;
  name: string;
  eventsFileName: string;
  /** null when the customers came with the events file. */
  customersFileName: string | null;
  customerCount: number;
  eventCount: number;
  featureCount: number;
  /** Earliest and latest event time (epoch ms); null for a dataset without events. */
  firstEventMs: number | null;
  lastEventMs: number | null;
  importedAtMs: number;
}

export const DATASET_COLUMNS =
  'id, name, events_file_name, customers_file_name, customer_count, event_count, feature_count, first_event_ms, last_event_ms, imported_at_ms';

export function listDatasets(workbook: Workbook): DatasetSummary[] {
  return queryRows(workbook.database, `SELECT ${DATASET_COLUMNS} FROM datasets ORDER BY id`).map(datasetFromRow);
}

export function getDataset(workbook: Workbook, datasetId: number): WorkbookResult<DatasetSummary> {
  const row = queryOneRow(workbook.database, `SELECT ${DATASET_COLUMNS} FROM datasets WHERE id = ?`, [datasetId]);
  if (row === null) return fail('dataset_not_found', `The workbook has no dataset with id ${datasetId}.`);
  return succeed(datasetFromRow(row));
}

/**
 * The dataset added last, or null when there is none. Ids grow with every dataset and are never reused, so the
 * highest is the latest; the import times come from a clock that may have been set back.
 */
export function latestDataset(workbook: Workbook): DatasetSummary | null {
  const row = queryOneRow(workbook.database, `SELECT ${DATASET_COLUMNS} FROM datasets ORDER BY id DESC LIMIT 1`);
  return row === null ? null : datasetFromRow(row);
}

export function findDatasetByName(workbook: Workbook, name: string): WorkbookResult<DatasetSummary> {
  const row = queryOneRow(workbook.database, `SELECT ${DATASET_COLUMNS} FROM datasets WHERE name = ?`, [name]);
  if (row === null) return fail('dataset_not_found', `The workbook has no dataset named "${name}".`);
  return succeed(datasetFromRow(row));
}

function datasetFromRow(row: SqlValue[]): DatasetSummary {
  return {
    id: numberValue(row[0], 'datasets.id'),
    name: textValue(row[1], 'datasets.name'),
    eventsFileName: textValue(row[2], 'datasets.events_file_name'),
    customersFileName: optionalTextValue(row[3], 'datasets.customers_file_name'),
    customerCount: numberValue(row[4], 'datasets.customer_count'),
    eventCount: numberValue(row[5], 'datasets.event_count'),
    featureCount: numberValue(row[6], 'datasets.feature_count'),
    firstEventMs: optionalNumberValue(row[7], 'datasets.first_event_ms'),
    lastEventMs: optionalNumberValue(row[8], 'datasets.last_event_ms'),
    importedAtMs: numberValue(row[9], 'datasets.imported_at_ms'),
  };
}
