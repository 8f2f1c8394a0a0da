// Reads one NDJSON line — a JSON object — straight from bytes, handing each top-level member to a sink as byte
// ranges, so a line never becomes a JS object. The whole line is checked against the JSON grammar (RFC 8259):
// a line JSON.parse refuses is refused here too, with the offset and the reason.

export const JSON_STRING = 1;
export const JSON_NUMBER = 2;
export const JSON_TRUE = 3;
export const JSON_FALSE = 4;
export const JSON_NULL = 5;
export const JSON_OBJECT = 6;
export const JSON_ARRAY = 7;

export type JsonKind = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface JsonMemberSink {
  /**
   * One top-level member. The key is bytes[keyStart, keyEnd) inside its quotes; the value is the string inside its
   * quotes, the number's text, or the whole literal, object or array. "Escaped" means backslash escapes follow.
   */
  member(
    bytes: Uint8Array,
    keyStart: number,
    keyEnd: number,
    keyEscaped: boolean,
    kind: JsonKind,
    valueStart: number,
    valueEnd: number,
    valueEscaped: boolean,
  ): void;
}

/** Nested objects and arrays deeper than this are refused rather than risking the stack. */
const MAX_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

const LITERALS: ReadonlyArray<[JsonKind, Uint8Array]> = [
  [JSON_TRUE, new Uint8Array([0x74, 0x72, 0x75, 0x65])],
  [JSON_FALSE, new Uint8Array([0x66, 0x61, 0x6c, 0x73, 0x65])],
  [JSON_NULL, new Uint8Array([0x6e, 0x75, 0x6c, 0x6c])],
];

export class JsonLineScanner {
  /** Where the last refused line went wrong (byte offset) and why. */
  errorOffset = 0;
  errorReason = '';
  /** Bytes of the last unescape call. */
  scratch = new Uint8Array(256);

  private position = 0;
  private end = 0;
  /** Set by scanString: whether the string holds backslash escapes. */
  private stringEscaped = false;

  /** Scans bytes[start, end) as one JSON object, calling the sink per member; false (with error*) when it is not. */
  scanObject(bytes: Uint8Array, start: number, end: number, sink: JsonMemberSink): boolean {
    this.end = end;
    this.position = start;
    this.skipWhitespace(bytes);
    if (this.position === end || bytes[this.position] !== OPEN_BRACE) return this.fail('the line is not a JSON object');
    this.position++;
    this.skipWhitespace(bytes);
    if (this.position < end && bytes[this.position] === CLOSE_BRACE) {
      this.position++;
      return this.expectEnd(bytes);
    }
    while (true) {
      if (this.position === end || bytes[this.position] !== QUOTE) return this.fail('expected a field name in double quotes');
      const keyStart = this.position + 1;
      if (!this.scanString(bytes)) return false;
      const keyEnd = this.position - 1;
      const keyEscaped = this.stringEscaped;
      this.skipWhitespace(bytes);
      if (this.position === end || bytes[this.position] !== COLON) return this.fail("expected ':' after a field name");
      this.position++;
      this.skipWhitespace(bytes);
      const valueStart = this.position;
      const kind = this.scanValue(bytes, 0);
      if (kind === 0) return false;
      if (kind === JSON_STRING) sink.member(bytes, keyStart, keyEnd, keyEscaped, kind, valueStart + 1, this.position - 1, this.stringEscaped);
      else sink.member(bytes, keyStart, keyEnd, keyEscaped, kind, valueStart, this.position, false);
      this.skipWhitespace(bytes);
      if (this.position === end) return this.fail("expected ',' or '}' after a value");
      const next = bytes[this.position];
      this.position++;
      if (next === CLOSE_BRACE) return this.expectEnd(bytes);
      if (next !== COMMA) {
        this.position--;
        return this.fail("expected ',' or '}' after a value");
      }
      this.skipWhitespace(bytes);
    }
  }

