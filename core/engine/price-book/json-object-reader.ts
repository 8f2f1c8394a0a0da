// Reads the fields of one JSON object of unknown shape and reports each missing, mistyped or unknown field as an
// issue worded for a person ("Plan "pro": fee ("fee") must be a decimal number…"); the structure check is built on it.

import { parseDecimal } from '../decimal/decimal-text';
import type { IssueList } from './validation-issue';
import type { Place } from './validation-place';
import { fieldPath, nestedPlace } from './validation-place';

export type JsonObject = Record<string, unknown>;

/**
 * A JSON number keeps about 15 significant digits exactly (integers up to 2^53); past that, the number read may not
 * be the one its author wrote, and only text in quotes would have kept it.
 */
const EXACT_NUMBER_DIGITS = 15;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How an unexpected value reads in a sentence. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`;
  return String(value);
}

function significantDigits(value: number): number {
  const mantissa = String(Math.abs(value)).split(/[eE]/)[0].replace('.', '');
  return mantissa.replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Checks one object's fields; each check returns whether the field is sound so callers can go deeper. */
export class ObjectReader {
  constructor(
    private readonly issues: IssueList,
    readonly object: JsonObject,
    readonly place: Place,
  ) {}

  /** Unknown fields are ignored (and dropped on export); `kindNote` names the tagged object a field does not fit. */
  knownFields(allowed: readonly string[], kindNote?: string): void {
    for (const field of Object.keys(this.object)) {
      if (allowed.includes(field)) continue;
      const why = kindNote
        ? `does not apply to ${kindNote} and will be ignored.`
        : 'is not a price book field and will be ignored; check its spelling.';
      this.issues.warning('unknown_field', fieldPath(this.place, field), `${this.place.subject}: "${field}" ${why}`);
    }
  }

  /** The value when present; a missing required field is an error, a missing optional one is fine. */
  private present(field: string, label: string, optional: boolean): boolean {
    if (this.object[field] !== undefined) return true;
    if (!optional) {
      this.issues.error(
        'missing_field',
        fieldPath(this.place, field),
        `${this.place.subject} is missing its ${label} ("${field}").`,
      );
    }
    return false;
  }

  private wrongType(field: string, label: string, expected: string): false {
    this.issues.error(
      'wrong_type',
      fieldPath(this.place, field),
      `${this.place.subject}: ${label} ("${field}") must be ${expected}, but it is ${describeValue(this.object[field])}.`,
    );
    return false;
  }

  text(field: string, label: string, optional = false): boolean {
    if (!this.present(field, label, optional)) return optional;
    if (typeof this.object[field] !== 'string') return this.wrongType(field, label, 'text');
    return true;
  }

  wholeNumber(field: string, label: string): boolean {
    if (!this.present(field, label, false)) return false;
    const value = this.object[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrongType(field, label, 'a whole number');
    return true;
  }

  decimal(field: string, label: string, options: { optional?: boolean; nullable?: boolean } = {}): boolean {
    const optional = options.optional ?? false;
    if (!this.present(field, label, optional)) return optional;
    const value = this.object[field];
    if (value === null && options.nullable) return true;
    const expected = options.nullable
      ? 'a decimal number, or null for the open last tier'
      : 'a decimal number such as "12.5"';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return this.wrongType(field, label, expected);
      const inexact = Number.isInteger(value) ? !Number.isSafeInteger(value) : significantDigits(value) > EXACT_NUMBER_DIGITS;
      if (inexact) {
        this.issues.warning(
          'imprecise_number',
          fieldPath(this.place, field),
          `${this.place.subject}: ${label} ("${field}") is written as the number ${String(value)}, which has more ` +
            'digits than a JSON number keeps exactly; write the intended value as text in quotes.',
        );
      }
    } else if (typeof value !== 'string') {
      return this.wrongType(field, label, expected);
    }
    if (!parseDecimal(value as string | number).ok) {
      this.issues.error(
        'invalid_decimal',
        fieldPath(this.place, field),
        `${this.place.subject}: ${label} ("${field}") is ${describeValue(value)}, which is not a decimal number; ` +
          'write numbers like "1250.50", with a point and no thousands separators.',
      );
      return false;
    }
    return true;
  }

  choice(field: string, label: string, values: readonly string[]): boolean {
    if (!this.present(field, label, false)) return false;
    const value = this.object[field];
    if (typeof value === 'string' && values.includes(value)) return true;
    this.issues.error(
      'unknown_value',
      fieldPath(this.place, field),
      `${this.place.subject}: ${label} ("${field}") is ${describeValue(value)}; it must be one of ` +
        `${values.map((option) => `"${option}"`).join(', ')}.`,
    );
    return false;
  }

  /** A nested object read with its owner's subject, or null when absent (and optional) or not an object. */
  child(field: string, label: string, optional = false): ObjectReader | null {
    if (!this.present(field, label, optional)) return null;
    const value = this.object[field];
    if (!isObject(value)) {
      this.wrongType(field, label, 'an object');
      return null;
    }
    return new ObjectReader(this.issues, value, nestedPlace(this.place, field));
  }

  list(field: string, label: string, optional = false): unknown[] | null {
    if (!this.present(field, label, optional)) return null;
    const value = this.object[field];
    if (!Array.isArray(value)) {
      this.wrongType(field, label, 'a list');
      return null;
    }
    return value;
  }
}
