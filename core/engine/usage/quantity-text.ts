// Usage quantities read from decimal text straight into integer millionths of a unit (quantityMicros), exactly:
// "1.5" → 1_500_000. A quantity that cannot be held exactly — more than QUANTITY_DECIMALS significant
// decimals, or more micros than a double holds exactly — is refused, never rounded.
//
// Accepted: digits with an optional decimal point and an optional exponent ("3", "1.5", ".25", "2.", "1e-06",
// "1.5E3"), an optional "+" sign, surrounding spaces. Trailing zeros past the sixth decimal are fine ("1.5000000").

import { formatScaled } from '../decimal/decimal-text';
import { QUANTITY_DECIMALS } from '../decimal/scales';
import { quoteValue } from './import-error';
import { decodeUtf8, encodeUtf8 } from './utf8-bytes';

/** parseQuantityBytes results below zero are refusals. */
export const QUANTITY_EMPTY = -1;
export const QUANTITY_NOT_A_NUMBER = -2;
export const QUANTITY_NEGATIVE = -3;
export const QUANTITY_TOO_MANY_DECIMALS = -4;
export const QUANTITY_TOO_LARGE = -5;

/** The largest quantity in micros: beyond it doubles stop counting every integer. */
export const MAX_QUANTITY_MICROS = Number.MAX_SAFE_INTEGER;

/** Significant digits a double accumulates exactly; longer mantissas take the BigInt path. */
const EXACT_DIGITS = 15;
/** Exponents are clamped here: any nonzero mantissa is already far out of range. */
const EXPONENT_CLAMP = 10_000;

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09;
}

/**
 * Quantity in bytes[start, end) as integer micros (≥ 0), or one of the negative QUANTITY_* refusal codes.
 * Runs once per event row, so it reads digits into a double while that stays exact.
 */
export function parseQuantityBytes(bytes: Uint8Array, from: number, to: number): number {
  let start = from;
  let end = to;
  while (start < end && isSpace(bytes[start])) start++;
  while (end > start && isSpace(bytes[end - 1])) end--;
  if (start === end) return QUANTITY_EMPTY;

  let i = start;
  let negative = false;
  if (bytes[i] === 0x2d) {
    negative = true;
    i++;
  } else if (bytes[i] === 0x2b) {
    i++;
  }
  let mantissa = 0;
  let significantDigits = 0;
  let digitCount = 0;
  let fractionDigits = 0;
  let seenPoint = false;
  for (; i < end; i++) {
    const byte = bytes[i];
    const digit = byte - 0x30;
    if (digit >= 0 && digit <= 9) {
      digitCount++;
      if (seenPoint) fractionDigits++;
      if (significantDigits > 0 || digit > 0) {
        significantDigits++;
        if (significantDigits <= EXACT_DIGITS) mantissa = mantissa * 10 + digit;
      }
    } else if (byte === 0x2e && !seenPoint) {
      seenPoint = true;
    } else {
      break;
    }
  }
  if (digitCount === 0) return QUANTITY_NOT_A_NUMBER;

  let exponent = 0;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    let exponentNegative = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
      exponentNegative = bytes[i] === 0x2d;
      i++;
    }
    const exponentStart = i;
    for (; i < end; i++) {
      const digit = bytes[i] - 0x30;
      if (digit < 0 || digit > 9) break;
      exponent = Math.min(exponent * 10 + digit, EXPONENT_CLAMP);
    }
    if (i === exponentStart) return QUANTITY_NOT_A_NUMBER;
    if (exponentNegative) exponent = -exponent;
  }
  if (i !== end) return QUANTITY_NOT_A_NUMBER;

  if (significantDigits === 0) return 0;
  if (negative) return QUANTITY_NEGATIVE;
  if (significantDigits > EXACT_DIGITS) return scaleLongMantissa(bytes, start, end, exponent - fractionDigits);

  // value = mantissa × 10^power10, with the mantissa's trailing zeros moved into the power.
  let power10 = exponent - fractionDigits;
  while (mantissa % 10 === 0) {
    mantissa /= 10;
    power10++;
  }
  return scaleMantissa(mantissa, power10 + QUANTITY_DECIMALS);
}

/** mantissa × 10^scalePower as micros, for a mantissa without trailing zeros. */
function scaleMantissa(mantissa: number, scalePower: number): number {
  if (scalePower < 0) return QUANTITY_TOO_MANY_DECIMALS;
  if (scalePower >= POWERS_OF_TEN.length) return QUANTITY_TOO_LARGE;
  // Both factors are exact; a true product ≤ 2^53 is then computed exactly, and a larger one rounds to ≥ 2^53.
  const micros = mantissa * POWERS_OF_TEN[scalePower];
  return micros > MAX_QUANTITY_MICROS ? QUANTITY_TOO_LARGE : micros;
}

/** The rare mantissa of more than 15 significant digits, scaled exactly with BigInt. */
function scaleLongMantissa(bytes: Uint8Array, start: number, end: number, power10: number): number {
  let digits = '';
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x65 || byte === 0x45) break;
    if (byte >= 0x30 && byte <= 0x39) digits += String.fromCharCode(byte);
  }
  let mantissa = BigInt(digits);
  let power = power10;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    power++;
  }
  const scalePower = power + QUANTITY_DECIMALS;
  if (scalePower < 0) return QUANTITY_TOO_MANY_DECIMALS;
  if (scalePower > 40) return QUANTITY_TOO_LARGE;
  const micros = mantissa * 10n ** BigInt(scalePower);
  return micros > BigInt(MAX_QUANTITY_MICROS) ? QUANTITY_TOO_LARGE : Number(micros);
}

/** The sentence for a refusal code, naming the value found and what a quantity must be. */
export function explainQuantity(code: number, text: string): string {
  const found = quoteValue(text);
  switch (code) {
    case QUANTITY_EMPTY:
      return 'the quantity is empty.';
    case QUANTITY_NOT_A_NUMBER:
      return `${found} is not a number; quantities are decimals such as 3 or 1.5.`;
    case QUANTITY_NEGATIVE:
      return `${found} is negative; quantities must be zero or more.`;
    case QUANTITY_TOO_MANY_DECIMALS:
      return `${found} has more than ${QUANTITY_DECIMALS} decimals; quantities are kept in millionths of a unit.`;
    case QUANTITY_TOO_LARGE:
      return `${found} is too large; quantities must be at most ${formatQuantityMicros(MAX_QUANTITY_MICROS)}.`;
    default:
      throw new Error(`invariant: ${code} is not a quantity refusal code`);
  }
}

/** explainQuantity for bytes. */
export function explainQuantityBytes(code: number, bytes: Uint8Array, start: number, end: number): string {
  return explainQuantity(code, decodeUtf8(bytes, start, end));
}

export type QuantityParse = { ok: true; micros: number } | { ok: false; code: number; reason: string };

/** parseQuantityBytes for a string, with the refusal sentence. */
export function parseQuantityText(text: string): QuantityParse {
  const bytes = encodeUtf8(text);
  const micros = parseQuantityBytes(bytes, 0, bytes.length);
  if (micros < 0) return { ok: false, code: micros, reason: explainQuantity(micros, text) };
  return { ok: true, micros };
}

/** Canonical text of a quantity: "1.5" for 1_500_000 micros, "0" for zero; parses back to the same micros. */
export function formatQuantityMicros(micros: number): string {
  return formatScaled(micros, QUANTITY_DECIMALS, 0);
}
