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
  const decoder = new StoredDatasetDecoder(stored);
  for (const chunk of stored.chunks) if (!decoder.add(chunk)) break;
  return decoder.finish();
}

/**
 * Decodes a stored dataset a chunk at a time, in order — what lets a caller that reads the chunks in slices (handing
 * its thread back between them) decode as it goes. `finish` gives the dataset, or the damaged sentence when a chunk
 * was out of place or malformed or the chunks do not add up to the event count.
 */
export class StoredDatasetDecoder {
  private readonly target: { featureCount: number; timeMs: Float64Array; featureIndex: Uint16Array; quantityMicros: Float64Array };
  private events = 0;
  private malformed = false;

  constructor(private readonly head: Omit<StoredDataset, 'chunks'>) {
    this.target = {
      featureCount: head.featureKeys.length,
      timeMs: new Float64Array(head.eventCount),
      featureIndex: new Uint16Array(head.eventCount),
      quantityMicros: new Float64Array(head.eventCount),
    };
  }

  /** Decodes the next chunk into place; false (and the dataset refused at finish) when it is not the next or is malformed. */
  add(chunk: UsageChunk): boolean {
    if (this.malformed || chunk.firstEvent !== this.events || !decodeChunk(chunk, this.target)) {
      this.malformed = true;
      return false;
    }
    this.events += chunk.eventCount;
    return true;
  }

  finish(): WorkbookResult<UsageDataset> {
    const { head, target } = this;
    const damaged = (what: string): WorkbookResult<UsageDataset> => fail('workbook_damaged', damagedDatasetMessage(head.name, what));
    const decodedCustomers = decodeCustomerColumns(head.customers, head.customerCount, head.eventCount);
    if (decodedCustomers === null) return damaged('its customer table does not match its counts');
    if (head.featureKeys.length !== head.featureCount) return damaged('its feature keys do not match its counts');
    if (this.malformed || this.events !== head.eventCount) return damaged('its event blocks are malformed or do not add up to its event count');
    return succeed({
      customers: decodedCustomers.customers,
      featureKeys: head.featureKeys,
      eventCount: head.eventCount,
      timeMs: target.timeMs,
      customerIndex: customerIndexFromOffsets(decodedCustomers.customerEventStart, head.eventCount),
      featureIndex: target.featureIndex,
      quantityMicros: target.quantityMicros,
      customerEventStart: decodedCustomers.customerEventStart,
    });
  }
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
