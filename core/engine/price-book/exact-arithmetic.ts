// Exact sums, products and ratios of decimals for validation and diff: no value passes through a float, and the
// one division rounds half away from zero at a stated number of decimals.

import type { ExactDecimal } from '../decimal/decimal-text';
import { normalise, parseDecimal } from '../decimal/decimal-text';
import type { DecimalText } from './model';

/** Reads a decimal the structure check has already accepted; text that cannot be read is a broken invariant. */
export function exactOf(text: DecimalText): ExactDecimal {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`invariant: decimal ${String(text)} ${parsed.reason}`);
  return parsed.value;
}

export const ZERO: ExactDecimal = { digits: 0n, decimals: 0 };

function aligned(a: ExactDecimal, b: ExactDecimal): { left: bigint; right: bigint; decimals: number } {
  const decimals = Math.max(a.decimals, b.decimals);
  return {
    left: a.digits * 10n ** BigInt(decimals - a.decimals),
    right: b.digits * 10n ** BigInt(decimals - b.decimals),
    decimals,
  };
}

export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const { left, right, decimals } = aligned(a, b);
  return normalise({ digits: left + right, decimals });
}

export function subtractDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const { left, right, decimals } = aligned(a, b);
  return normalise({ digits: left - right, decimals });
}

export function multiplyDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return normalise({ digits: a.digits * b.digits, decimals: a.decimals + b.decimals });
}

export function absoluteDecimal(a: ExactDecimal): ExactDecimal {
  return a.digits < 0n ? { digits: -a.digits, decimals: a.decimals } : a;
}

/**
 * numerator ÷ denominator as an integer count of 10^-decimals, rounded half away from zero
 * (0.125 → 0.13 and -0.125 → -0.13 at 2 decimals), so a ratio and its negation differ only in sign.
 */
export function divideHalfAwayFromZero(numerator: ExactDecimal, denominator: ExactDecimal, decimals: number): bigint {
  if (denominator.digits === 0n) throw new Error('invariant: division by zero');
  // n/10^a ÷ d/10^b × 10^k = n × 10^(b + k) ÷ (d × 10^a)
  let top = numerator.digits * 10n ** BigInt(denominator.decimals + decimals);
  let bottom = denominator.digits * 10n ** BigInt(numerator.decimals);
  const negative = top < 0n !== bottom < 0n && top !== 0n;
  if (top < 0n) top = -top;
  if (bottom < 0n) bottom = -bottom;
  const magnitude = (2n * top + bottom) / (2n * bottom);
  return negative ? -magnitude : magnitude;
}

/** A price per credit, or any quotient kept as two decimals so that comparing never rounds. */
export interface ExactRatio {
  numerator: ExactDecimal;
  /** Always greater than zero. */
  denominator: ExactDecimal;
}

/** Compares a/b with c/d exactly (denominators positive): -1, 0 or 1. */
export function compareRatios(a: ExactRatio, b: ExactRatio): number {
  const left = multiplyDecimals(a.numerator, b.denominator);
  const right = multiplyDecimals(b.numerator, a.denominator);
  const { left: l, right: r } = aligned(left, right);
  return l < r ? -1 : l > r ? 1 : 0;
}
