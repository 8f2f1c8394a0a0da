// Turns CSV records into rows for a row handler: the first non-blank line is the header and decides which
// column feeds each role; every later non-blank line must have as many fields as the header. Syntax and
// header problems are reported here, value problems by the handler.

import type { RecordParser } from './chunk-joiner';
import type { ColumnMapping, FieldRole } from './column-mapping';
import { resolveHeader } from './column-mapping';
import { CSV_NEED_MORE, CSV_TEXT_AFTER_QUOTE, CSV_UNTERMINATED_QUOTE, CsvTokenizer } from './csv-tokenizer';
import type { IssueCollector } from './import-error';
import type { RowHandler } from './row-slots';
import { RowSlots, VALUE_ABSENT, VALUE_TEXT } from './row-slots';
import { decodeUtf8 } from './utf8-bytes';

export class CsvRowSource implements RecordParser {
  /** Data rows seen (not the header, not blank lines), including rows with problems. */
  rows = 0;
  headerLine = 0;
  private readonly tokenizer = new CsvTokenizer();
  private readonly slots: RowSlots;
  private nextLine = 1;
  private header: string[] | null = null;
  private columnOf: Int32Array = new Int32Array(0);
  /** Set when the header lacks a required column: rows are then only counted. */
  private unusable = false;

  constructor(
    private readonly roles: readonly FieldRole[],
    private readonly mapping: ColumnMapping<string> | undefined,
    private readonly issues: IssueCollector,
    private readonly handler: RowHandler,
  ) {
    this.slots = new RowSlots(roles, true, issues);
  }

  get hasHeader(): boolean {
    return this.header !== null;
  }

  parse(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const tokenizer = this.tokenizer;
    let position = start;
    while (position < end) {
      const next = tokenizer.scanRecord(bytes, position, end, final);
      if (next === CSV_NEED_MORE) break;
      const line = this.nextLine;
      this.nextLine += 1 + tokenizer.extraLines;
      this.record(bytes, line);
      position = next;
    }
    return position;
  }

  private record(bytes: Uint8Array, line: number): void {
    const tokenizer = this.tokenizer;
    if (tokenizer.problem === 0 && tokenizer.isBlankRecord()) return;
    if (this.header === null) {
      this.readHeader(bytes, line);
      return;
    }
    this.rows++;
    if (tokenizer.problem !== 0) {
      this.reportSyntax(line);
      return;
    }
    if (this.unusable) return;
    if (tokenizer.fieldCount !== this.header.length) {
      this.reportFieldCount(line, tokenizer.fieldCount, this.header.length);
      return;
    }
    const slots = this.slots;
    for (let role = 0; role < this.roles.length; role++) {
      const column = this.columnOf[role];
      if (column < 0) continue;
      if (tokenizer.fieldEscaped[column] === 1) {
        const length = tokenizer.unescapeField(bytes, column);
        slots.setCopied(role, tokenizer.scratch, 0, length);
      } else {
        slots.bytes[role] = bytes;
        slots.start[role] = tokenizer.fieldStart[column];
        slots.end[role] = tokenizer.fieldEnd[column];
      }
    }
    this.handler.row(slots, line);
  }

  private readHeader(bytes: Uint8Array, line: number): void {
    const tokenizer = this.tokenizer;
    this.headerLine = line;
    const names: string[] = [];
    for (let field = 0; field < tokenizer.fieldCount; field++) {
      if (tokenizer.fieldEscaped[field] === 1) {
        const length = tokenizer.unescapeField(bytes, field);
        names.push(decodeUtf8(tokenizer.scratch, 0, length));
      } else {
        names.push(decodeUtf8(bytes, tokenizer.fieldStart[field], tokenizer.fieldEnd[field]));
      }
    }
    this.header = names;
    if (tokenizer.problem !== 0) {
      this.reportSyntax(line);
      this.unusable = true;
      return;
    }
    const resolution = resolveHeader(names, this.roles, this.mapping);
    this.columnOf = resolution.columnOf;
    for (const { role, detail } of resolution.missing) this.report('missing_column', line, null, this.roles[role].key, detail);
    if (resolution.missing.length > 0) this.unusable = true;
    const slots = this.slots;
    slots.csvLabels = this.roles.map((role, index) => (this.columnOf[index] >= 0 ? names[this.columnOf[index]] : role.key));
    for (let role = 0; role < this.roles.length; role++) {
      slots.kind[role] = this.columnOf[role] >= 0 ? VALUE_TEXT : VALUE_ABSENT;
      slots.position[role] = this.columnOf[role];
    }
  }

  private reportSyntax(line: number): void {
    const tokenizer = this.tokenizer;
    const field = tokenizer.problemField;
    // The header itself may be the broken line: then it names no column yet.
    const header = this.headerLine === line ? null : this.header;
    const fieldName = header !== null && field < header.length ? header[field] : null;
    if (tokenizer.problem === CSV_TEXT_AFTER_QUOTE) {
      this.report('csv_quote', line, field + 1, fieldName,
        'text follows the closing quote of a quoted field; a quoted field must end at its closing quote, and a quote inside it is written twice ("").',
      );
    } else if (tokenizer.problem === CSV_UNTERMINATED_QUOTE) {
      this.report('unterminated_quote', line, field + 1, fieldName,
        'a quoted field opened here is never closed, so the rest of the file was read into it; add the closing quote.',
      );
    }
  }

  private reportFieldCount(line: number, fieldCount: number, headerCount: number): void {
    this.report('field_count', line, null, null, `the line has ${fieldCount} fields but the header has ${headerCount}.`);
  }

  /** Cold path, kept out of record() so that the per-row function builds no strings and no closures. */
  private report(
    code: 'field_count' | 'missing_column' | 'csv_quote' | 'unterminated_quote',
    line: number,
    column: number | null,
    field: string | null,
    detail: string,
  ): void {
    if (this.issues.keepsMore) this.issues.add(code, line, column, field, detail);
    else this.issues.countOnly();
  }
}
