// The values a packed column stores whole, at the positions where its packing cannot hold them exactly ("patches":
// a customer's first time in a column of gaps, an outlier in a column of narrow offsets). A packed blob opens with
// them, each part aligned for its type: k values (f64), then k positions (u32, strictly increasing, each below the
// column's value count); one packed value per position follows (0 at patched positions). k follows from the blob
// length, the value count and the packed width, so the layout needs no header.

/** Bytes one patch takes: its value (f64) and its position (u32). */
export const PATCH_BYTES = 12;

export interface Patches {
  values: Float64Array;
  positions: Uint32Array;
}

/** The number of patches a blob holds, or null when its length fits no whole number of them (a damaged blob). */
export function patchCountOf(byteLength: number, count: number, width: number): number | null {
  const patchBytes = byteLength - count * width;
  if (patchBytes < 0 || patchBytes % PATCH_BYTES !== 0) return null;
  const k = patchBytes / PATCH_BYTES;
  return k > count ? null : k;
}

/**
 * Views of the k patches at the start of `bytes`, which must sit at an 8-byte aligned offset of its buffer; null
 * when the positions are not strictly increasing or not below `count`.
 */
export function readPatches(bytes: Uint8Array, k: number, count: number): Patches | null {
  const values = new Float64Array(bytes.buffer, bytes.byteOffset, k);
  const positions = new Uint32Array(bytes.buffer, bytes.byteOffset + k * 8, k);
  for (let index = 0; index < k; index++) {
    if (positions[index] >= count || (index > 0 && positions[index] <= positions[index - 1])) return null;
  }
  return { values, positions };
}

/** A zeroed blob for k patches and `count` packed values of `width` bytes, with views of its patch parts to fill. */
export function newPatchedBlob(k: number, count: number, width: number): Patches & { bytes: Uint8Array; packedByteOffset: number } {
  const buffer = new ArrayBuffer(k * PATCH_BYTES + count * width);
  return {
    bytes: new Uint8Array(buffer),
    values: new Float64Array(buffer, 0, k),
    positions: new Uint32Array(buffer, k * 8, k),
    packedByteOffset: k * PATCH_BYTES,
  };
}

/** An 8-byte aligned view of the blob: sql.js hands blobs over at offset 0, so this copies only in odd cases. */
export function alignedForPatches(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
}