  /**
   * Writes the JSON string content bytes[start, end) with its escapes resolved, as UTF-8, into `scratch` and
   * returns its length. The content was checked by scanObject.
   */
  unescape(bytes: Uint8Array, start: number, end: number): number {
    // Every escape is at least as long as the UTF-8 it stands for, so the content length bounds the output.
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(Math.max(end - start, this.scratch.length * 2));
    const out = this.scratch;
    let length = 0;
    let i = start;
    while (i < end) {
      const byte = bytes[i];
      if (byte !== BACKSLASH) {
        out[length++] = byte;
        i++;
        continue;
      }
      const escape = bytes[i + 1];
      i += 2;
      switch (escape) {
        case 0x62: out[length++] = 0x08; break;
        case 0x66: out[length++] = 0x0c; break;
        case 0x6e: out[length++] = 0x0a; break;
        case 0x72: out[length++] = 0x0d; break;
        case 0x74: out[length++] = 0x09; break;
        case 0x75: {
          let codePoint = readHex4(bytes, i);
          i += 4;
          if (codePoint >= 0xd800 && codePoint <= 0xdbff && bytes[i] === BACKSLASH && bytes[i + 1] === 0x75) {
            const low = readHex4(bytes, i + 2);
            if (low >= 0xdc00 && low <= 0xdfff) {
              codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
              i += 6;
            }
          }
          // A lone surrogate cannot be written as UTF-8; it becomes U+FFFD as TextDecoder would show it.
          if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0xfffd;
          length = writeUtf8(out, length, codePoint);
          break;
        }
        default:
          out[length++] = escape; // \" \\ \/
      }
    }
    return length;
  }

  private fail(reason: string): false {
    this.errorOffset = this.position;
    this.errorReason = reason;
    return false;
  }

  private expectEnd(bytes: Uint8Array): boolean {
    this.skipWhitespace(bytes);
    if (this.position !== this.end) return this.fail('unexpected text after the object');
    return true;
  }

  private skipWhitespace(bytes: Uint8Array): void {
    while (this.position < this.end && isWhitespace(bytes[this.position])) this.position++;
  }

