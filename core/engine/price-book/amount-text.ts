// How amounts read in validation messages and diff summaries: credits and quantities in canonical decimal text,
// money with at least two decimals and the currency code, and prices per credit rounded half away from zero to
// MONEY_DECIMALS (6), enough to tell any two real prices apart.

import type { ExactDecimal } from '../decimal/decimal-text';
import { formatDecimal, formatScaled, parseDecimal } from '../decimal/decimal-text';
import { MONEY_DECIMALS } from '../decimal/scales';
import type { ExactRatio } from './exact-arithmetic';
import { divideHalfAwayFromZero } from './exact-arithmetic';
import type { DecimalText } from './model';

/** "1.5", "0.001", "1000": the canonical decimal text. */
export function plainText(value: ExactDecimal): string {
  return formatDecimal(value);
}

/** "49.00 USD", "0.0098 USD". */
export function moneyText(value: ExactDecimal, currency: string): string {
  const decimals = Math.max(value.decimals, 2);
  return `${formatScaled(value.digits * 10n ** BigInt(decimals - value.decimals), decimals, 2)} ${currency}`;
}

/** A money ratio such as a price per credit: half away from zero at 6 decimals, then shown like money. */
export function moneyRatioText(ratio: ExactRatio, currency: string): string {
  const scaled = divideHalfAwayFromZero(ratio.numerator, ratio.denominator, MONEY_DECIMALS);
  return `${formatScaled(scaled, MONEY_DECIMALS, 2)} ${currency}`;
}

/** "1 credit", "2.5 credits". */
export function creditsText(value: ExactDecimal): string {
  const text = formatDecimal(value);
  return text === '1' ? '1 credit' : `${text} credits`;
}

/** Canonical text of a decimal as written in a book; text that is not a decimal is shown as written. */
export function decimalDisplay(value: DecimalText): string {
  const parsed = parseDecimal(value);
  return parsed.ok ? formatDecimal(parsed.value) : String(value);
}

/** A book's money amount as written: "49.00 USD"; text that is not a decimal is shown as written. */
export function moneyDisplay(value: DecimalText, currency: string): string {
  const parsed = parseDecimal(value);
  return parsed.ok ? moneyText(parsed.value, currency) : `${String(value)} ${currency}`;
}

/** "1 day", "30 days". */
export function countText(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
