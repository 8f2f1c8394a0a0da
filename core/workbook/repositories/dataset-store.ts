// Writes a UsageDataset into the workbook as columnar chunks in one transaction, and reads it back into new typed
// arrays equal to the original, value for value. A stored dataset is never changed afterwards.

import type { CustomerTable, UsageDataset } from '../../engine/usage/dataset';
import { blobValue, lastInsertId, numberValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import { inTransaction } from '../transaction';
import { isIntegerColumnEncoding, type EncodedIntegerColumn } from '../usage/column-codec';
import { decodeCustomerColumns, encodeCustomerColumns, type DecodedCustomers } from '../usage/customer-columns';
import {
  assertStorableDataset,
  chunkCount,
  customerIndexFromOffsets,
  decodeChunk,
  encodeChunk,
  isTimeColumnEncoding,
  type EncodedTimeColumn,
  type UsageChunk,
} from '../usage/usage-chunks';
import type { Workbook } from '../workbook';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';
import { getDataset, type DatasetSummary } from './datasets';

export interface DatasetSource {
  /** The name users pick the dataset by ("2025 H1 export"); unique in the workbook. */
  name: string;
  eventsFileName: string;
  customersFileName: string | null;
  importedAtMs: number;
}

export function saveDataset(workbook: Workbook, dataset: UsageDataset, source: DatasetSource): WorkbookResult<DatasetSummary> {
  assertStorableDataset(dataset);
  const { database } = workbook;
  return inTransaction(database, () => {
    if (queryOneRow(database, 'SELECT 1 FROM datasets WHERE name = ?', [source.name]) !== null) {
      return fail('dataset_name_taken', `The workbook already has a dataset named "${source.name}"; pick another name.`);
    }
    const range = timeRange(dataset.timeMs);
    database.run(
      `INSERT INTO datasets (name, events_file_name, customers_file_name, customer_count, event_count, feature_count,
         first_event_ms, last_event_ms, imported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        source.name,
        source.eventsFileName,
        source.customersFileName,
        dataset.customers.ids.length,
        dataset.eventCount,
        dataset.featureKeys.length,
        range === null ? null : range.firstMs,
        range === null ? null : range.lastMs,
        source.importedAtMs,
      ],
    );
    const datasetId = lastInsertId(database);
    const customers = encodeCustomerColumns(dataset.customers, dataset.customerEventStart);
    database.run(
      `INSERT INTO dataset_customers (dataset_id, ids_json, plan_keys_json, segments_json, start_ms, end_ms, event_start)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [datasetId, customers.idsJson, customers.planKeysJson, customers.segmentsJson, customers.startMs, customers.endMs, customers.eventStart],
    );
    insertFeatures(workbook, datasetId, dataset.featureKeys);
    insertChunks(workbook, datasetId, dataset);
    return getDataset(workbook, datasetId);
  });
}

export function loadDataset(workbook: Workbook, datasetId: number): WorkbookResult<UsageDataset> {
  const found = getDataset(workbook, datasetId);
  if (!found.ok) return found;
  const summary = found.value;
  const damaged = (what: string): WorkbookResult<UsageDataset> => fail('workbook_damaged', damagedMessage(summary, what));

  const decodedCustomers = readCustomerColumns(workbook, summary);
  if (!decodedCustomers.ok) return decodedCustomers;

  const featureKeys = loadFeatureKeys(workbook, datasetId);
  if (featureKeys.length !== summary.featureCount) return damaged('its feature keys do not match its counts');

  const { eventCount } = summary;
  const target = {
    featureCount: featureKeys.length,
    timeMs: new Float64Array(eventCount),
    featureIndex: new Uint16Array(eventCount),
    quantityMicros: new Float64Array(eventCount),
  };
  const chunksRead = readChunks(workbook, datasetId, (chunk, expectedFirstEvent) =>
    chunk.firstEvent === expectedFirstEvent && decodeChunk(chunk, target),
  );
  if (chunksRead !== eventCount) return damaged('its event blocks are malformed or do not add up to its event count');

  return succeed({
    customers: decodedCustomers.value.customers,
    featureKeys,
    eventCount,
    timeMs: target.timeMs,
    customerIndex: customerIndexFromOffsets(decodedCustomers.value.customerEventStart, eventCount),
    featureIndex: target.featureIndex,
    quantityMicros: target.quantityMicros,
    customerEventStart: decodedCustomers.value.customerEventStart,
  });
}

/** Only the dataset's customer table, without reading its events: what a later import of their usage checks against. */
export function loadDatasetCustomers(workbook: Workbook, datasetId: number): WorkbookResult<CustomerTable> {
  const found = getDataset(workbook, datasetId);
  if (!found.ok) return found;
  const decoded = readCustomerColumns(workbook, found.value);
  return decoded.ok ? succeed(decoded.value.customers) : decoded;
}

function readCustomerColumns(workbook: Workbook, summary: DatasetSummary): WorkbookResult<DecodedCustomers> {
  const row = queryOneRow(
    workbook.database,
    'SELECT ids_json, plan_keys_json, segments_json, start_ms, end_ms, event_start FROM dataset_customers WHERE dataset_id = ?',
    [summary.id],
  );
  if (row === null) return fail('workbook_damaged', damagedMessage(summary, 'its customers are missing'));
  const decoded = decodeCustomerColumns(
    {
      idsJson: textValue(row[0], 'dataset_customers.ids_json'),
      planKeysJson: textValue(row[1], 'dataset_customers.plan_keys_json'),
      segmentsJson: textValue(row[2], 'dataset_customers.segments_json'),
      startMs: blobValue(row[3], 'dataset_customers.start_ms'),
      endMs: blobValue(row[4], 'dataset_customers.end_ms'),
      eventStart: blobValue(row[5], 'dataset_customers.event_start'),
    },
    summary.customerCount,
    summary.eventCount,
  );
  if (decoded === null) return fail('workbook_damaged', damagedMessage(summary, 'its customer table does not match its counts'));
  return succeed(decoded);
}

function damagedMessage(summary: DatasetSummary, what: string): string {
  return `The stored usage of dataset "${summary.name}" is damaged (${what}); import the usage again.`;
}

function insertFeatures(workbook: Workbook, datasetId: number, featureKeys: string[]): void {
  const statement = workbook.database.prepare('INSERT INTO dataset_features (dataset_id, feature_index, feature_key) VALUES (?, ?, ?)');
  try {
    featureKeys.forEach((key, index) => statement.run([datasetId, index, key]));
  } finally {
    statement.free();
  }
}

function insertChunks(workbook: Workbook, datasetId: number, dataset: UsageDataset): void {
  const statement = workbook.database.prepare(
    `INSERT INTO usage_chunks (dataset_id, chunk_index, first_event, event_count,
       time_encoding, time_base_ms, time_step_ms, time_values, feature_encoding, feature_values,
       quantity_encoding, quantity_base_micros, quantity_step_micros, quantity_values)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  try {
    for (let index = 0, count = chunkCount(dataset.eventCount); index < count; index++) {
      const chunk = encodeChunk(dataset, index);
      statement.run([
        datasetId,
        chunk.chunkIndex,
        chunk.firstEvent,
        chunk.eventCount,
        chunk.time.encoding,
        chunk.time.base,
        chunk.time.step,
        chunk.time.bytes,
        chunk.feature.encoding,
        chunk.feature.bytes,
        chunk.quantity.encoding,
        chunk.quantity.base,
        chunk.quantity.step,
        chunk.quantity.bytes,
      ]);
    }
  } finally {
    statement.free();
  }
}

/**
 * Hands each stored chunk, in order, to `accept` with the event it should start at; returns the number of events
 * accepted, or -1 as soon as a chunk is refused or malformed.
 */
function readChunks(workbook: Workbook, datasetId: number, accept: (chunk: UsageChunk, expectedFirstEvent: number) => boolean): number {
  const statement = workbook.database.prepare(
    `SELECT chunk_index, first_event, event_count, time_encoding, time_base_ms, time_step_ms, time_values,
       feature_encoding, feature_values, quantity_encoding, quantity_base_micros, quantity_step_micros, quantity_values
     FROM usage_chunks WHERE dataset_id = ? ORDER BY chunk_index`,
  );
  try {
    statement.bind([datasetId]);
    let events = 0;
    while (statement.step()) {
      const row = statement.get();
      const time = timeColumn(row[3], row[4], row[5], blobValue(row[6], 'usage_chunks.time_values'));
      const quantity = integerColumn(row[9], row[10], row[11], blobValue(row[12], 'usage_chunks.quantity_values'));
      if (time === null || quantity === null) return -1;
      const chunk: UsageChunk = {
        chunkIndex: numberValue(row[0], 'usage_chunks.chunk_index'),
        firstEvent: numberValue(row[1], 'usage_chunks.first_event'),
        eventCount: numberValue(row[2], 'usage_chunks.event_count'),
        time,
        feature: { encoding: textValue(row[7], 'usage_chunks.feature_encoding'), bytes: blobValue(row[8], 'usage_chunks.feature_values') },
        quantity,
      };
      if (!accept(chunk, events)) return -1;
      events += chunk.eventCount;
    }
    return events;
  } finally {
    statement.free();
  }
}

function timeColumn(encoding: unknown, base: unknown, step: unknown, bytes: Uint8Array): EncodedTimeColumn | null {
  if (typeof encoding !== 'string' || !isTimeColumnEncoding(encoding)) return null;
  if (typeof base !== 'number' || typeof step !== 'number') return null;
  return { encoding, base, step, bytes };
}

function integerColumn(encoding: unknown, base: unknown, step: unknown, bytes: Uint8Array): EncodedIntegerColumn | null {
  if (typeof encoding !== 'string' || !isIntegerColumnEncoding(encoding)) return null;
  if (typeof base !== 'number' || typeof step !== 'number') return null;
  return { encoding, base, step, bytes };
}

function loadFeatureKeys(workbook: Workbook, datasetId: number): string[] {
  const rows = queryRows(workbook.database, 'SELECT feature_index, feature_key FROM dataset_features WHERE dataset_id = ? ORDER BY feature_index', [datasetId]);
  const keys: string[] = [];
  for (const row of rows) {
    // A gap in the indexes would shift every later feature; stop at it and let the count check refuse the dataset.
    if (numberValue(row[0], 'dataset_features.feature_index') !== keys.length) break;
    keys.push(textValue(row[1], 'dataset_features.feature_key'));
  }
  return keys;
}

function timeRange(timeMs: Float64Array): { firstMs: number; lastMs: number } | null {
  if (timeMs.length === 0) return null;
  let firstMs = timeMs[0];
  let lastMs = timeMs[0];
  for (let i = 1; i < timeMs.length; i++) {
    const time = timeMs[i];
    if (time < firstMs) firstMs = time;
    else if (time > lastMs) lastMs = time;
  }
  return { firstMs, lastMs };
}
