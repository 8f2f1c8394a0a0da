// Maps byte strings (UTF-8 ids and keys) to dense indices 0, 1, 2, ... in order of insertion, looked up straight
// from a byte range so an event row never has to become a string. Open addressing over a power-of-two table.

import { encodeUtf8 } from './utf8-bytes';

const INITIAL_TABLE_SIZE = 64;
const INITIAL_ARENA_BYTES = 1024;

/** FNV-1a over the bytes: cheap, and good enough spread for ids that differ in their last characters. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash | 0;
}

export class ByteKeyIndex {
  private arena: Uint8Array = new Uint8Array(INITIAL_ARENA_BYTES);
  private arenaUsed = 0;
  private keyStart: Int32Array = new Int32Array(16);
  private keyLength: Int32Array = new Int32Array(16);
  private keyHash: Int32Array = new Int32Array(16);
  /** Slot → key index + 1; 0 marks an empty slot. */
  private table: Int32Array = new Int32Array(INITIAL_TABLE_SIZE);
  size = 0;

  /** Index of bytes[start, end), or -1 when absent. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(bytes, start, end);
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) return -1;
      const key = entry - 1;
      if (this.keyHash[key] === hash && this.keyLength[key] === length && this.sameBytes(key, bytes, start, length)) return key;
    }
  }

  /** Index of bytes[start, end), adding it with the next index when absent. */
  add(bytes: Uint8Array, start: number, end: number): number {
    const found = this.find(bytes, start, end);
    if (found >= 0) return found;
    const key = this.size;
    const length = end - start;
    if (key === this.keyStart.length) this.growKeys();
    while (this.arenaUsed + length > this.arena.length) this.arena = grow(this.arena, this.arena.length * 2);
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    this.keyStart[key] = this.arenaUsed;
    this.keyLength[key] = length;
    this.keyHash[key] = hashBytes(bytes, start, end);
    this.arenaUsed += length;
    this.size++;
    // Keep the table at most half full so probes stay short.
    if (this.size * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(key);
    return key;
  }

  addText(text: string): number {
    const bytes = encodeUtf8(text);
    return this.add(bytes, 0, bytes.length);
  }

  findText(text: string): number {
    const bytes = encodeUtf8(text);
    return this.find(bytes, 0, bytes.length);
  }

  private sameBytes(key: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const from = this.keyStart[key];
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  private place(key: number): void {
    const mask = this.table.length - 1;
    let slot = this.keyHash[key] & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = key + 1;
  }

  private rehash(tableSize: number): void {
    this.table = new Int32Array(tableSize);
    for (let key = 0; key < this.size; key++) this.place(key);
  }

  private growKeys(): void {
    const capacity = this.keyStart.length * 2;
    this.keyStart = growInt32(this.keyStart, capacity);
    this.keyLength = growInt32(this.keyLength, capacity);
    this.keyHash = growInt32(this.keyHash, capacity);
  }
}

function grow(bytes: Uint8Array, capacity: number): Uint8Array {
  const next = new Uint8Array(capacity);
  next.set(bytes);
  return next;
}

function growInt32(values: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(values);
  return next;
}
