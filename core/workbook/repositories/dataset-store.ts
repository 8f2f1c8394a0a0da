// Writes a UsageDataset into the workbook as columnar chunks in one transaction, and reads it back into new typed
// arrays equal to the original, value for value — whole, as stored bytes to decode elsewhere, or one customer's part.
// A stored dataset is never changed afterwards.

import type { CustomerTable, UsageDataset } from '../../engine/usage/dataset';
import { blobValue, lastInsertId, numberValue, queryOneRow, queryRows, textValue } from '../sql-rows';
import { inTransaction } from '../transaction';
import { isIntegerColumnEncoding, type EncodedIntegerColumn } from '../usage/column-codec';
import { decodeCustomerColumns, encodeCustomerColumns, type CustomerColumnsRow, type DecodedCustomers } from '../usage/customer-columns';
import { damagedDatasetMessage, decodeStoredDataset, type StoredDataset } from '../usage/stored-dataset';
import {
  assertStorableDataset,
  chunkCount,
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
  const stored = readStoredDataset(workbook, datasetId);
  return stored.ok ? decodeStoredDataset(stored.value) : stored;
}

/**
 * The dataset's rows as stored, bytes undecoded: what loadDataset decodes, read here where sql.js is and decoded
 * elsewhere when that is cheaper for the caller (the page hands it to its replay worker). Malformed column
 * encodings are refused here; counts and offsets when decoding.
 */
export function readStoredDataset(workbook: Workbook, datasetId: number): WorkbookResult<StoredDataset> {
  const head = readStoredDatasetHead(workbook, datasetId);
  if (!head.ok) return head;
  const chunks = readStoredChunks(workbook, datasetId, 0, head.value.chunkCount);
  return chunks.ok ? succeed({ ...head.value, chunks: chunks.value }) : chunks;
}

export interface StoredDatasetHead extends Omit<StoredDataset, 'chunks'> {
  /** How many chunks hold its events, numbered from 0 (chunk_index). */
  chunkCount: number;
}

/** The stored dataset without its event chunks: a caller reads those in slices with readStoredChunks. */
export function readStoredDatasetHead(workbook: Workbook, datasetId: number): WorkbookResult<StoredDatasetHead> {
  const found = getDataset(workbook, datasetId);
  if (!found.ok) return found;
  const summary = found.value;
  const customers = readCustomerRow(workbook, summary);
  if (!customers.ok) return customers;
  return succeed({
    name: summary.name,
    customerCount: summary.customerCount,
    eventCount: summary.eventCount,
    featureCount: summary.featureCount,
    customers: customers.value,
    featureKeys: loadFeatureKeys(workbook, datasetId),
    chunkCount: chunkCount(summary.eventCount),
  });
}

/** The dataset's chunks from..to (chunk_index, end exclusive) in order, undecoded; refused when one cannot be read. */
export function readStoredChunks(workbook: Workbook, datasetId: number, fromChunk: number, toChunk: number): WorkbookResult<UsageChunk[]> {
  const chunks = readChunks(workbook, datasetId, 'AND chunk_index >= ? AND chunk_index < ?', [fromChunk, toChunk]);
  if (chunks !== null) return succeed(chunks);
  const name = getDataset(workbook, datasetId);
  return fail('workbook_damaged', damagedDatasetMessage(name.ok ? name.value.name : `#${datasetId}`, 'its event blocks are malformed or do not add up to its event count'));
}

/** Only the dataset's customer table, without reading its events: what a later import of their usage checks against. */
export function loadDatasetCustomers(workbook: Workbook, datasetId: number): WorkbookResult<CustomerTable> {
  const found = getDataset(workbook, datasetId);
  if (!found.ok) return found;
  const decoded = readCustomerColumns(workbook, found.value);
  return decoded.ok ? succeed(decoded.value.customers) : decoded;
}

/**
 * The dataset cut down to one customer — their row of the customer table and their events — read from only the
 * blocks that hold those events, so a drill-down into one customer of a large history costs milliseconds, not a load
 * of the whole history. Refused when the dataset has no such customer.
 */
