// Packs event times as gaps from the event before: within one customer's sorted events the gaps are small even
// when the times are in milliseconds and span years, where an offset from the block's smallest time would not fit
// 32 bits. Where a gap is negative (the next customer starts) or too wide, the block stores that time whole, as
// an exception. value[i] = value[i − 1] + stored[i] × step, except at exception positions. Exact for safe integers.
//
// Blob layout: the exceptions as patches (see patch-list.ts: k times, k positions), then one stored gap per value
// (u8/u16/u32; 0 at exceptions). k follows from the blob length and the value count.

import { assertLittleEndian } from './byte-order';
import { alignedForPatches, newPatchedBlob, patchCountOf, PATCH_BYTES, readPatches } from './patch-list';

export type DeltaEncoding = 'delta-u8' | 'delta-u16' | 'delta-u32';

export interface EncodedDeltaColumn {
  encoding: DeltaEncoding;
  step: number;
  bytes: Uint8Array;
}

const STEP_CANDIDATES = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];
const U8_MAX = 0xff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const WIDTH: Record<DeltaEncoding, number> = { 'delta-u8': 1, 'delta-u16': 2, 'delta-u32': 4 };

export function isDeltaEncoding(text: string): text is DeltaEncoding {
  return text === 'delta-u8' || text === 'delta-u16' || text === 'delta-u32';
}

/** The gap encoding of the values, or null when a value is not a safe integer (or is -0): those go raw. */
export function encodeDeltaColumn(values: Float64Array): EncodedDeltaColumn | null {
  assertLittleEndian();
  const count = values.length;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (!Number.isSafeInteger(value) || (value === 0 && 1 / value < 0)) return null;
  }
  // Gaps between safe integers can exceed 2^53 and round; such a gap is never stored, only its exact end value.
  let stepIndex = 0;
  for (let i = 1; i < count && stepIndex < STEP_CANDIDATES.length - 1; i++) {
    const gap = values[i] - values[i - 1];
    if (gap < 0 || gap > Number.MAX_SAFE_INTEGER) continue;
    while (gap % STEP_CANDIDATES[stepIndex] !== 0) stepIndex++;
  }
  const step = STEP_CANDIDATES[stepIndex];
  const exceptions: number[] = [];
  let largest = 0;
  for (let i = 0; i < count; i++) {
    const stored = i === 0 ? -1 : (values[i] - values[i - 1]) / step;
    if (stored < 0 || stored > U32_MAX || !Number.isInteger(stored)) exceptions.push(i);
    else if (stored > largest) largest = stored;
  }
  const encoding: DeltaEncoding = largest <= U8_MAX ? 'delta-u8' : largest <= U16_MAX ? 'delta-u16' : 'delta-u32';
  const blob = newPatchedBlob(exceptions.length, count, WIDTH[encoding]);
  const gaps = gapView(encoding, blob.bytes.buffer, blob.packedByteOffset, count);
  let next = 0;
  for (let i = 0; i < count; i++) {
    if (next < exceptions.length && exceptions[next] === i) {
      blob.values[next] = values[i];
      blob.positions[next] = i;
      next++;
    } else {
      gaps[i] = (values[i] - values[i - 1]) / step;
    }
  }
  return { encoding, step, bytes: blob.bytes };
}

/** Writes `count` decoded values into target[offset ..]; false when the blob is malformed (a damaged file). */
export function decodeDeltaColumn(column: EncodedDeltaColumn, count: number, target: Float64Array, offset: number): boolean {
  assertLittleEndian();
  const k = patchCountOf(column.bytes.byteLength, count, WIDTH[column.encoding]);
  // The first value is always an exception (it has no value before it).
  if (k === null || (count > 0 && k === 0)) return false;
  const bytes = alignedForPatches(column.bytes);
  const patches = readPatches(bytes, k, count);
  if (patches === null || (k > 0 && patches.positions[0] !== 0)) return false;
  const { values: times, positions } = patches;
  // Widen the gaps natively first, then sum them in place: the loop reads one array type, so it stays monomorphic.
  target.set(gapView(column.encoding, bytes.buffer, bytes.byteOffset + k * PATCH_BYTES, count), offset);
  const { step } = column;
  let value = 0;
  let exception = 0;
  let nextException = k > 0 ? offset + positions[0] : offset + count;
  for (let i = offset, end = offset + count; i < end; i++) {
    if (i === nextException) {
      value = times[exception];
      exception++;
      nextException = exception < k ? offset + positions[exception] : end;
    } else {
      value += target[i] * step;
    }
    target[i] = value;
  }
  return true;
}

function gapView(encoding: DeltaEncoding, buffer: ArrayBufferLike, byteOffset: number, count: number): Uint8Array | Uint16Array | Uint32Array {
  switch (encoding) {
    case 'delta-u8':
      return new Uint8Array(buffer, byteOffset, count);
    case 'delta-u16':
      return new Uint16Array(buffer, byteOffset, count);
    case 'delta-u32':
      return new Uint32Array(buffer, byteOffset, count);
  }
}
