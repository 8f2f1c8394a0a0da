import { describe, expect, it } from 'vitest';
import type { CustomerTable } from '../../core/engine/usage/dataset';
import type { EventsReadOptions, EventsReadResult } from '../../core/engine/usage/events-reader';
import { MAX_FEATURES, readEvents } from '../../core/engine/usage/events-reader';
import { MAX_REPORTED_ISSUES } from '../../core/engine/usage/import-error';
import { TIME_EXPECTED } from '../../core/engine/usage/iso-time';

const encoder = new TextEncoder();

const customers: CustomerTable = {
  ids: ['c-1', 'c-2', 'c-ü'],
  planKeys: ['pro', '', 'team'],
  startMs: Float64Array.from([Date.UTC(2025, 0, 1), Date.UTC(2025, 1, 1), Date.UTC(2025, 0, 1)]),
  endMs: Float64Array.from([Infinity, Infinity, Infinity]),
  segments: ['', '', ''],
};

function read(text: string, fileName = 'usage.csv', options: Partial<EventsReadOptions> = {}): EventsReadResult {
  return readEvents(encoder.encode(text), fileName, { customers, ...options });
}

function messages(result: EventsReadResult): string[] {
  if (result.ok) throw new Error('expected a failed read');
  return result.errors.map((issue) => `${issue.code}: ${issue.message}`);
}

const HEADER = 'time,customer_id,feature,quantity\n';

describe('events reader: valid files', () => {
  it('reads a CSV into columns sorted by customer, then time, then file order', () => {
    const result = read(
      HEADER +
        '2025-03-02T00:00:00Z,c-2,export,1\n' +
        '2025-03-01T00:00:00Z,c-1,tokens,1.5\n' +
        '2025-03-01T00:00:00Z,c-1,export,0\n' +
        '2025-02-01T00:00:00Z,c-1,export,2\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { dataset } = result;
    expect(result.rowCount).toBe(4);
    expect(dataset.featureKeys).toEqual(['export', 'tokens']);
    expect(dataset.eventCount).toBe(4);
    expect(Array.from(dataset.customerIndex)).toEqual([0, 0, 0, 1]);
    expect(Array.from(dataset.timeMs)).toEqual([Date.UTC(2025, 1, 1), Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 1), Date.UTC(2025, 2, 2)]);
    expect(Array.from(dataset.featureIndex)).toEqual([0, 1, 0, 0]);
    expect(Array.from(dataset.quantityMicros)).toEqual([2_000_000, 1_500_000, 0, 1_000_000]);
    expect(Array.from(dataset.customerEventStart)).toEqual([0, 3, 4, 4]);
    expect(dataset.customers).toBe(customers);
  });

  it('accepts a byte order mark, CRLF, quoted fields, blank lines and a last line without a line feed', () => {
    const result = read('\ufeffTimestamp, Customer , Metric ,Units\r\n\r\n"2025-03-01T00:00:00Z","c-1","video, HD","2"\r\n   \r\n1740787200000,c-ü,"say ""hi""",3');
    expect(result).toMatchObject({ ok: true, rowCount: 2, dataset: { featureKeys: ['video, HD', 'say "hi"'] } });
    if (result.ok) expect(Array.from(result.dataset.customerIndex)).toEqual([0, 2]);
  });

  it('reads NDJSON with numbers or strings, in any key order, and the other key spellings', () => {
    const result = read(
      '{"quantity":2,"feature":"export","customer_id":"c-1","time":"2025-03-01T00:00:00Z","extra":{"x":[1]}}\n' +
        '\n' +
        '{"ts":1740787200000,"customerId":"c-\\u00fc","metric":"export","qty":"0.25"}\r\n',
      'usage.ndjson',
    );
    expect(result).toMatchObject({ ok: true, rowCount: 2, dataset: { featureKeys: ['export'] } });
    if (result.ok) expect(Array.from(result.dataset.quantityMicros)).toEqual([2_000_000, 250_000]);
  });

  it('takes the format from the option before the file name, and .jsonl as NDJSON', () => {
    const line = '{"time":"2025-03-01","customer":"c-1","feature":"f","quantity":1}\n';
    expect(read(line, 'usage.jsonl').ok).toBe(true);
    expect(read(line, 'export.txt', { format: 'ndjson' }).ok).toBe(true);
    expect(read(HEADER + '2025-03-01,c-1,f,1\n', 'USAGE.CSV').ok).toBe(true);
  });

  it('follows an explicit column mapping, even over a column with an accepted name', () => {
    const result = read('when,account,sku,value,amount\n2025-03-01,c-1,f,99,4\n', 'usage.csv', {
      columns: { time: 'when', customer: 'account', feature: 'sku', quantity: 'amount' },
    });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(Array.from(result.dataset.quantityMicros)).toEqual([4_000_000]);
  });

  it('uses exactly the known features, in their order, when given', () => {
    const result = read(HEADER + '2025-03-01,c-1,b,1\n', 'usage.csv', { knownFeatures: ['a', 'b', 'c'] });
    expect(result).toMatchObject({ ok: true, dataset: { featureKeys: ['a', 'b', 'c'] } });
    if (result.ok) expect(Array.from(result.dataset.featureIndex)).toEqual([1]);
  });

  it('reads a header-only CSV and an empty NDJSON file as no events', () => {
    expect(read(HEADER)).toMatchObject({ ok: true, rowCount: 0, dataset: { eventCount: 0, featureKeys: [] } });
    expect(read('', 'usage.ndjson')).toMatchObject({ ok: true, rowCount: 0 });
  });
});

