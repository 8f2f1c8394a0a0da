// Stores a dataset's customer table as one row of columns: string columns as JSON arrays, number columns as
// little-endian typed-array blobs. Decoding checks every length and type, so a damaged row is refused, not misread.

import type { CustomerTable } from '../../engine/usage/dataset';
import { assertLittleEndian } from './byte-order';

export interface CustomerColumnsRow {
  idsJson: string;
  planKeysJson: string;
  segmentsJson: string;
  startMs: Uint8Array;
  /** +Infinity (an open subscription) is stored as its IEEE bits like any other double. */
  endMs: Uint8Array;
  /** customerEventStart of the dataset: customers + 1 offsets. */
  eventStart: Uint8Array;
}

export function encodeCustomerColumns(customers: CustomerTable, customerEventStart: Uint32Array): CustomerColumnsRow {
  assertLittleEndian();
  return {
    idsJson: JSON.stringify(customers.ids),
    planKeysJson: JSON.stringify(customers.planKeys),
    segmentsJson: JSON.stringify(customers.segments),
    startMs: new Uint8Array(customers.startMs.slice().buffer),
    endMs: new Uint8Array(customers.endMs.slice().buffer),
    eventStart: new Uint8Array(customerEventStart.slice().buffer),
  };
}

export interface DecodedCustomers {
  customers: CustomerTable;
  customerEventStart: Uint32Array;
}

/** The customer table and event offsets, or null when the row does not hold `customerCount` well-formed customers. */
export function decodeCustomerColumns(row: CustomerColumnsRow, customerCount: number, eventCount: number): DecodedCustomers | null {
  assertLittleEndian();
  const ids = stringArray(row.idsJson, customerCount);
  const planKeys = stringArray(row.planKeysJson, customerCount);
  const segments = stringArray(row.segmentsJson, customerCount);
  if (ids === null || planKeys === null || segments === null) return null;
  if (row.startMs.byteLength !== customerCount * 8 || row.endMs.byteLength !== customerCount * 8) return null;
  if (row.eventStart.byteLength !== (customerCount + 1) * 4) return null;
  // slice() copies each blob into a buffer of its own, aligned at 0, whatever offset sql.js handed it over at.
  const startMs = new Float64Array(row.startMs.slice().buffer);
  const endMs = new Float64Array(row.endMs.slice().buffer);
  const customerEventStart = new Uint32Array(row.eventStart.slice().buffer);
  if (!offsetsAreWhole(customerEventStart, eventCount)) return null;
  return { customers: { ids, planKeys, segments, startMs, endMs }, customerEventStart };
}

function stringArray(json: string, length: number): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== length) return null;
  for (const item of parsed) if (typeof item !== 'string') return null;
  return parsed as string[];
}

/** Offsets start at 0, never decrease and end at the event count: every event belongs to exactly one customer. */
function offsetsAreWhole(offsets: Uint32Array, eventCount: number): boolean {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== eventCount) return false;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) return false;
  return true;
}