export function loadCustomerUsage(workbook: Workbook, datasetId: number, customerId: string): WorkbookResult<UsageDataset> {
  const found = getDataset(workbook, datasetId);
  if (!found.ok) return found;
  const summary = found.value;
  const decoded = readCustomerColumns(workbook, summary);
  if (!decoded.ok) return decoded;
  const { customers, customerEventStart } = decoded.value;
  const c = customers.ids.indexOf(customerId);
  if (c < 0) return fail('customer_not_found', `Dataset "${summary.name}" has no customer "${customerId}".`);
  const featureKeys = loadFeatureKeys(workbook, datasetId);
  if (featureKeys.length !== summary.featureCount) return fail('workbook_damaged', damagedDatasetMessage(summary.name, 'its feature keys do not match its counts'));
  const first = customerEventStart[c];
  const count = customerEventStart[c + 1] - first;
  const columns = { featureCount: featureKeys.length, timeMs: new Float64Array(count), featureIndex: new Uint16Array(count), quantityMicros: new Float64Array(count) };
  if (count > 0) {
    const chunks = readChunks(workbook, datasetId, 'AND first_event < ? AND first_event + event_count > ?', [first + count, first]);
    const spanStart = chunks?.[0]?.firstEvent ?? -1;
    const spanCount = chunks === null ? 0 : chunks.reduce((total, chunk) => total + chunk.eventCount, 0);
    const span = { featureCount: featureKeys.length, timeMs: new Float64Array(spanCount), featureIndex: new Uint16Array(spanCount), quantityMicros: new Float64Array(spanCount) };
    let at = spanStart;
    const whole =
      chunks !== null &&
      spanStart >= 0 &&
      spanStart <= first &&
      spanStart + spanCount >= first + count &&
      chunks.every((chunk) => {
        const ok = chunk.firstEvent === at && decodeChunk({ ...chunk, firstEvent: chunk.firstEvent - spanStart }, span);
        at += chunk.eventCount;
        return ok;
      });
    if (!whole) return fail('workbook_damaged', damagedDatasetMessage(summary.name, 'its event blocks are malformed or do not add up to its event count'));
    const from = first - spanStart;
    columns.timeMs.set(span.timeMs.subarray(from, from + count));
    columns.featureIndex.set(span.featureIndex.subarray(from, from + count));
    columns.quantityMicros.set(span.quantityMicros.subarray(from, from + count));
  }
  return succeed({
    customers: {
      ids: [customers.ids[c]],
      planKeys: [customers.planKeys[c]],
      segments: [customers.segments[c]],
      startMs: Float64Array.of(customers.startMs[c]),
      endMs: Float64Array.of(customers.endMs[c]),
    },
    featureKeys,
    eventCount: count,
    timeMs: columns.timeMs,
    customerIndex: new Uint32Array(count),
    featureIndex: columns.featureIndex,
    quantityMicros: columns.quantityMicros,
    customerEventStart: Uint32Array.of(0, count),
  });
}

function readCustomerRow(workbook: Workbook, summary: DatasetSummary): WorkbookResult<CustomerColumnsRow> {
  const row = queryOneRow(
    workbook.database,
    'SELECT ids_json, plan_keys_json, segments_json, start_ms, end_ms, event_start FROM dataset_customers WHERE dataset_id = ?',
    [summary.id],
  );
  if (row === null) return fail('workbook_damaged', damagedDatasetMessage(summary.name, 'its customers are missing'));
  return succeed({
    idsJson: textValue(row[0], 'dataset_customers.ids_json'),
    planKeysJson: textValue(row[1], 'dataset_customers.plan_keys_json'),
    segmentsJson: textValue(row[2], 'dataset_customers.segments_json'),
    startMs: blobValue(row[3], 'dataset_customers.start_ms'),
    endMs: blobValue(row[4], 'dataset_customers.end_ms'),
    eventStart: blobValue(row[5], 'dataset_customers.event_start'),
  });
}

function readCustomerColumns(workbook: Workbook, summary: DatasetSummary): WorkbookResult<DecodedCustomers> {
  const row = readCustomerRow(workbook, summary);
  if (!row.ok) return row;
  const decoded = decodeCustomerColumns(row.value, summary.customerCount, summary.eventCount);
  if (decoded === null) return fail('workbook_damaged', damagedDatasetMessage(summary.name, 'its customer table does not match its counts'));
  return succeed(decoded);
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
 * The dataset's stored chunks in order (those `where` narrows them to, when given), or null as soon as one has a
 * column encoding this version does not know.
 */
function readChunks(workbook: Workbook, datasetId: number, where: string, params: number[]): UsageChunk[] | null {
  const statement = workbook.database.prepare(
    `SELECT chunk_index, first_event, event_count, time_encoding, time_base_ms, time_step_ms, time_values,
       feature_encoding, feature_values, quantity_encoding, quantity_base_micros, quantity_step_micros, quantity_values
     FROM usage_chunks WHERE dataset_id = ? ${where} ORDER BY chunk_index`,
  );
  try {
    statement.bind([datasetId, ...params]);
    const chunks: UsageChunk[] = [];
    while (statement.step()) {
      const row = statement.get();
      const time = timeColumn(row[3], row[4], row[5], blobValue(row[6], 'usage_chunks.time_values'));
      const quantity = integerColumn(row[9], row[10], row[11], blobValue(row[12], 'usage_chunks.quantity_values'));
      if (time === null || quantity === null) return null;
      chunks.push({
        chunkIndex: numberValue(row[0], 'usage_chunks.chunk_index'),
        firstEvent: numberValue(row[1], 'usage_chunks.first_event'),
        eventCount: numberValue(row[2], 'usage_chunks.event_count'),
        time,
        feature: { encoding: textValue(row[7], 'usage_chunks.feature_encoding'), bytes: blobValue(row[8], 'usage_chunks.feature_values') },
        quantity,
      });
    }
    return chunks;
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
