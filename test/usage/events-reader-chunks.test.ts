import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerTable } from '../../core/engine/usage/dataset';
import type { EventsReadResult } from '../../core/engine/usage/events-reader';
import { createEventsReader, readEvents } from '../../core/engine/usage/events-reader';

const encoder = new TextEncoder();

const customers: CustomerTable = {
  ids: ['c-1', 'c "2"', 'c-ü'],
  planKeys: ['pro', '', 'team'],
  startMs: Float64Array.from([0, 0, 0]),
  endMs: Float64Array.from([Infinity, Infinity, Infinity]),
  segments: ['', '', ''],
};

const CSV_FILE =
  '\ufeffTime,Customer_ID,Feature,Quantity\r\n' +
  '2025-03-01T00:00:00Z,c-1,export,1\r\n' +
  '\r\n' +
  '"2025-03-01T01:00:00Z","c ""2""","multi\r\nline",2.5\r\n' +
  '1740787200000,c-ü,émoji😀,0.000001\r\n' +
  '2025-03-02,c-1,export,3';

const NDJSON_FILE =
  '\ufeff{"time":"2025-03-01T00:00:00Z","customer_id":"c-1","feature":"export","quantity":1}\r\n' +
  '\n' +
  '{"time":1740787200000,"customer_id":"c \\"2\\"","feature":"\\u00e9moji😀","quantity":"2.5"}\n' +
  '{"quantity":1e-6,"feature":"export","customer_id":"c-ü","time":"2025-03-02"}';

const BROKEN_CSV = 'time,customer_id,feature,quantity\n2025-03-01,c-9,f,1\n2025-13-01,c-1,f,-1\n"x"y,c-1,f,1\n2025-03-01,c-1,"f';

function readInChunks(bytes: Uint8Array, fileName: string, cuts: number[]): EventsReadResult {
  const reader = createEventsReader(fileName, { customers });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    reader.push(bytes.subarray(from, cut));
    from = cut;
  }
  expect(reader.bytesRead).toBe(bytes.length);
  return reader.finish();
}

describe('events reader in chunks', () => {
  for (const [fileName, text] of [
    ['usage.csv', CSV_FILE],
    ['usage.ndjson', NDJSON_FILE],
    ['broken.csv', BROKEN_CSV],
  ] as const) {
    it(`reads ${fileName} the same when cut at any byte`, () => {
      const bytes = encoder.encode(text);
      const whole = readEvents(bytes, fileName, { customers });
      for (let cut = 0; cut <= bytes.length; cut++) expect(readInChunks(bytes, fileName, [cut]), `cut at ${cut}`).toEqual(whole);
    });

    it(`reads ${fileName} the same one byte at a time and at random cuts`, () => {
      const bytes = encoder.encode(text);
      const whole = readEvents(bytes, fileName, { customers });
      expect(readInChunks(bytes, fileName, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) => {
          expect(readInChunks(bytes, fileName, cuts.sort((a, b) => a - b))).toEqual(whole);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('reads the valid files to the expected events', () => {
    for (const [fileName, text] of [
      ['usage.csv', CSV_FILE],
      ['usage.ndjson', NDJSON_FILE],
    ] as const) {
      const result = readEvents(encoder.encode(text), fileName, { customers });
      expect(result.ok, fileName).toBe(true);
      if (!result.ok) continue;
      expect(result.rowCount).toBe(fileName === 'usage.csv' ? 4 : 3);
      expect(result.dataset.featureKeys).toContain('émoji😀');
      expect(result.dataset.customerEventStart[3]).toBe(result.rowCount);
    }
  });

  it('reports the line of a record that follows a quoted line break, whatever the cuts', () => {
    const bytes = encoder.encode('time,customer_id,feature,quantity\n2025-03-01,c-1,"a\nb",1\n2025-03-01,c-1,f,-1\n');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const result = readInChunks(bytes, 'usage.csv', [cut]);
      expect(result.ok ? null : result.errors.map((issue) => issue.line)).toEqual([4]);
    }
  });

  it('joins a record longer than the rescan limit without losing bytes', () => {
    const longFeature = 'x'.repeat(100_000) + '\n' + 'y'.repeat(150_000);
    const text = `time,customer_id,feature,quantity\n2025-03-01,c-1,"${longFeature}",1\n2025-03-01,c-1,f,2\n`;
    const bytes = encoder.encode(text);
    const cuts = Array.from({ length: Math.floor(bytes.length / 997) }, (_, i) => (i + 1) * 997);
    const result = readInChunks(bytes, 'usage.csv', cuts);
    expect(result).toMatchObject({ ok: true, rowCount: 2, dataset: { featureKeys: [longFeature, 'f'] } });
  });

  it('counts rows read so far for progress', () => {
    const bytes = encoder.encode('time,customer_id,feature,quantity\n2025-03-01,c-1,f,1\n2025-03-01,c-1,f,2\n');
    const reader = createEventsReader('usage.csv', { customers });
    reader.push(bytes.subarray(0, 60));
    expect(reader.rowsRead).toBe(1);
    reader.push(bytes.subarray(60));
    expect(reader.rowsRead).toBe(2);
    expect(reader.finish()).toMatchObject({ ok: true, rowCount: 2 });
  });

  it('refuses to be used after finishing', () => {
    const reader = createEventsReader('usage.csv', { customers });
    reader.push(encoder.encode('time,customer_id,feature,quantity\n'));
    reader.finish();
    expect(() => reader.push(new Uint8Array(1))).toThrow(/after finish/);
    expect(() => reader.finish()).toThrow(/twice/);
  });

  it('notices a UTF-16 byte order mark cut across chunks', () => {
    const result = readInChunks(new Uint8Array([0xff, 0xfe, 0x74, 0x00]), 'usage.csv', [1]);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'unsupported_encoding' }] });
  });
});
