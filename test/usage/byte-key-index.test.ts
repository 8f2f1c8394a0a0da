import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeyIndex } from '../../core/engine/usage/byte-key-index';

const encoder = new TextEncoder();

describe('byte key index', () => {
  it('numbers keys in insertion order and finds them again from any byte range', () => {
    const index = new ByteKeyIndex();
    expect(index.addText('c-1')).toBe(0);
    expect(index.addText('c-2')).toBe(1);
    expect(index.addText('c-1')).toBe(0);
    expect(index.addText('')).toBe(2);
    const bytes = encoder.encode('xx,c-2,yy');
    expect(index.find(bytes, 3, 6)).toBe(1);
    expect(index.find(bytes, 3, 5)).toBe(-1);
    expect(index.find(bytes, 3, 3)).toBe(2);
    expect(index.findText('c-3')).toBe(-1);
    expect(index.size).toBe(3);
  });

  it('behaves like a Map from strings to first-seen positions, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'ü', '😀', '-', '1'), maxLength: 6 }), { maxLength: 400 }), (keys) => {
        const index = new ByteKeyIndex();
        const map = new Map<string, number>();
        for (const key of keys) {
          if (!map.has(key)) map.set(key, map.size);
          expect(index.addText(key)).toBe(map.get(key));
        }
        for (const [key, position] of map) expect(index.findText(key)).toBe(position);
        expect(index.size).toBe(map.size);
      }),
      { numRuns: 200 },
    );
  });

  it('holds many keys', () => {
    const index = new ByteKeyIndex();
    for (let i = 0; i < 100_000; i++) index.addText(`customer-${i}`);
    expect(index.findText('customer-99999')).toBe(99_999);
    expect(index.findText('customer-100000')).toBe(-1);
  });
});
