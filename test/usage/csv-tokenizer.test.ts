import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_NEED_MORE, CSV_OK, CSV_TEXT_AFTER_QUOTE, CSV_UNTERMINATED_QUOTE, CsvTokenizer } from '../../core/engine/usage/csv-tokenizer';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Scanned {
  fields: string[];
  next: number;
  problem: number;
  extraLines: number;
}

function fieldsOf(tokenizer: CsvTokenizer, bytes: Uint8Array): string[] {
  const fields: string[] = [];
  for (let field = 0; field < tokenizer.fieldCount; field++) {
    if (tokenizer.fieldEscaped[field] === 1) {
      const length = tokenizer.unescapeField(bytes, field);
      fields.push(decoder.decode(tokenizer.scratch.subarray(0, length)));
    } else {
      fields.push(decoder.decode(bytes.subarray(tokenizer.fieldStart[field], tokenizer.fieldEnd[field])));
    }
  }
  return fields;
}

function scanAll(text: string): Scanned[] {
  const bytes = encoder.encode(text);
  const tokenizer = new CsvTokenizer();
  const records: Scanned[] = [];
  let position = 0;
  while (position < bytes.length) {
    const next = tokenizer.scanRecord(bytes, position, bytes.length, true);
    records.push({ fields: fieldsOf(tokenizer, bytes), next, problem: tokenizer.problem, extraLines: tokenizer.extraLines });
    position = next;
  }
  return records;
}

/** RFC 4180 writing: quote a field when it holds a comma, quote, line break or edge space. */
function writeField(value: string): string {
  return /[",\r\n]|^[ \t]|[ \t]$/.test(value) || value === '' ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('CSV tokenizer', () => {
  it('splits fields at commas and records at line feeds', () => {
    expect(scanAll('a,b,c\n1,2,3\n').map((record) => record.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('drops the carriage return of CRLF line endings and spaces around fields', () => {
    expect(scanAll('a , b,c\r\n 1,2 ,3\r\n').map((record) => record.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const [record] = scanAll('"a,b","say ""hi""","two\nlines",""\n');
    expect(record.fields).toEqual(['a,b', 'say "hi"', 'two\nlines', '']);
    expect(record.extraLines).toBe(1);
    expect(record.problem).toBe(CSV_OK);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(scanAll('5" disk,x\n')[0].fields).toEqual(['5" disk', 'x']);
  });

  it('ends the last record at the end of input when there is no final line feed', () => {
    expect(scanAll('a,b\n1,')).toMatchObject([{ fields: ['a', 'b'] }, { fields: ['1', ''], next: 6 }]);
  });

  it('reports text after a closing quote and skips to the end of the line', () => {
    const records = scanAll('"a"b,c\nd\n');
    expect(records[0]).toMatchObject({ problem: CSV_TEXT_AFTER_QUOTE, next: 7 });
    expect(records[1]).toMatchObject({ problem: CSV_OK, fields: ['d'] });
  });

  it('reports a quote still open at the end of the input', () => {
    expect(scanAll('x,"abc\ndef')[0]).toMatchObject({ problem: CSV_UNTERMINATED_QUOTE, next: 10 });
  });

  it('asks for more input when a record could continue', () => {
    const tokenizer = new CsvTokenizer();
    for (const partial of ['a,b', 'a,"b', 'a,"b"', 'a,"b""', 'a,"b"  ', '"x"bad']) {
      const bytes = encoder.encode(partial);
      expect(tokenizer.scanRecord(bytes, 0, bytes.length, false), partial).toBe(CSV_NEED_MORE);
    }
  });

  it('tells blank lines from records', () => {
    const tokenizer = new CsvTokenizer();
    const blank = (text: string): boolean => {
      const bytes = encoder.encode(text);
      tokenizer.scanRecord(bytes, 0, bytes.length, true);
      return tokenizer.isBlankRecord();
    };
    expect([blank('\n'), blank('\r\n'), blank('   \n'), blank('""\n'), blank(',\n'), blank('x\n')]).toEqual([true, true, true, false, false, false]);
  });

  it('reads back any table written by RFC 4180 rules', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '😀', '\t', 'x') });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(table, fc.boolean(), (rows, crlf) => {
        const text = rows.map((row) => row.map(writeField).join(',')).join(crlf ? '\r\n' : '\n');
        expect(scanAll(text).map((record) => record.fields)).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });
});
