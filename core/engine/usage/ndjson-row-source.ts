// Turns NDJSON lines into rows for a row handler: each non-blank line is one JSON object whose keys name the
// roles. A line that is not a JSON object, or lacks a required key, is reported here; its values are not read.

import type { RecordParser } from './chunk-joiner';
import type { ColumnMapping, FieldRole } from './column-mapping';
import { howToProvide, KeyMatcher } from './column-mapping';
import type { IssueCollector } from './import-error';
import type { JsonKind, JsonMemberSink } from './json-line-scanner';
import { JSON_NULL, JSON_NUMBER, JSON_STRING, JsonLineScanner } from './json-line-scanner';
import type { RowHandler } from './row-slots';
import { RowSlots, VALUE_ABSENT, VALUE_NULL, VALUE_NUMBER, VALUE_OTHER, VALUE_TEXT } from './row-slots';
import { countCharacters, decodeUtf8 } from './utf8-bytes';

const LINE_FEED = 0x0a;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d;
}

export class NdjsonRowSource implements RecordParser, JsonMemberSink {
  /** Data rows seen (not blank lines), including rows with problems. */
  rows = 0;
  private readonly scanner = new JsonLineScanner();
  private readonly matcher: KeyMatcher;
  private readonly slots: RowSlots;
  private nextLine = 1;
  /** Per role, for the current line: rank of the key that filled it, the key's range, and whether escapes follow. */
  private readonly rank: Int32Array;
  private readonly keyStart: Int32Array;
  private readonly keyEnd: Int32Array;
  private readonly keyEscaped: Uint8Array;
  private readonly valueEscaped: Uint8Array;
  private memberOrdinal = 0;

  constructor(
    private readonly roles: readonly FieldRole[],
    private readonly mapping: ColumnMapping<string> | undefined,
    private readonly issues: IssueCollector,
    private readonly handler: RowHandler,
  ) {
    this.matcher = new KeyMatcher(roles, mapping);
    this.slots = new RowSlots(roles, false, issues);
    this.slots.keyLabel = (role) => this.keyText(role);
    const count = roles.length;
    this.rank = new Int32Array(count);
    this.keyStart = new Int32Array(count);
    this.keyEnd = new Int32Array(count);
    this.keyEscaped = new Uint8Array(count);
    this.valueEscaped = new Uint8Array(count);
  }

  parse(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    let position = start;
    while (position < end) {
      let lineEnd = bytes.indexOf(LINE_FEED, position);
      // indexOf searches the whole buffer; a line feed at or past `end` belongs to bytes not yet given.
      if (lineEnd < 0 || lineEnd >= end) {
        if (!final) break;
        lineEnd = end;
      }
      this.line(bytes, position, lineEnd, this.nextLine++);
      position = lineEnd === end ? end : lineEnd + 1;
    }
    return position;
  }

  member(
    bytes: Uint8Array,
    keyStart: number,
    keyEnd: number,
    keyEscaped: boolean,
    kind: JsonKind,
    valueStart: number,
    valueEnd: number,
    valueEscaped: boolean,
  ): void {
    const ordinal = this.memberOrdinal++;
    const role = keyEscaped
      ? this.matcher.matchText(JSON.parse(`"${decodeUtf8(bytes, keyStart, keyEnd)}"`) as string)
      : this.matcher.match(bytes, keyStart, keyEnd, ordinal);
    if (role < 0) return;
    const slots = this.slots;
    // A better name for the role wins; among equal names the later key wins, as in JSON.parse.
    if (slots.kind[role] !== VALUE_ABSENT && this.matcher.rank > this.rank[role]) return;
    this.rank[role] = this.matcher.rank;
    slots.kind[role] = kind === JSON_STRING ? VALUE_TEXT : kind === JSON_NUMBER ? VALUE_NUMBER : kind === JSON_NULL ? VALUE_NULL : VALUE_OTHER;
    slots.bytes[role] = bytes;
    slots.start[role] = valueStart;
    slots.end[role] = valueEnd;
    slots.position[role] = kind === JSON_STRING ? valueStart - 1 : valueStart;
    this.keyStart[role] = keyStart;
    this.keyEnd[role] = keyEnd;
    this.keyEscaped[role] = keyEscaped ? 1 : 0;
    this.valueEscaped[role] = valueEscaped ? 1 : 0;
  }

  private line(bytes: Uint8Array, start: number, end: number, line: number): void {
    let first = start;
    while (first < end && isWhitespace(bytes[first])) first++;
    if (first === end) return;
    this.rows++;
    const slots = this.slots;
    slots.kind.fill(VALUE_ABSENT);
    slots.lineBytes = bytes;
    slots.lineStart = start;
    this.memberOrdinal = 0;
    if (!this.scanner.scanObject(bytes, start, end, this)) {
      this.reportInvalidJson(bytes, start, line);
      return;
    }
    let complete = true;
    for (let role = 0; role < this.roles.length; role++) {
      if (slots.kind[role] !== VALUE_ABSENT || !this.roles[role].required) continue;
      complete = false;
      this.reportMissingField(role, line);
    }
    if (!complete) return;
    for (let role = 0; role < this.roles.length; role++) {
      if (slots.kind[role] === VALUE_TEXT && this.valueEscaped[role] === 1) {
        const length = this.scanner.unescape(bytes, slots.start[role], slots.end[role]);
        slots.setCopied(role, this.scanner.scratch, 0, length);
      }
    }
    this.handler.row(slots, line);
  }

  /** The key that filled `role` on the current line, as written. */
  private keyText(role: number): string {
    const bytes = this.slots.lineBytes;
    const text = decodeUtf8(bytes, this.keyStart[role], this.keyEnd[role]);
    return this.keyEscaped[role] === 1 ? (JSON.parse(`"${text}"`) as string) : text;
  }

  private reportInvalidJson(bytes: Uint8Array, lineStart: number, line: number): void {
    if (!this.keepIssue()) return;
    const column = countCharacters(bytes, lineStart, this.scanner.errorOffset) + 1;
    this.issues.add('invalid_json', line, column, null, `invalid JSON: ${this.scanner.errorReason}.`);
  }

  private reportMissingField(role: number, line: number): void {
    if (!this.keepIssue()) return;
    const spec = this.roles[role];
    const chosen = this.mapping?.[spec.key];
    const wanted = chosen === undefined ? spec.label : JSON.stringify(chosen);
    this.issues.add('missing_field', line, null, spec.key, `the object has no ${wanted} field; ${howToProvide(spec, this.mapping, 'field')}`);
  }

  /** Cold path, kept out of line() so that the per-row function builds no strings and no closures. */
  private keepIssue(): boolean {
    if (this.issues.keepsMore) return true;
    this.issues.countOnly();
    return false;
  }
}
