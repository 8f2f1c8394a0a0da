// A dataset as the workbook stores it — the customer columns, the feature keys and the encoded event chunks, as
// bytes — and its decoding into the UsageDataset the engine replays. Reading the rows needs sql.js
// (repositories/dataset-store.ts); decoding does not, so it can run where sql.js is not, such as the page's replay
// worker, with the blobs handed over without a copy. Decoding checks every count and offset: a damaged dataset is
// refused with the workbook's sentence, never half read.

import type { UsageDataset } from '../../engine/usage/dataset';
import { fail, succeed, type WorkbookResult } from '../workbook-problem';
import { decodeCustomerColumns, type CustomerColumnsRow } from './customer-columns';
import { customerIndexFromOffsets, decodeChunk, type UsageChunk } from './usage-chunks';

export interface StoredDataset {
  /** The dataset's name and counts, as its row in `datasets` gives them (the name is for the damaged sentence). */
  name: string;
  customerCount: number;
  eventCount: number;
  featureCount: number;
  customers: CustomerColumnsRow;
  featureKeys: string[];
  /** In event order; together they hold exactly `eventCount` events. */
  chunks: UsageChunk[];
}

export function damagedDatasetMessage(name: string, what: string): string {
  return `The stored usage of dataset "${name}" is damaged (${what}); import the usage again.`;
}

export function decodeStoredDataset(stored: StoredDataset): WorkbookResult<UsageDataset> {
  const damaged = (what: string): WorkbookResult<UsageDataset> => fail('workbook_damaged', damagedDatasetMessage(stored.name, what));
  const { eventCount } = stored;
  const decodedCustomers = decodeCustomerColumns(stored.customers, stored.customerCount, eventCount);
  if (decodedCustomers === null) return damaged('its customer table does not match its counts');
  if (stored.featureKeys.length !== stored.featureCount) return damaged('its feature keys do not match its counts');

  const target = {
    featureCount: stored.featureKeys.length,
    timeMs: new Float64Array(eventCount),
    featureIndex: new Uint16Array(eventCount),
    quantityMicros: new Float64Array(eventCount),
  };
  let events = 0;
  for (const chunk of stored.chunks) {
    if (chunk.firstEvent !== events || !decodeChunk(chunk, target)) return damaged('its event blocks are malformed or do not add up to its event count');
    events += chunk.eventCount;
  }
  if (events !== eventCount) return damaged('its event blocks are malformed or do not add up to its event count');

  return succeed({
    customers: decodedCustomers.customers,
    featureKeys: stored.featureKeys,
    eventCount,
    timeMs: target.timeMs,
    customerIndex: customerIndexFromOffsets(decodedCustomers.customerEventStart, eventCount),
    featureIndex: target.featureIndex,
    quantityMicros: target.quantityMicros,
    customerEventStart: decodedCustomers.customerEventStart,
  });
}

/**
 * The distinct buffers under the stored dataset's blobs, to hand to postMessage as transferables: the receiver gets
 * them without a copy, and the sender's views are left empty, so the sender must not read the dataset afterwards.
 */
export function storedDatasetBuffers(stored: StoredDataset): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (bytes: Uint8Array): void => {
    if (bytes.buffer instanceof ArrayBuffer) buffers.add(bytes.buffer);
  };
  add(stored.customers.startMs);
  add(stored.customers.endMs);
  add(stored.customers.eventStart);
  for (const chunk of stored.chunks) {
    add(chunk.time.bytes);
    add(chunk.feature.bytes);
    add(chunk.quantity.bytes);
  }
  return [...buffers];
}
