// Reads a usage events file (CSV or NDJSON) into a UsageDataset: each row's time, customer, feature and quantity
// are parsed from bytes straight into growing typed columns, so ten million rows make four arrays, not ten
// million objects. Any problem fails the whole read: a dataset is returned only when every row was valid.

import { formatIsoTimestamp } from '../calendar/civil-date';
import type { ColumnMapping, FieldRole } from './column-mapping';
import type { CustomerTable, UsageDataset } from './dataset';
import { buildDataset } from './build-dataset';
import { ByteKeyIndex } from './byte-key-index';
import type { UsageFileFormat } from './file-format';
import type { ImportFailure, ImportIssueCode } from './import-error';
import { quoteValue } from './import-error';
import { explainTimeBytes, parseTimeBytes } from './iso-time';
import {
  explainQuantityBytes,
  QUANTITY_EMPTY,
  QUANTITY_NEGATIVE,
  QUANTITY_NOT_A_NUMBER,
  QUANTITY_TOO_LARGE,
  QUANTITY_TOO_MANY_DECIMALS,
  parseQuantityBytes,
} from './quantity-text';
import type { RowHandler, RowSlots } from './row-slots';
import { TableReading } from './table-reading';

export type EventField = 'time' | 'customer' | 'feature' | 'quantity';

const TIME = 0;
const CUSTOMER = 1;
const FEATURE = 2;
const QUANTITY = 3;

export const EVENT_FIELDS: readonly FieldRole<EventField>[] = [
  { key: 'time', label: 'time', names: ['timestamp', 'time', 'ts', 'event_time'], required: true, expects: 'a time as a string or epoch milliseconds as a number' },
  { key: 'customer', label: 'customer id', names: ['customer_id', 'customer'], required: true, expects: 'a string' },
  { key: 'feature', label: 'feature', names: ['feature', 'feature_key', 'metric'], required: true, expects: 'a string' },
  { key: 'quantity', label: 'quantity', names: ['quantity', 'qty', 'units', 'value'], required: true, expects: 'a number or a decimal string' },
];

/** featureIndex is a Uint16Array: at most this many distinct features. */
export const MAX_FEATURES = 65_536;

export interface EventsReadOptions {
  /** The customers the events belong to; an event of any other customer is an error. */
  customers: CustomerTable;
  /**
   * The price book's feature keys. When given, any other feature is an error and the dataset's featureKeys is
   * exactly this list (so feature indices match the book's order); otherwise features in order of first appearance.
   */
  knownFeatures?: readonly string[];
  /** Default: from the file name (.csv, .ndjson, .jsonl). */
  format?: UsageFileFormat;
  /** Explicit column (CSV) or key (NDJSON) names, replacing the accepted names for those values. */
  columns?: ColumnMapping<EventField>;
}

export type EventsReadResult = { ok: true; dataset: UsageDataset; rowCount: number } | ImportFailure;

export interface EventsReader {
  /** Reads the next bytes of the file; rows cut across chunks are joined. */
  push(chunk: Uint8Array): void;
  /** Ends the file and returns the dataset or every problem found. */
  finish(): EventsReadResult;
  readonly bytesRead: number;
  /** Data rows read so far (valid or not). */
  readonly rowsRead: number;
}

const INITIAL_CAPACITY = 1024;

/** Validates rows and appends them to the columns; after the file's first problem it only validates. */
class EventRows implements RowHandler {
  count = 0;
  timeMs = new Float64Array(INITIAL_CAPACITY);
  customerIndex = new Uint32Array(INITIAL_CAPACITY);
  featureIndex = new Uint16Array(INITIAL_CAPACITY);
  quantityMicros = new Float64Array(INITIAL_CAPACITY);
  readonly featureKeys: string[] = [];
  private readonly customerIds = new ByteKeyIndex();
  private readonly features = new ByteKeyIndex();
  private readonly knownFeatures: readonly string[] | null;
  private tooManyFeaturesReported = false;