describe('events reader: problems, each with its code and sentence', () => {
  it('unknown_customer says the customer has no record and so no plan', () => {
    expect(messages(read(HEADER + '2025-03-01,c-77,f,1\n'))).toEqual([
      'unknown_customer: usage.csv line 2, column 2 (customer_id): customer "c-77" has no customer record, so it has no plan; add it to the customers file or remove its events.',
    ]);
  });

  it('unknown_feature lists the known features', () => {
    expect(messages(read(HEADER + '2025-03-01,c-1,exports,1\n', 'usage.csv', { knownFeatures: ['export', 'tokens'] }))).toEqual([
      'unknown_feature: usage.csv line 2, column 3 (feature): feature "exports" is not in the price book; its features are "export", "tokens".',
    ]);
  });

  it('negative_quantity, too_many_decimals, quantity_too_large and invalid_quantity', () => {
    expect(messages(read(HEADER + '2025-03-01,c-1,f,-3\n2025-03-01,c-1,f,0.1234567\n2025-03-01,c-1,f,1e10\n2025-03-01,c-1,f,three\n'))).toEqual([
      'negative_quantity: usage.csv line 2, column 4 (quantity): "-3" is negative; quantities must be zero or more.',
      'too_many_decimals: usage.csv line 3, column 4 (quantity): "0.1234567" has more than 6 decimals; quantities are kept in millionths of a unit.',
      'quantity_too_large: usage.csv line 4, column 4 (quantity): "1e10" is too large; quantities must be at most 9007199254.740991.',
      'invalid_quantity: usage.csv line 5, column 4 (quantity): "three" is not a number; quantities are decimals such as 3 or 1.5.',
    ]);
  });

  it('invalid_time says what was found and what is expected', () => {
    expect(messages(read(HEADER + '03/04/2025,c-1,f,1\n2025-02-29T10:00:00Z,c-1,f,1\n'))).toEqual([
      `invalid_time: usage.csv line 2, column 1 (time): "03/04/2025" is not a time; expected ${TIME_EXPECTED}.`,
      `invalid_time: usage.csv line 3, column 1 (time): "2025-02-29T10:00:00Z" is not a valid time (day 29 is past the end of February 2025, which has 28 days); expected ${TIME_EXPECTED}.`,
    ]);
  });

  it('event_before_start names both instants', () => {
    expect(messages(read(HEADER + '2025-01-31T23:59:59Z,c-2,f,1\n'))).toEqual([
      'event_before_start: usage.csv line 2, column 1 (time): the event at 2025-01-31T23:59:59.000Z is before customer "c-2" starts (2025-02-01T00:00:00.000Z).',
    ]);
    expect(read(HEADER + '2025-02-01T00:00:00Z,c-2,f,1\n').ok).toBe(true);
  });

  it('missing_value for empty values, and null ones in NDJSON', () => {
    expect(messages(read(HEADER + ',c-1,,\n'))).toEqual([
      'missing_value: usage.csv line 2, column 1 (time): the time is empty.',
      'missing_value: usage.csv line 2, column 3 (feature): the feature is empty.',
      'missing_value: usage.csv line 2, column 4 (quantity): the quantity is empty.',
    ]);
    expect(messages(read('{"time":"2025-03-01","customer_id":null,"feature":"f","quantity":1}\n', 'usage.ndjson'))).toEqual([
      'missing_value: usage.ndjson line 1, column 36 (customer_id): the customer id is null.',
    ]);
  });

  it('missing_column names the accepted headers, or the chosen one', () => {
    expect(messages(read('time,customer_id,feature\n2025-03-01,c-1,f\n'))).toEqual([
      'missing_column: usage.csv line 1 (quantity): the header has no quantity column; name it "quantity", "qty", "units" or "value", or choose the column that holds the quantity.',
    ]);
    expect(messages(read(HEADER, 'usage.csv', { columns: { quantity: 'Amount used' } }))).toEqual([
      'missing_column: usage.csv line 1 (quantity): the header has no "Amount used" column; it was chosen for the quantity.',
    ]);
  });

  it('missing_field for each absent NDJSON key', () => {
    expect(messages(read('{"time":"2025-03-01","customer_id":"c-1"}\n', 'usage.ndjson'))).toEqual([
      'missing_field: usage.ndjson line 1 (feature): the object has no feature field; name it "feature", "feature_key" or "metric", or choose the field that holds the feature.',
      'missing_field: usage.ndjson line 1 (quantity): the object has no quantity field; name it "quantity", "qty", "units" or "value", or choose the field that holds the quantity.',
    ]);
  });

  it('field_count for a line with more or fewer fields than the header', () => {
    expect(messages(read(HEADER + '2025-03-01,c-1,f\n2025-03-01,c-1,f,1,extra\n'))).toEqual([
      'field_count: usage.csv line 2: the line has 3 fields but the header has 4.',
      'field_count: usage.csv line 3: the line has 5 fields but the header has 4.',
    ]);
  });

  it('csv_quote and unterminated_quote, counting lines inside quoted fields', () => {
    expect(messages(read(HEADER + '"2025-03-01"x,c-1,f,1\n2025-03-01,"c\n1",f,1\n2025-03-01,c-1,"f,1\n'))).toEqual([
      'csv_quote: usage.csv line 2, column 1 (time): text follows the closing quote of a quoted field; a quoted field must end at its closing quote, and a quote inside it is written twice ("").',
      'unknown_customer: usage.csv line 3, column 2 (customer_id): customer "c\\n1" has no customer record, so it has no plan; add it to the customers file or remove its events.',
      'unterminated_quote: usage.csv line 5, column 3 (feature): a quoted field opened here is never closed, so the rest of the file was read into it; add the closing quote.',
    ]);
  });

  it('invalid_json gives the character column of the fault', () => {
    expect(messages(read('{"time":"ü2025","customer_id":"c-1",}\n', 'usage.ndjson'))).toEqual([
      'invalid_json: usage.ndjson line 1, column 37: invalid JSON: expected a field name in double quotes.',
    ]);
  });

  it('wrong_type for true, objects and arrays', () => {
    expect(messages(read('{"time":true,"customer_id":["c-1"],"feature":"f","quantity":{"n":1}}\n', 'usage.ndjson'))).toEqual([
      'wrong_type: usage.ndjson line 1, column 9 (time): expected a time as a string or epoch milliseconds as a number, found true.',
      'wrong_type: usage.ndjson line 1, column 28 (customer_id): expected a string, found ["c-1"].',
      'wrong_type: usage.ndjson line 1, column 61 (quantity): expected a number or a decimal string, found {"n":1}.',
    ]);
  });

  it('missing_header, unknown_format and unsupported_encoding concern the whole file', () => {
    expect(messages(read('\n\n'))).toEqual(['missing_header: usage.csv: the file is empty; expected a header line such as time,customer_id,feature,quantity.']);
    expect(messages(read(HEADER, 'usage.txt'))).toEqual([
      'unknown_format: usage.txt: cannot tell the format from the file name; name the file .csv, .ndjson or .jsonl, or choose the format.',
    ]);
    const utf16 = readEvents(new Uint8Array([0xff, 0xfe, 0x74, 0x00]), 'usage.csv', { customers });
    expect(messages(utf16)).toEqual(['unsupported_encoding: usage.csv: the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) and import it again.']);
    if (!utf16.ok) expect(utf16.errors[0]).toMatchObject({ line: 0, column: null, field: null });
  });

  it('too_many_features once the 16-bit feature index is full', () => {
    const rows = Array.from({ length: MAX_FEATURES + 2 }, (_, i) => `2025-03-01,c-1,f${i},1\n`).join('');
    const result = read(HEADER + rows);
    expect(messages(result)).toEqual([
      `too_many_features: usage.csv line ${MAX_FEATURES + 2}, column 3 (feature): feature "f${MAX_FEATURES}" is one more than the ${MAX_FEATURES} distinct features a dataset can hold.`,
    ]);
  });

  it('gives each issue as structured fields as well as a sentence', () => {
    const result = read(HEADER + '2025-03-01,c-1,f,-3\n');
    expect(result).toEqual({
      ok: false,
      errorCount: 1,
      errors: [
        {
          code: 'negative_quantity',
          file: 'usage.csv',
          line: 2,
          column: 4,
          field: 'quantity',
          message: 'usage.csv line 2, column 4 (quantity): "-3" is negative; quantities must be zero or more.',
        },
      ],
    });
  });

  it('keeps the first 100 issues and counts them all, returning no dataset', () => {
    const rows = Array.from({ length: 150 }, () => '2025-03-01,c-1,f,-1\n').join('');
    const result = read(HEADER + '2025-03-01,c-1,f,1\n' + rows);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorCount).toBe(150);
    expect(result.errors).toHaveLength(MAX_REPORTED_ISSUES);
    expect(result.errors[0].line).toBe(3);
    expect(result.errors[99].line).toBe(102);
    expect(result).not.toHaveProperty('dataset');
  });
});
