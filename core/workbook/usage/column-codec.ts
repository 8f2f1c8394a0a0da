// Packs a column of integer-valued doubles (event times, quantities) into the smallest exact form and back:
// value = base + stored * step with stored in u8/u16/u32, or the raw f64 bytes when that cannot hold every value
// exactly. The patched forms (chunk format 2, schema version 3) store in a narrower width and keep the few values
// that do not fit whole, as patches (patch-list.ts): quantities of many features share a column, and one feature's
// large quantities should not widen every other feature's. Decoding always gives back the very same doubles, -0
// and non-integers included (they go raw, or into patches).

import { assertLittleEndian } from './byte-order';
import { alignedForPatches, newPatchedBlob, patchCountOf, PATCH_BYTES, readPatches } from './patch-list';

export type PlainIntegerEncoding = 'u8' | 'u16' | 'u32' | 'f64';
export type PatchedIntegerEncoding = 'patched-u8' | 'patched-u16' | 'patched-u32';
export type IntegerColumnEncoding = PlainIntegerEncoding | PatchedIntegerEncoding;

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

interface Packing {
  encoding: IntegerColumnEncoding;
  width: number;
  /** The largest value stored at this width. */
  largest: number;
}

const PLAIN_PACKINGS: readonly Packing[] = [
  { encoding: 'u8', width: 1, largest: U8_MAX },
  { encoding: 'u16', width: 2, largest: U16_MAX },
  { encoding: 'u32', width: 4, largest: U32_MAX },
];

const PATCHED_PACKINGS: readonly Packing[] = [
  { encoding: 'patched-u8', width: 1, largest: U8_MAX },
  { encoding: 'patched-u16', width: 2, largest: U16_MAX },
  { encoding: 'patched-u32', width: 4, largest: U32_MAX },
];

/**
 * The smallest exact packing. Candidates in order of preference, so a tie goes to the simpler one: plain offsets
 * (every value fits the width), raw doubles, then patched offsets (values the width cannot hold stored whole).
 */
export function encodeIntegerColumn(values: Float64Array): EncodedIntegerColumn {
  assertLittleEndian();
  const count = values.length;
  if (count === 0) return { encoding: 'u8', base: 0, step: 1, bytes: new Uint8Array(0) };
  let min = Infinity;
  let max = -Infinity;
  let unpackable = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    if (!isPackable(value)) unpackable++;
    else {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  // Differences within a span past 2^53 would round; such columns stay raw.
  if (unpackable === count || max - min > EXACT_SPAN_LIMIT) return raw(values);
  const step = commonStep(values, min);

  // How many values each width cannot hold: the unpackable ones, and those too large for it.
  let tooLarge8 = unpackable;
  let tooLarge16 = unpackable;
  let tooLarge32 = unpackable;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    // Checked only when some value is unpackable: the check is most of this loop's cost.
    if (unpackable > 0 && !isPackable(value)) continue;
    const stored = (value - min) / step;
    if (stored > U8_MAX) {
      tooLarge8++;
      if (stored > U16_MAX) {
        tooLarge16++;
        if (stored > U32_MAX) tooLarge32++;
      }
    }
  }
  const tooLarge = [tooLarge8, tooLarge16, tooLarge32];

  let best: Packing | null = null;
  let bestBytes = count * BYTES_PER_VALUE.f64;
  for (let index = 0; index < PLAIN_PACKINGS.length && best === null; index++) {
    if (tooLarge[index] === 0 && count * PLAIN_PACKINGS[index].width <= bestBytes) {
      best = PLAIN_PACKINGS[index];
      bestBytes = count * best.width;
    }
  }
  for (let index = 0; index < PATCHED_PACKINGS.length; index++) {
    const bytes = count * PATCHED_PACKINGS[index].width + tooLarge[index] * PATCH_BYTES;
    if (bytes < bestBytes) {
      best = PATCHED_PACKINGS[index];
      bestBytes = bytes;
    }
  }
  if (best === null) return raw(values);
  if (!isPatchedEncoding(best.encoding)) return packPlain(values, best, min, step);
  return packPatched(values, best, { base: min, step, patchCount: tooLarge[PATCHED_PACKINGS.indexOf(best)], allPackable: unpackable === 0 });
}

/** A value base + stored * step can give back exactly: -0 would come back as +0. */
function isPackable(value: number): boolean {
  return Number.isSafeInteger(value) && !(value === 0 && 1 / value < 0);
}

/** The largest step candidate dividing every packable value's offset from `min`. */
function commonStep(values: Float64Array, min: number): number {
  let stepIndex = 0;
  for (let i = 0; i < values.length && stepIndex < STEP_CANDIDATES.length - 1; i++) {
    if (!isPackable(values[i])) continue;
    const offset = values[i] - min;
    while (offset % STEP_CANDIDATES[stepIndex] !== 0) stepIndex++;
  }
  return STEP_CANDIDATES[stepIndex];
}

