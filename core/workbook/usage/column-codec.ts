// Packs a column of integer-valued doubles (event times, quantities) into the narrowest exact form and back:
// value = base + stored * step with stored in u8/u16/u32, or the raw f64 bytes when that cannot hold every value
// exactly. Decoding always gives back the very same doubles, -0 and non-integers included (they go raw).

import { assertLittleEndian } from './byte-order';

export type IntegerColumnEncoding = 'u8' | 'u16' | 'u32' | 'f64';

export interface EncodedIntegerColumn {
  encoding: IntegerColumnEncoding;
  base: number;
  step: number;
  bytes: Uint8Array;
}

/** Steps tried from the largest: seconds for times in ms, whole units for quantities in micros, and so on. */
const STEP_CANDIDATES = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

const U8_MAX = 0xff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
/** Largest span (max − min) whose differences are still exact in a double. */
const EXACT_SPAN_LIMIT = Number.MAX_SAFE_INTEGER;

export function encodeIntegerColumn(values: Float64Array): EncodedIntegerColumn {
  assertLittleEndian();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // -0 would come back as +0 from base + stored * step.
    if (!Number.isSafeInteger(value) || (value === 0 && 1 / value < 0)) return raw(values);
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (values.length === 0) return { encoding: 'u8', base: 0, step: 1, bytes: new Uint8Array(0) };
  const span = max - min;
  if (span > EXACT_SPAN_LIMIT) return raw(values);

  let stepIndex = 0;
  for (let i = 0; i < values.length && stepIndex < STEP_CANDIDATES.length - 1; i++) {
    const offset = values[i] - min;
    while (offset % STEP_CANDIDATES[stepIndex] !== 0) stepIndex++;
  }
  const step = STEP_CANDIDATES[stepIndex];
  const largest = span / step;
  if (largest > U32_MAX) return raw(values);

  const stored = largest <= U8_MAX ? new Uint8Array(values.length) : largest <= U16_MAX ? new Uint16Array(values.length) : new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) stored[i] = (values[i] - min) / step;
  const encoding: IntegerColumnEncoding = stored instanceof Uint8Array ? 'u8' : stored instanceof Uint16Array ? 'u16' : 'u32';
  return { encoding, base: min, step, bytes: new Uint8Array(stored.buffer) };
}

/**
 * Writes `count` decoded values into target[offset ..]. Returns false when the blob does not hold exactly `count`
 * values of its encoding (a damaged file), leaving the target range unspecified.
 */
export function decodeIntegerColumn(column: EncodedIntegerColumn, count: number, target: Float64Array, offset: number): boolean {
  assertLittleEndian();
  const stored = typedView(column.encoding, column.bytes, count);
  if (stored === null) return false;
  // The native set() widens any stored type to doubles; the pass after it then reads one array type only, which
  // keeps the loop monomorphic (a loop over a union of typed arrays runs several times slower).
  target.set(stored, offset);
  const { base, step } = column;
  if (column.encoding === 'f64' || (base === 0 && step === 1)) return true;
  // Exact: every stored * step is at most the span, and base + span is a safe integer, so nothing rounds.
  for (let i = offset, end = offset + count; i < end; i++) target[i] = base + target[i] * step;
  return true;
}

/** Feature indexes are small: one byte each when the dataset has at most 256 features. */
export function encodeFeatureColumn(values: Uint16Array, featureCount: number): { encoding: 'u8' | 'u16'; bytes: Uint8Array } {
  assertLittleEndian();
  if (featureCount <= U8_MAX + 1) return { encoding: 'u8', bytes: Uint8Array.from(values) };
  return { encoding: 'u16', bytes: new Uint8Array(values.slice().buffer) };
}

/** Like decodeIntegerColumn for feature indexes; also false when an index is not below `featureCount`. */
export function decodeFeatureColumn(
  encoding: string,
  bytes: Uint8Array,
  count: number,
  featureCount: number,
  target: Uint16Array,
  offset: number,
): boolean {
  if (encoding !== 'u8' && encoding !== 'u16') return false;
  const stored = typedView(encoding, bytes, count);
  if (stored === null) return false;
  let largest = 0;
  for (let i = 0; i < count; i++) if (stored[i] > largest) largest = stored[i];
  if (count > 0 && largest >= featureCount) return false;
  target.set(stored, offset);
  return true;
}

export function isIntegerColumnEncoding(text: string): text is IntegerColumnEncoding {
  return text === 'u8' || text === 'u16' || text === 'u32' || text === 'f64';
}

function raw(values: Float64Array): EncodedIntegerColumn {
  return { encoding: 'f64', base: 0, step: 1, bytes: new Uint8Array(values.slice().buffer) };
}

const BYTES_PER_VALUE: Record<IntegerColumnEncoding, number> = { u8: 1, u16: 2, u32: 4, f64: 8 };

/**
 * A typed view of a blob. sql.js hands each blob over in its own fresh buffer, so the view is normally free; a
 * blob at an offset that is not a multiple of the element size is copied first, since typed arrays need alignment.
 */
function typedView(encoding: IntegerColumnEncoding, bytes: Uint8Array, count: number): Uint8Array | Uint16Array | Uint32Array | Float64Array | null {
  const width = BYTES_PER_VALUE[encoding];
  if (bytes.byteLength !== count * width) return null;
  const aligned = bytes.byteOffset % width === 0 ? bytes : bytes.slice();
  switch (encoding) {
    case 'u8':
      return aligned;
    case 'u16':
      return new Uint16Array(aligned.buffer, aligned.byteOffset, count);
    case 'u32':
      return new Uint32Array(aligned.buffer, aligned.byteOffset, count);
    case 'f64':
      return new Float64Array(aligned.buffer, aligned.byteOffset, count);
  }
}
