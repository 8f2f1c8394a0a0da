// Draws the app icon as PNG bytes, with nothing but node:zlib: a blue rounded square with a white credit coin, so the
// installers have an icon without an image editor or a downloaded tool. build/icon.png is this drawing at 512 px;
// regenerate it with `npx tsx electron/start/app-icon.ts build/icon.png`.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BACKGROUND = [0x1f, 0x5f, 0x8b] as const;
const FOREGROUND = [0xff, 0xff, 0xff] as const;

/** Coverage (0–1) of a pixel by a shape, from the signed distance to its edge: one pixel of soft edge. */
function coverage(signedDistance: number): number {
  return Math.min(1, Math.max(0, 0.5 - signedDistance));
}

function roundedSquareDistance(x: number, y: number, size: number, radius: number): number {
  const half = size / 2;
  const qx = Math.abs(x - half) - (half - radius);
  const qy = Math.abs(y - half) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** RGBA pixels of the icon at `size` × `size`. */
export function drawAppIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const centre = size / 2;
  const ringOuter = size * 0.34;
  const ringInner = size * 0.26;
  const core = size * 0.17;
  const notch = size * 0.07;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const x = column + 0.5;
      const y = row + 0.5;
      const square = coverage(roundedSquareDistance(x, y, size, size * 0.2));
      const distance = Math.hypot(x - centre, y - centre);
      const ring = Math.min(coverage(distance - ringOuter), coverage(ringInner - distance));
      // The core is a "C": a disc with a bite out of its right side.
      const bite = coverage(Math.hypot(x - (centre + core * 0.75), y - centre) - notch * 1.4);
      const letter = Math.min(coverage(distance - core), 1 - bite);
      const white = Math.max(ring, letter);
      const offset = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(BACKGROUND[channel] * (1 - white) + FOREGROUND[channel] * white);
      }
      pixels[offset + 3] = Math.round(255 * square);
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An 8-bit RGBA PNG of `pixels` (`size` × `size`). */
export function encodePng(pixels: Uint8Array, size: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filtering, no interlace
  const rows = new Uint8Array(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    rows[row * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(row * size * 4, (row + 1) * size * 4), row * (size * 4 + 1) + 1);
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', new Uint8Array(deflateSync(rows, { level: 9 }))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

export const APP_ICON_SIZE = 512;

export function appIconPng(size = APP_ICON_SIZE): Uint8Array {
  return encodePng(drawAppIcon(size), size);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/')) && process.argv[2] !== undefined) {
  writeFileSync(process.argv[2], appIconPng());
}