  constructor(private readonly customers: CustomerTable, knownFeatures: readonly string[] | undefined) {
    for (const id of customers.ids) {
      if (this.customerIds.addText(id) !== this.customerIds.size - 1) throw new Error(`invariant: customer id ${id} appears twice in the customer table`);
    }
    this.knownFeatures = knownFeatures ?? null;
    if (knownFeatures !== undefined) {
      if (knownFeatures.length > MAX_FEATURES) throw new Error(`invariant: more than ${MAX_FEATURES} known features`);
      for (const key of knownFeatures) {
        if (this.features.addText(key) !== this.features.size - 1) throw new Error(`invariant: known feature ${key} is listed twice`);
        this.featureKeys.push(key);
      }
    }
  }

  row(slots: RowSlots, line: number): void {
    let timeMs = NaN;
    if (slots.requireValue(TIME, line)) {
      timeMs = parseTimeBytes(slots.bytes[TIME], slots.start[TIME], slots.end[TIME]);
      if (Number.isNaN(timeMs)) reportInvalidTime(slots, TIME, line);
    }

    let customer = -1;
    if (slots.requireValue(CUSTOMER, line)) {
      customer = this.customerIds.find(slots.bytes[CUSTOMER], slots.start[CUSTOMER], slots.end[CUSTOMER]);
      if (customer < 0) reportUnknownCustomer(slots, line);
    }

    let feature = -1;
    if (slots.requireValue(FEATURE, line)) {
      feature = this.features.find(slots.bytes[FEATURE], slots.start[FEATURE], slots.end[FEATURE]);
      if (feature < 0) feature = this.newFeature(slots, line);
    }

    let quantity = -1;
    if (slots.requireValue(QUANTITY, line)) {
      quantity = parseQuantityBytes(slots.bytes[QUANTITY], slots.start[QUANTITY], slots.end[QUANTITY]);
      if (quantity < 0) reportQuantity(slots, quantity, line);
    }

    if (customer >= 0 && timeMs < this.customers.startMs[customer]) reportBeforeStart(slots, timeMs, this.customers.startMs[customer], line);

    // Once the file has any problem no dataset will be returned, so rows are only checked, not stored.
    if (slots.issues.count > 0) return;
    this.append(timeMs, customer, feature, quantity);
  }

  /** A feature not seen before: added, or refused when the features are fixed or too many. */
  private newFeature(slots: RowSlots, line: number): number {
    if (this.knownFeatures !== null) {
      if (slots.keepIssue()) {
        const list = this.knownFeatures.length === 0 ? 'none' : this.knownFeatures.map((key) => JSON.stringify(key)).join(', ');
        slots.report('unknown_feature', line, FEATURE, `feature ${quoteValue(slots.text(FEATURE))} is not in the price book; its features are ${list}.`);
      }
      return -1;
    }
    if (this.features.size >= MAX_FEATURES) {
      // Reported once: every later new feature would say the same.
      if (!this.tooManyFeaturesReported && slots.keepIssue()) {
        slots.report('too_many_features', line, FEATURE, `feature ${quoteValue(slots.text(FEATURE))} is one more than the ${MAX_FEATURES} distinct features a dataset can hold.`);
      }
      this.tooManyFeaturesReported = true;
      return -1;
    }
    const index = this.features.add(slots.bytes[FEATURE], slots.start[FEATURE], slots.end[FEATURE]);
    this.featureKeys.push(slots.text(FEATURE));
    return index;
  }

  private append(timeMs: number, customer: number, feature: number, quantity: number): void {
    const row = this.count;
    if (row === this.timeMs.length) this.grow();
    this.timeMs[row] = timeMs;
    this.customerIndex[row] = customer;
    this.featureIndex[row] = feature;
    this.quantityMicros[row] = quantity;
    this.count = row + 1;
  }

