// Cuts a dataset's event columns into blocks of USAGE_CHUNK_EVENTS and puts them back together. Customer indexes
// are not stored: events are sorted by customer, so the customer offsets rebuild them exactly. Each column names
// its encoding, so chunks of every format this build has written load side by side.
//
// Loading is bound by sql.js, which copies each blob out of its heap one byte at a time (about 2 ns a byte): the
// fewer bytes an event takes, the faster a dataset loads. That is why quantities may be patched (chunk format 2).

import type { UsageDataset } from '../../engine/usage/dataset';
import {
  decodeFeatureColumn,
  decodeIntegerColumn,
  encodeFeatureColumn,
  encodeIntegerColumn,
  isIntegerColumnEncoding,
  type EncodedIntegerColumn,
  type IntegerColumnEncoding,
} from './column-codec';
import { decodeDeltaColumn, encodeDeltaColumn, isDeltaEncoding, type DeltaEncoding } from './delta-codec';

/**
 * 65,536 events: blobs of at most 512 KiB per column, few enough rows that per-row costs vanish. Measured on the
 * 10-million-event bench history: blobs of about 256 KiB copy out of sql.js fastest; 1 MiB ones are slower.
 */
export const USAGE_CHUNK_EVENTS = 65_536;

/** Times as offsets from the block's smallest (base, step; plain or patched) or as gaps from the event before (step; base 0). */
export interface EncodedTimeColumn {
  encoding: IntegerColumnEncoding | DeltaEncoding;
  base: number;
  step: number;
  bytes: Uint8Array;
}

export interface UsageChunk {
  chunkIndex: number;
  firstEvent: number;
  eventCount: number;
  time: EncodedTimeColumn;
  feature: { encoding: string; bytes: Uint8Array };
  quantity: EncodedIntegerColumn;
}

export function chunkCount(eventCount: number): number {
  return Math.ceil(eventCount / USAGE_CHUNK_EVENTS);
}

export function encodeChunk(dataset: UsageDataset, chunkIndex: number): UsageChunk {
  const firstEvent = chunkIndex * USAGE_CHUNK_EVENTS;
  const end = Math.min(dataset.eventCount, firstEvent + USAGE_CHUNK_EVENTS);
  if (firstEvent >= end) throw new Error(`invariant: chunk ${chunkIndex} is past the ${dataset.eventCount} events`);
  return {
    chunkIndex,
    firstEvent,
    eventCount: end - firstEvent,
    time: encodeTimeColumn(dataset.timeMs.subarray(firstEvent, end)),
    feature: encodeFeatureColumn(dataset.featureIndex.subarray(firstEvent, end), dataset.featureKeys.length),
    quantity: encodeIntegerColumn(dataset.quantityMicros.subarray(firstEvent, end)),
  };
}

export interface EventColumnsTarget {
  featureCount: number;
  timeMs: Float64Array;
  featureIndex: Uint16Array;
  quantityMicros: Float64Array;
}

/** Decodes one chunk into its place in the target columns; false when the chunk is malformed. */
export function decodeChunk(chunk: UsageChunk, target: EventColumnsTarget): boolean {
  const { firstEvent, eventCount } = chunk;
  if (firstEvent < 0 || eventCount < 1 || firstEvent + eventCount > target.timeMs.length) return false;
  return (
    decodeTimeColumn(chunk.time, eventCount, target.timeMs, firstEvent) &&
    decodeFeatureColumn(chunk.feature.encoding, chunk.feature.bytes, eventCount, target.featureCount, target.featureIndex, firstEvent) &&
    decodeIntegerColumn(chunk.quantity, eventCount, target.quantityMicros, firstEvent)
  );
}

/**
 * The smaller of the two time encodings. Offsets win for whole seconds (4 bytes an event for a year); gaps win for
 * millisecond times, which span more than u32 holds but whose gaps within a customer fit it.
 */
export function encodeTimeColumn(timeMs: Float64Array): EncodedTimeColumn {
  const offsets = encodeIntegerColumn(timeMs);
  const gaps = encodeDeltaColumn(timeMs);
  if (gaps === null || gaps.bytes.byteLength >= offsets.bytes.byteLength) return offsets;
  return { encoding: gaps.encoding, base: 0, step: gaps.step, bytes: gaps.bytes };
}

function decodeTimeColumn(column: EncodedTimeColumn, count: number, target: Float64Array, offset: number): boolean {
  const { encoding } = column;
  if (isDeltaEncoding(encoding)) return decodeDeltaColumn({ encoding, step: column.step, bytes: column.bytes }, count, target, offset);
  return decodeIntegerColumn({ ...column, encoding }, count, target, offset);
}

export function isTimeColumnEncoding(text: string): text is IntegerColumnEncoding | DeltaEncoding {
  return isIntegerColumnEncoding(text) || isDeltaEncoding(text);
}

/** customerIndex from the customer offsets: customer c owns events offsets[c] .. offsets[c + 1] - 1. */
export function customerIndexFromOffsets(customerEventStart: Uint32Array, eventCount: number): Uint32Array {
  const customerIndex = new Uint32Array(eventCount);
  for (let customer = 0; customer + 1 < customerEventStart.length; customer++) {
    customerIndex.fill(customer, customerEventStart[customer], customerEventStart[customer + 1]);
  }
  return customerIndex;
}

/**
 * Throws when the dataset breaks the shape buildDataset promises (column lengths, sort by customer, feature
 * indexes in range): storing such a dataset could not give it back exactly.
 */
export function assertStorableDataset(dataset: UsageDataset): void {
  const { eventCount, customers, customerEventStart } = dataset;
  const customerCount = customers.ids.length;
  const columnsMatch =
    dataset.timeMs.length === eventCount &&
    dataset.customerIndex.length === eventCount &&
    dataset.featureIndex.length === eventCount &&
    dataset.quantityMicros.length === eventCount &&
    customers.planKeys.length === customerCount &&
    customers.segments.length === customerCount &&
    customers.startMs.length === customerCount &&
    customers.endMs.length === customerCount &&
    customerEventStart.length === customerCount + 1;
  if (!columnsMatch) throw new Error('invariant: dataset columns have different lengths');
  if (customerEventStart[0] !== 0 || customerEventStart[customerCount] !== eventCount) {
    throw new Error('invariant: dataset customer offsets do not cover its events');
  }
  for (let customer = 0; customer < customerCount; customer++) {
    const from = customerEventStart[customer];
    const to = customerEventStart[customer + 1];
    if (to < from) throw new Error(`invariant: customer ${customer}'s event offsets decrease`);
    for (let row = from; row < to; row++) {
      if (dataset.customerIndex[row] !== customer) throw new Error(`invariant: event ${row} is not sorted by customer`);
    }
  }
  const featureCount = dataset.featureKeys.length;
  for (let row = 0; row < eventCount; row++) {
    if (dataset.featureIndex[row] >= featureCount) throw new Error(`invariant: event ${row} names feature ${dataset.featureIndex[row]} of ${featureCount}`);
  }
}
