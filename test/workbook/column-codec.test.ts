import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeFeatureColumn,
  decodeIntegerColumn,
  encodeFeatureColumn,
  encodeIntegerColumn,
} from '../../core/workbook/usage/column-codec';

function roundTrip(values: number[]): Float64Array {
  const column = encodeIntegerColumn(Float64Array.from(values));
  const target = new Float64Array(values.length + 2).fill(7);
  expect(decodeIntegerColumn(column, values.length, target, 1)).toBe(true);
  expect(target[0]).toBe(7);
  expect(target[values.length + 1]).toBe(7);
  return target.subarray(1, values.length + 1);
}

describe('integer column codec', () => {
  test('whole seconds in epoch ms are stored as a u32 count of seconds from the smallest', () => {
    const values = [Date.UTC(2025, 0, 1), Date.UTC(2025, 11, 31, 23, 59, 59), Date.UTC(2025, 5, 1)];
    const column = encodeIntegerColumn(Float64Array.from(values));
    expect(column).toMatchObject({ encoding: 'u32', base: Date.UTC(2025, 0, 1), step: 1000 });
    expect(column.bytes.byteLength).toBe(12);
    expect(Array.from(roundTrip(values))).toEqual(values);
  });

  test('whole units in micros fit one byte each', () => {
    const column = encodeIntegerColumn(Float64Array.from([1_000_000, 5_000_000, 200_000_000]));
    expect(column).toMatchObject({ encoding: 'u8', base: 1_000_000, step: 1_000_000 });
  });

  test('values too far apart for u32 at any step are stored as raw doubles', () => {
    const values = [0, 4_294_967_296_123];
    expect(encodeIntegerColumn(Float64Array.from(values)).encoding).toBe('f64');
    expect(Array.from(roundTrip(values))).toEqual(values);
  });

  test('non-integers, -0, NaN and infinities come back bit for bit through the raw form', () => {
    for (const odd of [0.5, -0, NaN, Infinity, 2 ** 53 + 2]) {
      const values = [1, odd, 3];
      expect(encodeIntegerColumn(Float64Array.from(values)).encoding).toBe('f64');
      const back = roundTrip(values);
      expect(Object.is(back[1], odd)).toBe(true);
    }
  });

  test('an empty column round-trips', () => {
    expect(Array.from(roundTrip([]))).toEqual([]);
  });

  test('any array of doubles comes back exactly', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.double(), { maxLength: 50 }),
          fc.array(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), { maxLength: 50 }),
          fc.array(fc.integer({ min: 0, max: 5000 }).map((n) => n * 1000), { maxLength: 50 }),
          fc.array(fc.maxSafeInteger(), { maxLength: 50 }),
        ),
        (values) => {
          const back = roundTrip(values);
          values.forEach((value, i) => expect(Object.is(back[i], value)).toBe(true));
        },
      ),
    );
  });

  test('a blob of the wrong length is refused', () => {
    const column = encodeIntegerColumn(Float64Array.from([1, 2, 3]));
    expect(decodeIntegerColumn(column, 4, new Float64Array(4), 0)).toBe(false);
  });

  test('a blob at an unaligned offset is copied before it is read', () => {
    const column = encodeIntegerColumn(Float64Array.from([0.5, 1.5]));
    const shifted = new Uint8Array(column.bytes.byteLength + 1);
    shifted.set(column.bytes, 1);
    const target = new Float64Array(2);
    expect(decodeIntegerColumn({ ...column, bytes: shifted.subarray(1) }, 2, target, 0)).toBe(true);
    expect(Array.from(target)).toEqual([0.5, 1.5]);
  });
});

describe('feature column codec', () => {
  test('up to 256 features take one byte per event, more take two', () => {
    expect(encodeFeatureColumn(Uint16Array.from([0, 255]), 256).encoding).toBe('u8');
    expect(encodeFeatureColumn(Uint16Array.from([0, 256]), 257).encoding).toBe('u16');
  });

  test('indexes come back exactly in both widths', () => {
    for (const featureCount of [3, 1000]) {
      const values = Uint16Array.from([0, 2, 1, 2]);
      const column = encodeFeatureColumn(values, featureCount);
      const target = new Uint16Array(4);
      expect(decodeFeatureColumn(column.encoding, column.bytes, 4, featureCount, target, 0)).toBe(true);
      expect(Array.from(target)).toEqual([0, 2, 1, 2]);
    }
  });

  test('an index beyond the feature count or an unknown encoding is refused', () => {
    const column = encodeFeatureColumn(Uint16Array.from([0, 2]), 3);
    expect(decodeFeatureColumn(column.encoding, column.bytes, 2, 2, new Uint16Array(2), 0)).toBe(false);
    expect(decodeFeatureColumn('u32', column.bytes, 2, 3, new Uint16Array(2), 0)).toBe(false);
  });
});
