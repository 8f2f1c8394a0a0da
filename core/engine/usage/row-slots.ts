// The values of one row as a reader's row handler sees them, whatever the file format: per role, a byte range,
// the kind of value (text, number, null, ...) and where it sits for messages. One RowSlots is reused for every
// row of a file, so reading a row allocates nothing.

import type { FieldRole } from './column-mapping';
import type { ImportIssueCode, IssueCollector } from './import-error';
import { countCharacters, decodeUtf8 } from './utf8-bytes';

/** The row has no such column or field. */
export const VALUE_ABSENT = 0;
/** CSV field text or a JSON string. */
export const VALUE_TEXT = 1;
/** A JSON number, as its text. */
export const VALUE_NUMBER = 2;
export const VALUE_NULL = 3;
/** true, false, an object or an array: its JSON text. */
export const VALUE_OTHER = 4;

/** What a reader does with each row a source hands it. */
export interface RowHandler {
  row(slots: RowSlots, line: number): void;
}

export class RowSlots {
  readonly bytes: Uint8Array[];
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  /** CSV: 0-based field index. NDJSON: byte offset of the value in lineBytes. */
  readonly position: Int32Array;
  /** CSV only: header names by role (NDJSON reads keys through keyLabel). */
  csvLabels: string[] = [];
  /** NDJSON only: the line the positions refer to, and a way to read a role's key as written. */
  lineBytes: Uint8Array = new Uint8Array(0);
  lineStart = 0;
  keyLabel: ((role: number) => string) | null = null;
  /** Per-role buffers for values that had to be unescaped. */
  readonly scratch: Uint8Array[];

  constructor(
    readonly roles: readonly FieldRole[],
    readonly csv: boolean,
    readonly issues: IssueCollector,
  ) {
    const count = roles.length;
    this.bytes = new Array<Uint8Array>(count).fill(this.lineBytes);
    this.start = new Int32Array(count);
    this.end = new Int32Array(count);
    this.kind = new Uint8Array(count);
    this.position = new Int32Array(count);
    this.scratch = Array.from({ length: count }, () => new Uint8Array(64));
  }

  /** Points role `role` at `length` bytes copied from source[from..]: for values unescaped into a shared buffer. */
  setCopied(role: number, source: Uint8Array, from: number, length: number): void {
    if (this.scratch[role].length < length) this.scratch[role] = new Uint8Array(Math.max(length, this.scratch[role].length * 2));
    this.scratch[role].set(source.subarray(from, from + length));
    this.bytes[role] = this.scratch[role];
    this.start[role] = 0;
    this.end[role] = length;
  }

  text(role: number): string {
    return decodeUtf8(this.bytes[role], this.start[role], this.end[role]);
  }

  /** 1-based column for messages: the CSV field number or the value's character offset in the NDJSON line. */
  columnOf(role: number): number | null {
    if (this.kind[role] === VALUE_ABSENT) return null;
    if (this.csv) return this.position[role] + 1;
    return countCharacters(this.lineBytes, this.lineStart, this.position[role]) + 1;
  }

  labelOf(role: number): string {
    if (this.csv) return this.csvLabels[role];
    return this.keyLabel === null ? this.roles[role].key : this.keyLabel(role);
  }

  /**
   * True when an issue's sentence is still wanted; false once the collector is full, after counting the issue.
   * Callers build the sentence only when this says so, and do it outside the per-row path (no closures there,
   * since a closure in a function makes V8 allocate that function's variables on every call).
   */
  keepIssue(): boolean {
    if (this.issues.keepsMore) return true;
    this.issues.countOnly();
    return false;
  }

  /** Records an issue located at role `role` of the row on `line`; call after keepIssue(). */
  report(code: ImportIssueCode, line: number, role: number, detail: string): void {
    this.issues.add(code, line, this.columnOf(role), this.labelOf(role), detail);
  }

  /**
   * True when the role holds text or a number that is not empty. Otherwise reports why — missing_value for an
   * empty or null value, wrong_type for true/false/objects/arrays — and returns false.
   */
  requireValue(role: number, line: number): boolean {
    const kind = this.kind[role];
    if ((kind === VALUE_TEXT || kind === VALUE_NUMBER) && this.end[role] > this.start[role]) return true;
    if (kind === VALUE_OTHER) this.reportWrongType(role, line);
    else this.reportMissing(role, line);
    return false;
  }

  /** True when an optional role holds a non-empty value; reports wrong_type (and returns false) for true/objects/.... */
  hasOptionalValue(role: number, line: number): boolean {
    const kind = this.kind[role];
    if (kind === VALUE_OTHER) {
      this.reportWrongType(role, line);
      return false;
    }
    return (kind === VALUE_TEXT || kind === VALUE_NUMBER) && this.end[role] > this.start[role];
  }

  private reportMissing(role: number, line: number): void {
    if (!this.keepIssue()) return;
    const label = this.roles[role].label;
    this.report('missing_value', line, role, this.kind[role] === VALUE_NULL ? `the ${label} is null.` : `the ${label} is empty.`);
  }

  private reportWrongType(role: number, line: number): void {
    if (!this.keepIssue()) return;
    this.report('wrong_type', line, role, `expected ${this.roles[role].expects}, found ${quoteRaw(this.text(role))}.`);
  }
}

/** Longest JSON text shown in full in a wrong_type message. */
const MAX_RAW_LENGTH = 60;

/** JSON text shown as written (true, {"a":1}), cut when long. */
function quoteRaw(text: string): string {
  return text.length > MAX_RAW_LENGTH ? `${text.slice(0, MAX_RAW_LENGTH)}…` : text;
}
