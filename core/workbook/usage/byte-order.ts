// Typed-array blobs are stored little-endian, which is what typed arrays use on every platform we ship to; a
// big-endian machine would read them wrongly, so it is refused outright rather than silently misread.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function assertLittleEndian(): void {
  if (!LITTLE_ENDIAN) throw new Error('invariant: workbook usage blobs need a little-endian platform');
}