  /** Scans a value at the position; returns its kind, or 0 after fail(). */
  private scanValue(bytes: Uint8Array, depth: number): JsonKind | 0 {
    if (this.position === this.end) return this.failValue('expected a value');
    const byte = bytes[this.position];
    if (byte === QUOTE) return this.scanString(bytes) ? JSON_STRING : 0;
    if (byte === MINUS || isDigit(byte)) return this.scanNumber(bytes) ? JSON_NUMBER : 0;
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (depth >= MAX_DEPTH) return this.failValue('the value is nested too deeply');
      return this.scanContainer(bytes, depth + 1, byte === OPEN_BRACE);
    }
    for (const [kind, literal] of LITERALS) {
      if (literal[0] !== byte) continue;
      if (this.end - this.position < literal.length) break;
      for (let i = 1; i < literal.length; i++) if (bytes[this.position + i] !== literal[i]) return this.failValue('expected a value');
      this.position += literal.length;
      return kind;
    }
    return this.failValue('expected a value');
  }

  private failValue(reason: string): 0 {
    this.fail(reason);
    return 0;
  }

  private scanContainer(bytes: Uint8Array, depth: number, isObject: boolean): JsonKind | 0 {
    const close = isObject ? CLOSE_BRACE : CLOSE_BRACKET;
    this.position++;
    this.skipWhitespace(bytes);
    if (this.position < this.end && bytes[this.position] === close) {
      this.position++;
      return isObject ? JSON_OBJECT : JSON_ARRAY;
    }
    while (true) {
      if (isObject) {
        if (this.position === this.end || bytes[this.position] !== QUOTE) return this.failValue('expected a field name in double quotes');
        if (!this.scanString(bytes)) return 0;
        this.skipWhitespace(bytes);
        if (this.position === this.end || bytes[this.position] !== COLON) return this.failValue("expected ':' after a field name");
        this.position++;
        this.skipWhitespace(bytes);
      }
      if (this.scanValue(bytes, depth) === 0) return 0;
      this.skipWhitespace(bytes);
      if (this.position === this.end) return this.failValue(isObject ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value");
      const next = bytes[this.position];
      if (next === close) {
        this.position++;
        return isObject ? JSON_OBJECT : JSON_ARRAY;
      }
      if (next !== COMMA) return this.failValue(isObject ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value");
      this.position++;
      this.skipWhitespace(bytes);
    }
  }

  /** Scans a string at the position (on its opening quote) and leaves the position after the closing quote. */
  private scanString(bytes: Uint8Array): boolean {
    let i = this.position + 1;
    const end = this.end;
    let escaped = false;
    while (i < end) {
      const byte = bytes[i];
      if (byte === QUOTE) {
        this.position = i + 1;
        this.stringEscaped = escaped;
        return true;
      }
      if (byte < 0x20) {
        this.position = i;
        return this.fail('a control character must be escaped inside a string');
      }
      if (byte === BACKSLASH) {
        escaped = true;
        const escape = bytes[i + 1];
        if (escape === 0x75) {
          if (i + 6 > end || readHex4(bytes, i + 2) < 0) {
            this.position = i;
            return this.fail('\\u must be followed by four hexadecimal digits');
          }
          i += 6;
          continue;
        }
        if (
          i + 1 >= end ||
          !(escape === QUOTE || escape === BACKSLASH || escape === 0x2f || escape === 0x62 || escape === 0x66 ||
            escape === 0x6e || escape === 0x72 || escape === 0x74)
        ) {
          this.position = i;
          return this.fail('invalid escape in a string');
        }
        i += 2;
        continue;
      }
      i++;
    }
    return this.fail('a string is not closed');
  }

  /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
  private scanNumber(bytes: Uint8Array): boolean {
    const end = this.end;
    let i = this.position;
    if (bytes[i] === MINUS) i++;
    if (i === end || !isDigit(bytes[i])) return this.failAt(i, 'invalid number');
    if (bytes[i] === 0x30) i++;
    else while (i < end && isDigit(bytes[i])) i++;
    if (i < end && bytes[i] === 0x2e) {
      i++;
      if (i === end || !isDigit(bytes[i])) return this.failAt(i, 'invalid number');
      while (i < end && isDigit(bytes[i])) i++;
    }
    if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
      i++;
      if (i < end && (bytes[i] === 0x2b || bytes[i] === MINUS)) i++;
      if (i === end || !isDigit(bytes[i])) return this.failAt(i, 'invalid number');
      while (i < end && isDigit(bytes[i])) i++;
    }
    this.position = i;
    return true;
  }

  private failAt(position: number, reason: string): false {
    this.position = position;
    return this.fail(reason);
  }
}

/** Four hexadecimal digits at `index` as a number, or -1. */
function readHex4(bytes: Uint8Array, index: number): number {
  let value = 0;
  for (let i = index; i < index + 4; i++) {
    const digit = hexValue(bytes[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

function writeUtf8(out: Uint8Array, at: number, codePoint: number): number {
  let length = at;
  if (codePoint < 0x80) {
    out[length++] = codePoint;
  } else if (codePoint < 0x800) {
    out[length++] = 0xc0 | (codePoint >> 6);
    out[length++] = 0x80 | (codePoint & 0x3f);
  } else if (codePoint < 0x10000) {
    out[length++] = 0xe0 | (codePoint >> 12);
    out[length++] = 0x80 | ((codePoint >> 6) & 0x3f);
    out[length++] = 0x80 | (codePoint & 0x3f);
  } else {
    out[length++] = 0xf0 | (codePoint >> 18);
    out[length++] = 0x80 | ((codePoint >> 12) & 0x3f);
    out[length++] = 0x80 | ((codePoint >> 6) & 0x3f);
    out[length++] = 0x80 | (codePoint & 0x3f);
  }
  return length;
}
