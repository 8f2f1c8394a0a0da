// Reads a customers file (CSV or NDJSON) into a CustomerTable: one row per customer with its id, plan key
// (empty for a customer without a plan, who buys packs), start, optional end and optional segment. Ids are
// unique and every end is at or after its start; any problem fails the whole read.

import { formatIsoTimestamp } from '../calendar/civil-date';
import type { ColumnMapping, FieldRole } from './column-mapping';
import type { CustomerTable } from './dataset';
import type { UsageFileFormat } from './file-format';
import type { ImportFailure } from './import-error';
import { quoteValue } from './import-error';
import { explainTimeBytes, parseTimeBytes } from './iso-time';
import type { RowHandler, RowSlots } from './row-slots';
import { TableReading } from './table-reading';

export type CustomerField = 'id' | 'plan' | 'start' | 'end' | 'segment';

const ID = 0;
const PLAN = 1;
const START = 2;
const END = 3;
const SEGMENT = 4;

export const CUSTOMER_FIELDS: readonly FieldRole<CustomerField>[] = [
  { key: 'id', label: 'customer id', names: ['customer_id', 'id', 'customer'], required: true, expects: 'a string' },
  { key: 'plan', label: 'plan', names: ['plan', 'plan_key'], required: true, expects: 'a plan key as a string, or null for no plan' },
  { key: 'start', label: 'start', names: ['start', 'started_at', 'start_time'], required: true, expects: 'a time as a string or epoch milliseconds as a number' },
  { key: 'end', label: 'end', names: ['end', 'ended_at', 'end_time'], required: false, expects: 'a time as a string, epoch milliseconds as a number, or null' },
  { key: 'segment', label: 'segment', names: ['segment'], required: false, expects: 'a string or null' },
];

export interface CustomersReadOptions {
  /** Default: from the file name (.csv, .ndjson, .jsonl). */
  format?: UsageFileFormat;
  /** Explicit column (CSV) or key (NDJSON) names, replacing the accepted names for those values. */
  columns?: ColumnMapping<CustomerField>;
}

export type CustomersReadResult = { ok: true; customers: CustomerTable; rowCount: number } | ImportFailure;

export interface CustomersReader {
  push(chunk: Uint8Array): void;
  finish(): CustomersReadResult;
  readonly bytesRead: number;
  readonly rowsRead: number;
}

class CustomerRows implements RowHandler {
  readonly ids: string[] = [];
  readonly planKeys: string[] = [];
  readonly startMs: number[] = [];
  readonly endMs: number[] = [];
  readonly segments: string[] = [];
  /** Line each id was first listed on, for the duplicate message. */
  private readonly lineOfId = new Map<string, number>();

  row(slots: RowSlots, line: number): void {
    let id: string | null = null;
    if (slots.requireValue(ID, line)) {
      id = slots.text(ID);
      const firstLine = this.lineOfId.get(id);
      if (firstLine !== undefined) {
        if (slots.keepIssue()) slots.report('duplicate_customer', line, ID, `customer ${quoteValue(id)} is listed twice (first on line ${firstLine}).`);
      } else {
        this.lineOfId.set(id, line);
      }
    }

    const plan = slots.hasOptionalValue(PLAN, line) ? slots.text(PLAN) : '';

    let startMs = NaN;
    if (slots.requireValue(START, line)) startMs = this.timeOf(slots, START, line);

    let endMs = Infinity;
    if (slots.hasOptionalValue(END, line)) {
      endMs = this.timeOf(slots, END, line);
      if (endMs < startMs && slots.keepIssue()) {
        slots.report('end_before_start', line, END, `the end ${formatIsoTimestamp(endMs)} is before the start ${formatIsoTimestamp(startMs)}.`);
      }
    }

    const segment = slots.hasOptionalValue(SEGMENT, line) ? slots.text(SEGMENT) : '';

    if (slots.issues.count > 0 || id === null) return;
    this.ids.push(id);
    this.planKeys.push(plan);
    this.startMs.push(startMs);
    this.endMs.push(endMs);
    this.segments.push(segment);
  }

  private timeOf(slots: RowSlots, role: number, line: number): number {
    const ms = parseTimeBytes(slots.bytes[role], slots.start[role], slots.end[role]);
    if (Number.isNaN(ms) && slots.keepIssue()) slots.report('invalid_time', line, role, explainTimeBytes(slots.bytes[role], slots.start[role], slots.end[role]));
    return ms;
  }

  table(): CustomerTable {
    return {
      ids: this.ids.slice(),
      planKeys: this.planKeys.slice(),
      startMs: Float64Array.from(this.startMs),
      endMs: Float64Array.from(this.endMs),
      segments: this.segments.slice(),
    };
  }
}

/** A customers reader fed in chunks. */
export function createCustomersReader(fileName: string, options: CustomersReadOptions = {}): CustomersReader {
  const rows = new CustomerRows();
  const reading = new TableReading(fileName, options.format, CUSTOMER_FIELDS, options.columns, rows, 'customer_id,plan,start,end,segment');
  let finished = false;
  return {
    push(chunk: Uint8Array): void {
      if (finished) throw new Error('invariant: push after finish');
      reading.push(chunk);
    },
    finish(): CustomersReadResult {
      if (finished) throw new Error('invariant: finish called twice');
      finished = true;
      reading.finish();
      if (reading.issues.count > 0) return reading.issues.failure();
      return { ok: true, customers: rows.table(), rowCount: reading.rowsRead };
    },
    get bytesRead(): number {
      return reading.bytesRead;
    },
    get rowsRead(): number {
      return reading.rowsRead;
    },
  };
}

/** Reads a whole customers file held in memory. */
export function readCustomers(bytes: Uint8Array, fileName: string, options: CustomersReadOptions = {}): CustomersReadResult {
  const reader = createCustomersReader(fileName, options);
  reader.push(bytes);
  return reader.finish();
}