  private grow(): void {
    const capacity = this.timeMs.length * 2;
    const timeMs = new Float64Array(capacity);
    timeMs.set(this.timeMs);
    this.timeMs = timeMs;
    const customerIndex = new Uint32Array(capacity);
    customerIndex.set(this.customerIndex);
    this.customerIndex = customerIndex;
    const featureIndex = new Uint16Array(capacity);
    featureIndex.set(this.featureIndex);
    this.featureIndex = featureIndex;
    const quantityMicros = new Float64Array(capacity);
    quantityMicros.set(this.quantityMicros);
    this.quantityMicros = quantityMicros;
  }
}

function quantityIssueCode(code: number): ImportIssueCode {
  switch (code) {
    case QUANTITY_EMPTY:
    case QUANTITY_NOT_A_NUMBER:
      return 'invalid_quantity';
    case QUANTITY_NEGATIVE:
      return 'negative_quantity';
    case QUANTITY_TOO_MANY_DECIMALS:
      return 'too_many_decimals';
    case QUANTITY_TOO_LARGE:
      return 'quantity_too_large';
    default:
      throw new Error(`invariant: ${code} is not a quantity refusal code`);
  }
}

function reportInvalidTime(slots: RowSlots, role: number, line: number): void {
  if (slots.keepIssue()) slots.report('invalid_time', line, role, explainTimeBytes(slots.bytes[role], slots.start[role], slots.end[role]));
}

function reportUnknownCustomer(slots: RowSlots, line: number): void {
  if (!slots.keepIssue()) return;
  slots.report(
    'unknown_customer',
    line,
    CUSTOMER,
    `customer ${quoteValue(slots.text(CUSTOMER))} has no customer record, so it has no plan; add it to the customers file or remove its events.`,
  );
}

function reportQuantity(slots: RowSlots, code: number, line: number): void {
  if (!slots.keepIssue()) return;
  slots.report(quantityIssueCode(code), line, QUANTITY, explainQuantityBytes(code, slots.bytes[QUANTITY], slots.start[QUANTITY], slots.end[QUANTITY]));
}

function reportBeforeStart(slots: RowSlots, timeMs: number, startMs: number, line: number): void {
  if (!slots.keepIssue()) return;
  slots.report(
    'event_before_start',
    line,
    TIME,
    `the event at ${formatIsoTimestamp(timeMs)} is before customer ${quoteValue(slots.text(CUSTOMER))} starts (${formatIsoTimestamp(startMs)}).`,
  );
}

/** An events reader fed in chunks, for big files: the caller shows bytesRead as progress and may stop at any time. */
export function createEventsReader(fileName: string, options: EventsReadOptions): EventsReader {
  const rows = new EventRows(options.customers, options.knownFeatures);
  const reading = new TableReading(fileName, options.format, EVENT_FIELDS, options.columns, rows, 'time,customer_id,feature,quantity');
  let finished = false;
  return {
    push(chunk: Uint8Array): void {
      if (finished) throw new Error('invariant: push after finish');
      reading.push(chunk);
    },
    finish(): EventsReadResult {
      if (finished) throw new Error('invariant: finish called twice');
      finished = true;
      reading.finish();
      if (reading.issues.count > 0) return reading.issues.failure();
      const dataset = buildDataset(options.customers, rows.featureKeys.slice(), {
        count: rows.count,
        timeMs: rows.timeMs,
        customerIndex: rows.customerIndex,
        featureIndex: rows.featureIndex,
        quantityMicros: rows.quantityMicros,
      });
      return { ok: true, dataset, rowCount: reading.rowsRead };
    },
    get bytesRead(): number {
      return reading.bytesRead;
    },
    get rowsRead(): number {
      return reading.rowsRead;
    },
  };
}

/** Reads a whole events file held in memory. */
export function readEvents(bytes: Uint8Array, fileName: string, options: EventsReadOptions): EventsReadResult {
  const reader = createEventsReader(fileName, options);
  reader.push(bytes);
  return reader.finish();
}
