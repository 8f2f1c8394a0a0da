import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonKind, JsonMemberSink } from '../../core/engine/usage/json-line-scanner';
import { JSON_ARRAY, JSON_FALSE, JSON_NULL, JSON_NUMBER, JSON_OBJECT, JSON_STRING, JSON_TRUE, JsonLineScanner } from '../../core/engine/usage/json-line-scanner';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Member {
  key: string;
  kind: JsonKind;
  value: unknown;
}

/** Scans a line and rebuilds each member's key and value with the scanner's own unescaping. */
function scan(line: string): { ok: true; members: Member[] } | { ok: false; offset: number; reason: string } {
  const bytes = encoder.encode(line);
  const scanner = new JsonLineScanner();
  const members: Member[] = [];
  const text = (start: number, end: number, escaped: boolean): string => {
    if (!escaped) return decoder.decode(bytes.subarray(start, end));
    const length = scanner.unescape(bytes, start, end);
    return decoder.decode(scanner.scratch.subarray(0, length));
  };
  const sink: JsonMemberSink = {
    member(_bytes, keyStart, keyEnd, keyEscaped, kind, valueStart, valueEnd, valueEscaped) {
      const key = text(keyStart, keyEnd, keyEscaped);
      const raw = text(valueStart, valueEnd, valueEscaped);
      members.push({ key, kind, value: kind === JSON_STRING ? raw : JSON.parse(raw) });
    },
  };
  if (scanner.scanObject(bytes, 0, bytes.length, sink)) return { ok: true, members };
  return { ok: false, offset: scanner.errorOffset, reason: scanner.errorReason };
}

function kindOf(value: unknown): JsonKind {
  if (typeof value === 'string') return JSON_STRING;
  if (typeof value === 'number') return JSON_NUMBER;
  if (value === true) return JSON_TRUE;
  if (value === false) return JSON_FALSE;
  if (value === null) return JSON_NULL;
  return Array.isArray(value) ? JSON_ARRAY : JSON_OBJECT;
}

describe('JSON line scanner', () => {
  it('hands over each top-level member with its kind and range', () => {
    const result = scan('{"time":"2025-03-04","qty":1.5e3,"ok":true,"no":false,"n":null,"o":{"a":[1,{"b":2}]},"l":[]}');
    expect(result).toEqual({
      ok: true,
      members: [
        { key: 'time', kind: JSON_STRING, value: '2025-03-04' },
        { key: 'qty', kind: JSON_NUMBER, value: 1500 },
        { key: 'ok', kind: JSON_TRUE, value: true },
        { key: 'no', kind: JSON_FALSE, value: false },
        { key: 'n', kind: JSON_NULL, value: null },
        { key: 'o', kind: JSON_OBJECT, value: { a: [1, { b: 2 }] } },
        { key: 'l', kind: JSON_ARRAY, value: [] },
      ],
    });
  });

  it('unescapes strings, surrogate pairs included, into UTF-8', () => {
    const result = scan(String.raw`{"k\u00e9y":"a\"b\\c\/d\n\t\u20ac\ud83d\ude00 é"}`);
    expect(result).toEqual({ ok: true, members: [{ key: 'kéy', kind: JSON_STRING, value: 'a"b\\c/d\n\t€😀 é' }] });
  });

  it('turns a lone surrogate into U+FFFD', () => {
    expect(scan(String.raw`{"a":"x\ud800y"}`)).toEqual({ ok: true, members: [{ key: 'a', kind: JSON_STRING, value: 'x\ufffdy' }] });
  });

  it('refuses lines that are not one JSON object, with the offset and reason', () => {
    expect(scan('[1,2]')).toEqual({ ok: false, offset: 0, reason: 'the line is not a JSON object' });
    expect(scan('{"a":1,}')).toEqual({ ok: false, offset: 7, reason: 'expected a field name in double quotes' });
    expect(scan('{"a" 1}')).toEqual({ ok: false, offset: 5, reason: "expected ':' after a field name" });
    expect(scan('{"a":1 "b":2}')).toEqual({ ok: false, offset: 7, reason: "expected ',' or '}' after a value" });
    expect(scan('{"a":01}')).toEqual({ ok: false, offset: 6, reason: "expected ',' or '}' after a value" });
    expect(scan('{"a":1.}')).toEqual({ ok: false, offset: 7, reason: 'invalid number' });
    expect(scan('{"a":tru}')).toEqual({ ok: false, offset: 5, reason: 'expected a value' });
    expect(scan('{"a":"b}')).toEqual({ ok: false, offset: 5, reason: 'a string is not closed' });
    expect(scan('{"a":"\\x"}')).toEqual({ ok: false, offset: 6, reason: 'invalid escape in a string' });
    expect(scan('{"a":"\\u12"}')).toEqual({ ok: false, offset: 6, reason: '\\u must be followed by four hexadecimal digits' });
    expect(scan('{"a":"\t"}')).toEqual({ ok: false, offset: 6, reason: 'a control character must be escaped inside a string' });
    expect(scan('{"a":1} x')).toEqual({ ok: false, offset: 8, reason: 'unexpected text after the object' });
    expect(scan(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`)).toMatchObject({ ok: false, reason: 'the value is nested too deeply' });
  });

  it('reads whatever JSON.stringify writes for an object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 3 })), (object) => {
        const line = JSON.stringify(object);
        const result = scan(line);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        expect(result.members.map((member) => member.key)).toEqual(Object.keys(parsed));
        for (const member of result.members) {
          expect(member.value).toEqual(parsed[member.key]);
          expect(member.kind).toBe(kindOf(parsed[member.key]));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('accepts exactly the lines JSON.parse reads as an object', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', 'a', '1', '-', '.', 'e', '\\', 'u', 't', 'r', 'n', 'l', '0');
    const mutated = fc.oneof(
      fc.array(alphabet, { maxLength: 20 }).map((parts) => parts.join('')),
      fc
        .tuple(fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify({ k: value })), fc.nat(), alphabet)
        .map(([line, at, character]) => line.slice(0, at % (line.length + 1)) + character + line.slice(at % (line.length + 1))),
    );
    fc.assert(
      fc.property(mutated, (line) => {
        let isObject: boolean;
        try {
          const value: unknown = JSON.parse(line);
          isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        } catch {
          isObject = false;
        }
        expect(scan(line).ok, line).toBe(isObject);
      }),
      { numRuns: 3000 },
    );
  });
});