function packPlain(values: Float64Array, packing: Packing, base: number, step: number): EncodedIntegerColumn {
  const count = values.length;
  const stored = packing.width === 1 ? new Uint8Array(count) : packing.width === 2 ? new Uint16Array(count) : new Uint32Array(count);
  for (let i = 0; i < count; i++) stored[i] = (values[i] - base) / step;
  return { encoding: packing.encoding, base, step, bytes: new Uint8Array(stored.buffer) };
}

/** Packs the values with the `patchCount` that do not fit the width (counted by the caller) stored whole. */
function packPatched(
  values: Float64Array,
  packing: Packing,
  { base, step, patchCount, allPackable }: { base: number; step: number; patchCount: number; allPackable: boolean },
): EncodedIntegerColumn {
  const count = values.length;
  const blob = newPatchedBlob(patchCount, count, packing.width);
  const stored = packedView(packing.width, blob.bytes.buffer, blob.packedByteOffset, count);
  let next = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    const offset = allPackable || isPackable(value) ? (value - base) / step : Infinity;
    if (offset <= packing.largest) {
      stored[i] = offset;
    } else {
      blob.values[next] = value;
      blob.positions[next] = i;
      next++;
    }
  }
  if (next !== patchCount) throw new Error(`invariant: ${next} values needed patches, ${patchCount} were counted`);
  return { encoding: packing.encoding, base, step, bytes: blob.bytes };
}

/**
 * Writes `count` decoded values into target[offset ..]. Returns false when the blob does not hold exactly `count`
 * values of its encoding (a damaged file), leaving the target range unspecified.
 */
export function decodeIntegerColumn(column: EncodedIntegerColumn, count: number, target: Float64Array, offset: number): boolean {
  assertLittleEndian();
  const { encoding } = column;
  if (isPatchedEncoding(encoding)) return decodePatched({ ...column, encoding }, count, target, offset);
  const stored = typedView(encoding, column.bytes, count);
  if (stored === null) return false;
  // The native set() widens any stored type to doubles; the pass after it then reads one array type only, which
  // keeps the loop monomorphic (a loop over a union of typed arrays runs several times slower).
  target.set(stored, offset);
  if (encoding !== 'f64') applyBaseAndStep(target, offset, count, column.base, column.step);
  return true;
}

function decodePatched(
  column: EncodedIntegerColumn & { encoding: PatchedIntegerEncoding },
  count: number,
  target: Float64Array,
  offset: number,
): boolean {
  const k = patchCountOf(column.bytes.byteLength, count, PATCHED_BYTES_PER_VALUE[column.encoding]);
  if (k === null) return false;
  const bytes = alignedForPatches(column.bytes);
  const patches = readPatches(bytes, k, count);
  if (patches === null) return false;
  target.set(packedView(PATCHED_BYTES_PER_VALUE[column.encoding], bytes.buffer, bytes.byteOffset + k * PATCH_BYTES, count), offset);
  applyBaseAndStep(target, offset, count, column.base, column.step);
  const { values, positions } = patches;
  for (let index = 0; index < k; index++) target[offset + positions[index]] = values[index];
  return true;
}

/**
 * target[i] = base + target[i] * step over the range, in place after a native widening: the loop reads one array
 * type, so it stays monomorphic. Exact: every stored * step is at most the span, and base + span is a safe integer.
 */
function applyBaseAndStep(target: Float64Array, offset: number, count: number, base: number, step: number): void {
  if (base === 0 && step === 1) return;
  for (let i = offset, end = offset + count; i < end; i++) target[i] = base + target[i] * step;
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
  return text === 'u8' || text === 'u16' || text === 'u32' || text === 'f64' || isPatchedEncoding(text);
}

function isPatchedEncoding(text: string): text is PatchedIntegerEncoding {
  return text === 'patched-u8' || text === 'patched-u16' || text === 'patched-u32';
}

function raw(values: Float64Array): EncodedIntegerColumn {
  return { encoding: 'f64', base: 0, step: 1, bytes: new Uint8Array(values.slice().buffer) };
}

const BYTES_PER_VALUE: Record<PlainIntegerEncoding, number> = { u8: 1, u16: 2, u32: 4, f64: 8 };
const PATCHED_BYTES_PER_VALUE: Record<PatchedIntegerEncoding, number> = { 'patched-u8': 1, 'patched-u16': 2, 'patched-u32': 4 };

/**
 * A typed view of a blob. sql.js hands each blob over in its own fresh buffer, so the view is normally free; a
 * blob at an offset that is not a multiple of the element size is copied first, since typed arrays need alignment.
 */
function typedView(encoding: PlainIntegerEncoding, bytes: Uint8Array, count: number): Uint8Array | Uint16Array | Uint32Array | Float64Array | null {
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

/** The packed values of a patched blob, after its patches (12 bytes each, so aligned for any width). */
function packedView(width: number, buffer: ArrayBufferLike, byteOffset: number, count: number): Uint8Array | Uint16Array | Uint32Array {
  if (width === 1) return new Uint8Array(buffer, byteOffset, count);
  if (width === 2) return new Uint16Array(buffer, byteOffset, count);
  return new Uint32Array(buffer, byteOffset, count);
}
