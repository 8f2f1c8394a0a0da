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

  test('values all too far apart for u32 at any step are stored as raw doubles', () => {
    const values = [0, 2 ** 40, 2 ** 41, 2 ** 42 + 1];
    expect(encodeIntegerColumn(Float64Array.from(values)).encoding).toBe('f64');
    expect(Array.from(roundTrip(values))).toEqual(values);
  });

  test('a column of non-integers, -0, NaN and infinities comes back bit for bit through the raw form', () => {
    const values = [0.5, -0, NaN, Infinity, 2 ** 53 + 2];
    expect(encodeIntegerColumn(Float64Array.from(values)).encoding).toBe('f64');
    const back = roundTrip(values);
    values.forEach((value, i) => expect(Object.is(back[i], value)).toBe(true));
  });
});

describe('patched integer columns', () => {
  const units = (count: number): number[] => Array.from({ length: count }, (_, i) => (1 + (i % 5)) * 1_000_000);

  test('one value far from the others is kept whole, and the rest still take one byte each', () => {
    const values = [...units(20), 5_000_000_000_000_000, ...units(3)];
    const column = encodeIntegerColumn(Float64Array.from(values));
    expect(column).toMatchObject({ encoding: 'patched-u8', base: 1_000_000, step: 1_000_000 });
    expect(column.bytes.byteLength).toBe(12 + values.length);
    expect(Array.from(roundTrip(values))).toEqual(values);
  });

  test('large quantities of one feature do not widen the small ones of the others', () => {
    // Thousandths of up to 60 units, and a few of up to 2,000 units: u16 holds all but those few.
    const values = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? 2_000_000_000 - i * 1000 : 1000 * (1 + ((i * 37) % 60_000))));
    const column = encodeIntegerColumn(Float64Array.from(values));
    expect(column).toMatchObject({ encoding: 'patched-u16', step: 1000 });
    expect(column.bytes.byteLength).toBe(2 * 1000 + 12 * 10);
    expect(Array.from(roundTrip(values))).toEqual(values);
  });

  test('odd values among integers are patched and come back bit for bit', () => {
    const odd = [0.5, -0, NaN, Infinity, 2 ** 53 + 2];
    const values = [...units(30), ...odd, ...units(30)];
    expect(encodeIntegerColumn(Float64Array.from(values)).encoding).toBe('patched-u8');
    const back = roundTrip(values);
    values.forEach((value, i) => expect(Object.is(back[i], value)).toBe(true));
  });

  test('a column the plain form packs as small is left plain', () => {
    expect(encodeIntegerColumn(Float64Array.from(units(50))).encoding).toBe('u8');
  });

  test('patches out of order, past the end or a blob of the wrong length are refused', () => {
    const values = [...units(20), 5_000_000_000_000_000, ...units(5), 6_000_000_000_000_000];
    const column = encodeIntegerColumn(Float64Array.from(values));
    expect(column.encoding).toBe('patched-u8');
    const target = new Float64Array(values.length);
    expect(decodeIntegerColumn(column, values.length - 1, target, 0)).toBe(false);
    const positions = (bytes: Uint8Array): Uint32Array => new Uint32Array(bytes.buffer, 16, 2);
    const swapped = column.bytes.slice();
    positions(swapped).set([25, 20]);
    expect(decodeIntegerColumn({ ...column, bytes: swapped }, values.length, target, 0)).toBe(false);
    const past = column.bytes.slice();
    positions(past).set([20, values.length]);
    expect(decodeIntegerColumn({ ...column, bytes: past }, values.length, target, 0)).toBe(false);
    expect(decodeIntegerColumn(column, values.length, target, 0)).toBe(true);
    expect(Array.from(target)).toEqual(values);
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
          // Mostly small whole units with the odd outlier: the patched forms.
          fc.array(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => n * 1_000_000) }, { weight: 1, arbitrary: fc.double() }), { maxLength: 80 }),
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
