// Writes a UsageDataset as an events CSV (timestamp,customer_id,feature,quantity) the way a billing export would
// hold it: ISO-8601 UTC times with milliseconds and quantities as plain decimals, exactly (integer digit
// arithmetic, never float formatting). Bytes go straight into a reused buffer, so ten million rows make no garbage.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { UsageDataset } from '../core/engine/usage/dataset';

const DAY_MS = 86_400_000;
const BUFFER_BYTES = 1 << 22;
const ZERO = 0x30;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const encoder = new TextEncoder();

/** A byte buffer flushed to a file descriptor whenever the next row might not fit. */
class CsvBytes {
  readonly buffer = new Uint8Array(BUFFER_BYTES);
  length = 0;
  written = 0;

  constructor(private readonly file: number) {}

  ensure(room: number): void {
    if (this.length + room > BUFFER_BYTES) this.flush();
  }

  flush(): void {
    let offset = 0;
    while (offset < this.length) offset += writeSync(this.file, this.buffer, offset, this.length - offset);
    this.written += this.length;
    this.length = 0;
  }

  bytes(source: Uint8Array): void {
    this.buffer.set(source, this.length);
    this.length += source.length;
  }

  byte(value: number): void {
    this.buffer[this.length++] = value;
  }

  /** A non-negative integer padded with zeros to `width` digits (no padding when width is 0). */
  digits(value: number, width: number): void {
    let count = 1;
    for (let rest = Math.floor(value / 10); rest > 0; rest = Math.floor(rest / 10)) count++;
    const total = Math.max(count, width);
    let rest = value;
    for (let i = total - 1; i >= 0; i--) {
      this.buffer[this.length + i] = ZERO + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.length += total;
  }
}

/** "YYYY-MM-DDT" for each day, built once per day with Date (only ~400 distinct days in a bench history). */
class DatePrefixes {
  private readonly byDay = new Map<number, Uint8Array>();

  of(day: number): Uint8Array {
    let prefix = this.byDay.get(day);
    if (prefix === undefined) {
      prefix = encoder.encode(new Date(day * DAY_MS).toISOString().slice(0, 11));
      this.byDay.set(day, prefix);
    }
    return prefix;
  }
}

function writeTime(out: CsvBytes, prefixes: DatePrefixes, ms: number): void {
  const day = Math.floor(ms / DAY_MS);
  out.bytes(prefixes.of(day));
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  out.digits(hours, 2);
  out.byte(0x3a);
  out.digits(minutes, 2);
  out.byte(0x3a);
  out.digits(seconds, 2);
  out.byte(0x2e);
  out.digits(rest - seconds * 1000, 3);
  out.byte(0x5a);
}

/** An integer count of millionths as decimal digits without trailing zeros: 1500000 → "1.5". */
function writeQuantity(out: CsvBytes, quantityMicros: number): void {
  const whole = Math.floor(quantityMicros / 1_000_000);
  let fraction = quantityMicros - whole * 1_000_000;
  out.digits(whole, 0);
  if (fraction === 0) return;
  let width = 6;
  while (fraction % 10 === 0) {
    fraction /= 10;
    width--;
  }
  out.byte(0x2e);
  out.digits(fraction, width);
}

/** The longest a row can be: a 24-byte time, the id and key, a quantity of at most 16 + 7 digits, separators. */
function maxRowBytes(ids: Uint8Array[], features: Uint8Array[]): number {
  const longest = (list: Uint8Array[]): number => list.reduce((most, bytes) => Math.max(most, bytes.length), 0);
  return 24 + longest(ids) + longest(features) + 24 + 4;
}

/** Writes the dataset to `path`; returns the file's size in bytes. */
export function writeUsageCsv(dataset: UsageDataset, path: string): number {
  const ids = dataset.customers.ids.map((id) => encoder.encode(id));
  const features = dataset.featureKeys.map((key) => encoder.encode(key));
  for (const text of [...dataset.customers.ids, ...dataset.featureKeys]) {
    if (/[",\r\n]/.test(text)) throw new Error(`invariant: "${text}" would need CSV quoting, which this writer does not do`);
  }
  const rowRoom = maxRowBytes(ids, features);
  const file = openSync(path, 'w');
  try {
    const out = new CsvBytes(file);
    const prefixes = new DatePrefixes();
    out.bytes(encoder.encode('timestamp,customer_id,feature,quantity\n'));
    for (let row = 0; row < dataset.eventCount; row++) {
      out.ensure(rowRoom);
      writeTime(out, prefixes, dataset.timeMs[row]);
      out.byte(COMMA);
      out.bytes(ids[dataset.customerIndex[row]]);
      out.byte(COMMA);
      out.bytes(features[dataset.featureIndex[row]]);
      out.byte(COMMA);
      writeQuantity(out, dataset.quantityMicros[row]);
      out.byte(LINE_FEED);
    }
    out.flush();
    return out.written;
  } finally {
    closeSync(file);
  }
}
