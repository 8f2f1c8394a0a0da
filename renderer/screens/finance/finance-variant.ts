// "What if" variants of a price book for finance: the same book with another breakage method (at expiry, or in
// proportion to use from an expected rate) and other expiry rules for packs, included and sign-up credits. Only
// those rules change; the variant is validated by core like any book, and its errors are core's sentences.

import { parseDecimal } from '../../../core/engine/decimal/decimal-text';
import type { BreakageMethod, IncludedExpiry, PackExpiry, PriceBook } from '../../../core/engine/price-book/model';
import { validatePriceBook } from '../../../core/engine/price-book/validate';

export type ExpiryChoice = 'as-book' | 'never' | 'days';
export type IncludedExpiryChoice = ExpiryChoice | 'end-of-period';

export interface FinanceRules {
  breakage: 'as-book' | 'at-expiry' | 'proportional';
  /** Expected breakage as a percent of credits sold ("10" = 10 %), used by the proportional method. */
  expectedRatePercent: string;
  packExpiry: ExpiryChoice;
  packExpiryDays: number;
  includedExpiry: IncludedExpiryChoice;
  includedExpiryDays: number;
  signUpExpiry: ExpiryChoice;
  signUpExpiryDays: number;
}

export const BOOK_RULES: FinanceRules = {
  breakage: 'as-book',
  expectedRatePercent: '10',
  packExpiry: 'as-book',
  packExpiryDays: 365,
  includedExpiry: 'as-book',
  includedExpiryDays: 30,
  signUpExpiry: 'as-book',
  signUpExpiryDays: 30,
};

export function changesNothing(rules: FinanceRules): boolean {
  return rules.breakage === 'as-book' && rules.packExpiry === 'as-book' && rules.includedExpiry === 'as-book' && rules.signUpExpiry === 'as-book';
}

/** A percent as the book's rate in [0, 1), exactly: "12.5" → "0.125"; null when the text is not a decimal. */
export function rateFromPercent(percentText: string): string | null {
  const parsed = parseDecimal(percentText.trim());
  if (!parsed.ok) return null;
  const { digits, decimals } = parsed.value;
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(decimals + 3, '0');
  const scale = decimals + 2;
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

function breakageOf(book: PriceBook, rules: FinanceRules): BreakageMethod | string {
  if (rules.breakage === 'as-book') return book.breakage;
  if (rules.breakage === 'at-expiry') return { method: 'at-expiry' };
  const rate = rateFromPercent(rules.expectedRatePercent);
  if (rate === null) return `The expected breakage rate must be a percent such as 10 or 12.5; "${rules.expectedRatePercent}" is not one.`;
  return { method: 'proportional', expectedRate: rate };
}

function packExpiryOf(expiry: PackExpiry, choice: ExpiryChoice, days: number): PackExpiry {
  if (choice === 'as-book') return expiry;
  return choice === 'never' ? { kind: 'never' } : { kind: 'days', days };
}

function includedExpiryOf(expiry: IncludedExpiry, choice: IncludedExpiryChoice, days: number): IncludedExpiry {
  if (choice === 'as-book') return expiry;
  if (choice === 'end-of-period') return { kind: 'end-of-period' };
  return choice === 'never' ? { kind: 'never' } : { kind: 'days', days };
}

/** What the variant changes, in words: "breakage in proportion to use at 10 %, packs never expire". */
export function describeRules(rules: FinanceRules): string {
  const parts: string[] = [];
  if (rules.breakage === 'at-expiry') parts.push('breakage at expiry');
  if (rules.breakage === 'proportional') parts.push(`breakage in proportion to use at ${rules.expectedRatePercent.trim()} %`);
  const expiry = (what: string, choice: IncludedExpiryChoice, days: number): void => {
    if (choice === 'never') parts.push(`${what} never expire`);
    if (choice === 'days') parts.push(`${what} expire after ${days} days`);
    if (choice === 'end-of-period') parts.push(`${what} expire at the end of each period`);
  };
  expiry('pack credits', rules.packExpiry, rules.packExpiryDays);
  expiry('included credits', rules.includedExpiry, rules.includedExpiryDays);
  expiry('sign-up credits', rules.signUpExpiry, rules.signUpExpiryDays);
  return parts.length === 0 ? 'the book’s own rules' : parts.join(', ');
}

export type FinanceVariant = { ok: true; book: PriceBook } | { ok: false; problems: string[] };

/** The book under the rules, named for what changed, or core's reasons it is not a valid book. */
export function financeVariant(book: PriceBook, rules: FinanceRules): FinanceVariant {
  const breakage = breakageOf(book, rules);
  if (typeof breakage === 'string') return { ok: false, problems: [breakage] };
  const variant: PriceBook = {
    ...book,
    name: `${book.name} — what if`,
    version: `what if: ${describeRules(rules)}`,
    breakage,
    plans: book.plans.map((plan) => ({ ...plan, includedExpiry: includedExpiryOf(plan.includedExpiry, rules.includedExpiry, rules.includedExpiryDays) })),
    packs: book.packs.map((pack) => ({ ...pack, expiry: packExpiryOf(pack.expiry, rules.packExpiry, rules.packExpiryDays) })),
    ...(book.promotions === undefined
      ? {}
      : { promotions: { ...book.promotions, expiry: packExpiryOf(book.promotions.expiry, rules.signUpExpiry, rules.signUpExpiryDays) } }),
  };
  const validation = validatePriceBook(variant);
  if (!validation.ok) return { ok: false, problems: validation.errors.map((issue) => issue.message) };
  return { ok: true, book: variant };
}
