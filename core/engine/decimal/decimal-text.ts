// Exact decimals: a decimal text is read into an integer of digits and a count of decimals, never into a float.
// Every amount the engine computes with starts here, so a value that cannot be read exactly is refused here.

import type { DecimalText } from '../price-book/model';

/** digits / 10^decimals, exactly. */
export interface ExactDecimal {
  digits: bigint;
  decimals: number;
}

export type DecimalParse = { ok: true; value: ExactDecimal } | { ok: false; reason: string };

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const LEADING_DOT_PATTERN = /^([+-]?)\.(\d+)$/;

/** Reads "12", "0.001", "-3.5", "1e-7" or a JSON number into an exact decimal (trailing zeros dropped). */
export function parseDecimal(input: DecimalText | null | undefined): DecimalParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'is not a finite number' };
    return parseDecimal(String(input));
  }
  if (typeof input !== 'string') return { ok: false, reason: 'is missing or is not a decimal' };
  let text = input.trim();
  const leadingDot = LEADING_DOT_PATTERN.exec(text);
  if (leadingDot) text = `${leadingDot[1]}0.${leadingDot[2]}`;
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return { ok: false, reason: `"${input}" is not a decimal number` };
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > 30) return { ok: false, reason: `"${input}" has an exponent out of range` };
  let digits = BigInt(whole + fraction);
  let decimals = fraction.length - exponent;
  if (decimals < 0) {
    digits *= 10n ** BigInt(-decimals);
    decimals = 0;
  }
  if (sign === '-') digits = -digits;
  return { ok: true, value: normalise({ digits, decimals }) };
}

/** Drops trailing zero decimals: 1.500 → 1.5. */
export function normalise(value: ExactDecimal): ExactDecimal {
  let { digits, decimals } = value;
  while (decimals > 0 && digits % 10n === 0n) {
    digits /= 10n;
    decimals -= 1;
  }
  return { digits, decimals };
}

/** The value as an integer count of 10^-scaleDecimals, or null when it has more decimals than that scale holds. */
export function toScaled(value: ExactDecimal, scaleDecimals: number): bigint | null {
  if (value.decimals > scaleDecimals) return null;
  return value.digits * 10n ** BigInt(scaleDecimals - value.decimals);
}

/** Reads a decimal text straight into a scaled integer; throws on text the validator should have refused. */
export function scaledFromText(input: DecimalText, scaleDecimals: number): bigint {
  const parsed = parseDecimal(input);
  if (!parsed.ok) throw new Error(`decimal ${String(input)} ${parsed.reason}`);
  const scaled = toScaled(parsed.value, scaleDecimals);
  if (scaled === null) throw new Error(`decimal ${String(input)} has more than ${scaleDecimals} decimals`);
  return scaled;
}

/** Canonical decimal text: no exponent, no trailing zeros, "0" for zero. */
export function formatDecimal(value: ExactDecimal): string {
  const { digits, decimals } = normalise(value);
  return formatScaled(digits, decimals, 0);
}

/**
 * Formats an integer count of 10^-scaleDecimals as decimal text with at least `minDecimals` decimals
 * (trailing zeros beyond that are dropped). Exact for any bigint or safe integer.
 */
export function formatScaled(value: bigint | number, scaleDecimals: number, minDecimals: number): string {
  const big = typeof value === 'bigint' ? value : BigInt(value);
  const negative = big < 0n;
  const magnitude = negative ? -big : big;
  const text = magnitude.toString().padStart(scaleDecimals + 1, '0');
  const whole = text.slice(0, text.length - scaleDecimals);
  let fraction = scaleDecimals > 0 ? text.slice(text.length - scaleDecimals) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  const body = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  return negative && magnitude !== 0n ? `-${body}` : body;
}

export function isNegative(value: ExactDecimal): boolean {
  return value.digits < 0n;
}

export function isZero(value: ExactDecimal): boolean {
  return value.digits === 0n;
}

/** Compares a/b exactly: -1, 0 or 1. */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.decimals, b.decimals);
  const left = a.digits * 10n ** BigInt(scale - a.decimals);
  const right = b.digits * 10n ** BigInt(scale - b.decimals);
  return left < right ? -1 : left > right ? 1 : 0;
}
