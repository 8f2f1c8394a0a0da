// How a report's scaled integers are written as text: exact for files (CSV), rounded to the currency's minor unit
// for people (terminal tables). The only rounding here is the display rounding of money, written down below.

import { formatScaled, parseDecimal } from '../decimal/decimal-text';
import { MONEY_DECIMALS, QUANTITY_DECIMALS } from '../decimal/scales';

// ISO 4217 currencies whose minor unit is not 1/100. Every other code is taken to have 2 decimals.
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Decimals of the currency's minor unit (JPY 0, USD 2, KWD 3). */
export function currencyMinorUnits(currency: string): number {
  return MINOR_UNIT_EXCEPTIONS[currency.toUpperCase()] ?? 2;
}

/** Money micros as exact decimal text with at least the currency's minor-unit decimals: 49_000_000 → "49.00". */
export function formatMoneyExact(micros: number, currency: string): string {
  return formatScaled(micros, MONEY_DECIMALS, currencyMinorUnits(currency));
}

/**
 * Money micros rounded to the currency's minor unit for display: half away from zero, so 0.125 USD → "0.13" and
 * -0.125 USD → "-0.13". Files keep the exact figure; only tables round.
 */
export function formatMoneyRounded(micros: number, currency: string): string {
  const minor = currencyMinorUnits(currency);
  const divisor = 10n ** BigInt(MONEY_DECIMALS - minor);
  const value = BigInt(micros);
  const magnitude = value < 0n ? -value : value;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return formatScaled(value < 0n ? -quotient : quotient, minor, minor);
}

/** Credits at the book's precision, every decimal written: 1234 at 2 decimals → "12.34", 1200 → "12.00". */
export function formatCredits(credits: number, creditDecimals: number): string {
  return formatScaled(credits, creditDecimals, creditDecimals);
}

/** Usage units from millionths, exact with trailing zeros dropped: 1_500_000 → "1.5". */
export function formatUnits(unitsMicros: number): string {
  return formatScaled(unitsMicros, QUANTITY_DECIMALS, 0);
}

/** A decimal string from the report (effective price) with at least `minDecimals` decimals and no trailing noise. */
export function formatDecimalString(text: string, minDecimals: number): string {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(`invariant: report decimal "${text}" ${parsed.reason}`);
  const { digits, decimals } = parsed.value;
  const scale = Math.max(decimals, minDecimals);
  return formatScaled(digits * 10n ** BigInt(scale - decimals), scale, minDecimals);
}

/** Inserts thousands separators into the whole part of a decimal text: "-1234567.5" → "-1,234,567.5". */
export function groupThousands(text: string): string {
  const match = /^(-?)(\d+)(.*)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, rest] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${rest}`;
}

/** ISO date (UTC) of an epoch-ms instant: 1735689600000 → "2025-01-01". */
export function formatUtcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
