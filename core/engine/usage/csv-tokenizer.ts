// Splits CSV bytes (RFC 4180) into records of field ranges without copying: a field is a [start, end) range of
// the input, quoted fields pointing inside their quotes. Only a quoted field holding doubled quotes needs
// unquoting, which writes into the tokenizer's own scratch buffer, never into the input.
//
// Lenient where files in the wild differ and the meaning is still clear: spaces and tabs around fields are
// dropped, a line may end in \n or \r\n, a quote inside an unquoted field is an ordinary character.

const QUOTE = 0x22;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** The record is well formed. */
export const CSV_OK = 0;
/** Text follows a quoted field's closing quote; the record was skipped up to the end of its line. */
export const CSV_TEXT_AFTER_QUOTE = 1;
/** A quoted field is still open at the end of the input. */
export const CSV_UNTERMINATED_QUOTE = 2;

/** scanRecord's answer when the input ends before the record does and more input may follow. */
export const CSV_NEED_MORE = -1;

function isBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CARRIAGE_RETURN;
}

export class CsvTokenizer {
  /** Fields of the last record scanned: bytes[fieldStart[i], fieldEnd[i]). */
  fieldCount = 0;
  fieldStart = new Int32Array(16);
  fieldEnd = new Int32Array(16);
  /** 1 when the field was quoted and holds doubled quotes, so its bytes must be unquoted before use. */
  fieldEscaped = new Uint8Array(16);
  /** 1 when the field was quoted at all (an empty quoted field is a value, not a blank line). */
  fieldQuoted = new Uint8Array(16);
  /** Line breaks inside quoted fields of the last record: the record spans this many extra lines. */
  extraLines = 0;
  /** CSV_OK or the syntax problem of the last record, with the 0-based field it concerns. */
  problem = CSV_OK;
  problemField = 0;
  /** Unquoted bytes of the last unescapeField call. */
  scratch = new Uint8Array(256);

  /**
   * Scans the record starting at `start` and returns the offset after its line ending. When the input ends
   * inside the record: returns CSV_NEED_MORE, or, when `final`, treats the end of input as the end of the record.
   */
  scanRecord(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    this.fieldCount = 0;
    this.extraLines = 0;
    this.problem = CSV_OK;
    let i = start;
    while (true) {
      const field = this.fieldCount;
      if (field === this.fieldStart.length) this.growFields();
      this.fieldCount = field + 1;
      while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
      if (i < end && bytes[i] === QUOTE) {
        i++;
        const valueStart = i;
        let escaped = 0;
        while (true) {
          while (i < end && bytes[i] !== QUOTE) {
            if (bytes[i] === LINE_FEED) this.extraLines++;
            i++;
          }
          if (i === end) {
            if (!final) return CSV_NEED_MORE;
            this.problem = CSV_UNTERMINATED_QUOTE;
            this.problemField = field;
            this.fieldStart[field] = valueStart;
            this.fieldEnd[field] = end;
            this.fieldEscaped[field] = escaped;
            this.fieldQuoted[field] = 1;
            return end;
          }
          // A quote: doubled means a literal quote, otherwise the field's closing quote.
          if (i + 1 === end && !final) return CSV_NEED_MORE;
          if (i + 1 < end && bytes[i + 1] === QUOTE) {
            escaped = 1;
            i += 2;
            continue;
          }
          break;
        }
        this.fieldStart[field] = valueStart;
        this.fieldEnd[field] = i;
        this.fieldEscaped[field] = escaped;
        this.fieldQuoted[field] = 1;
        i++;
        while (i < end && isBlank(bytes[i])) i++;
        if (i === end) {
          if (!final) return CSV_NEED_MORE;
          return end;
        }
        const next = bytes[i];
        if (next === COMMA) {
          i++;
          continue;
        }
        if (next === LINE_FEED) return i + 1;
        this.problem = CSV_TEXT_AFTER_QUOTE;
        this.problemField = field;
        return this.skipLine(bytes, i, end, final);
      }

      const valueStart = i;
      while (i < end) {
        const byte = bytes[i];
        if (byte === COMMA || byte === LINE_FEED) break;
        i++;
      }
      if (i === end && !final) return CSV_NEED_MORE;
      let valueEnd = i;
      while (valueEnd > valueStart && isBlank(bytes[valueEnd - 1])) valueEnd--;
      this.fieldStart[field] = valueStart;
      this.fieldEnd[field] = valueEnd;
      this.fieldEscaped[field] = 0;
      this.fieldQuoted[field] = 0;
      if (i === end) return end;
      if (bytes[i] === LINE_FEED) return i + 1;
      i++; // comma
    }
  }

  /** True when the last record is an empty line (or only spaces): such lines are skipped. */
  isBlankRecord(): boolean {
    return this.fieldCount === 1 && this.fieldQuoted[0] === 0 && this.fieldStart[0] === this.fieldEnd[0];
  }

  /** Writes field `field` of the last record, with doubled quotes made single, into `scratch`; returns its length. */
  unescapeField(bytes: Uint8Array, field: number): number {
    const start = this.fieldStart[field];
    const end = this.fieldEnd[field];
    if (this.scratch.length < end - start) this.scratch = new Uint8Array(Math.max(end - start, this.scratch.length * 2));
    let length = 0;
    for (let i = start; i < end; i++) {
      this.scratch[length++] = bytes[i];
      if (bytes[i] === QUOTE) i++;
    }
    return length;
  }

  private skipLine(bytes: Uint8Array, from: number, end: number, final: boolean): number {
    for (let i = from; i < end; i++) if (bytes[i] === LINE_FEED) return i + 1;
    return final ? end : CSV_NEED_MORE;
  }

  private growFields(): void {
    const capacity = this.fieldStart.length * 2;
    const start = new Int32Array(capacity);
    start.set(this.fieldStart);
    this.fieldStart = start;
    const end = new Int32Array(capacity);
    end.set(this.fieldEnd);
    this.fieldEnd = end;
    const escaped = new Uint8Array(capacity);
    escaped.set(this.fieldEscaped);
    this.fieldEscaped = escaped;
    const quoted = new Uint8Array(capacity);
    quoted.set(this.fieldQuoted);
    this.fieldQuoted = quoted;
  }
}
