import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeDeltaColumn, encodeDeltaColumn, type EncodedDeltaColumn } from '../../core/workbook/usage/delta-codec';
import { encodeTimeColumn } from '../../core/workbook/usage/usage-chunks';

function encoded(values: number[]): EncodedDeltaColumn {
  const column = encodeDeltaColumn(Float64Array.from(values));
  if (column === null) throw new Error('expected a gap encoding');
  return column;
}

function decoded(column: EncodedDeltaColumn, count: number): number[] | null {
  const target = new Float64Array(count + 1).fill(-1);
  if (!decodeDeltaColumn(column, count, target, 1)) return null;
  expect(target[0]).toBe(-1);
  return Array.from(target.subarray(1));
}

/** k exceptions of 12 bytes each, then one gap per value. */
function exceptionCount(column: EncodedDeltaColumn, count: number): number {
  const width = { 'delta-u8': 1, 'delta-u16': 2, 'delta-u32': 4 }[column.encoding];
  return (column.bytes.byteLength - count * width) / 12;
}

const JAN = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

describe('time gap codec', () => {
  test('millisecond times of two customers: gaps within each, the start of each customer kept whole', () => {
    const values = [JAN + 5, JAN + 3 * DAY + 17, JAN + 40 * DAY + 123, JAN + 2, JAN + DAY + 999];
    const column = encoded(values);
    expect(column).toMatchObject({ encoding: 'delta-u32', step: 1 });
    expect(exceptionCount(column, values.length)).toBe(2);
    expect(decoded(column, values.length)).toEqual(values);
  });

  test('whole-second gaps are stored in seconds, and small ones in one byte', () => {
    const values = [JAN, JAN + 61_000, JAN + 64_000, JAN + 300_000];
    expect(encoded(values)).toMatchObject({ encoding: 'delta-u8', step: 1_000 });
    expect(decoded(encoded(values), 4)).toEqual(values);
  });

  test('a gap wider than u32 holds becomes an exception rather than a raw column', () => {
    const values = [0, 1, 2 ** 40, 2 ** 40 + 3];
    const column = encoded(values);
    expect(column.encoding).toBe('delta-u8');
    expect(exceptionCount(column, 4)).toBe(2);
    expect(decoded(column, 4)).toEqual(values);
  });

  test('values that are not safe integers are left to the raw encoding', () => {
    expect(encodeDeltaColumn(Float64Array.from([1, 1.5]))).toBeNull();
    expect(encodeDeltaColumn(Float64Array.from([1, -0]))).toBeNull();
    expect(encodeDeltaColumn(Float64Array.from([1, 2 ** 53]))).toBeNull();
  });

  test('any safe integers come back exactly, however they jump', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.maxSafeInteger(), { maxLength: 40 }),
          fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 40 }).map((gaps) => {
            let time = JAN;
            return gaps.map((gap) => (time += gap * 1000));
          }),
        ),
        (values) => {
          const column = encodeDeltaColumn(Float64Array.from(values));
          if (column === null) throw new Error('safe integers must encode');
          expect(decoded(column, values.length)).toEqual(values);
        },
      ),
    );
  });

  test('a blob whose exceptions are missing, out of order or past the end is refused', () => {
    const values = [JAN + 5, JAN + 9, JAN + 1];
    const column = encoded(values);
    expect(decoded({ ...column, bytes: column.bytes.subarray(12) }, 3)).toBeNull();
    const swapped = column.bytes.slice();
    new Uint32Array(swapped.buffer, 16, 2).set([2, 0]);
    expect(decoded({ ...column, bytes: swapped }, 3)).toBeNull();
    const pastEnd = column.bytes.slice();
    new Uint32Array(pastEnd.buffer, 16, 2).set([0, 7]);
    expect(decoded({ ...column, bytes: pastEnd }, 3)).toBeNull();
    expect(decoded(column, 2)).toBeNull();
  });
});

describe('choosing a time encoding', () => {
  test('whole seconds over a year keep the u32 offset form', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => JAN + ((i * 7919) % 365) * DAY);
    expect(encodeTimeColumn(values).encoding).toBe('u32');
  });

  test('sorted millisecond times over a year take the gap form at half the size of raw doubles', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => JAN + i * 31_536_017);
    const column = encodeTimeColumn(values);
    expect(column.encoding).toBe('delta-u32');
    expect(column.bytes.byteLength).toBeLessThan(1000 * 8 * 0.51);
  });
});
