// UTF-8 text inside byte buffers: readers keep values as byte ranges and turn them into strings only when a
// string is needed (an id the first time it is seen, a message), so a big file never becomes one big string.

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The text of bytes[start, end); invalid sequences become U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  // Plain ASCII is the common case for ids and keys and is cheaper to build directly.
  if (end - start <= 32) {
    let text = '';
    for (let i = start; i < end; i++) {
      const byte = bytes[i];
      if (byte >= 0x80) return decoder.decode(bytes.subarray(start, end));
      text += String.fromCharCode(byte);
    }
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Number of characters (code points) encoded in bytes[start, end): every byte that does not continue a sequence. */
export function countCharacters(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if ((bytes[i] & 0xc0) !== 0x80) count++;
  return count;
}

/** True when bytes[start, end) equals `other` byte for byte. */
export function bytesEqual(bytes: Uint8Array, start: number, end: number, other: Uint8Array): boolean {
  if (end - start !== other.length) return false;
  for (let i = 0; i < other.length; i++) if (bytes[start + i] !== other[i]) return false;
  return true;
}
