// The rules a structurally sound price book must keep for a replay to be well defined: unique keys, positive burns,
// ordered tiers, known references, amounts within the engine's exact scales and values within their ranges.
// Each broken rule is an error with its own code.

import type { ExactDecimal } from '../decimal/decimal-text';
import { compareDecimals, formatScaled, toScaled } from '../decimal/decimal-text';
import { MAX_BURN_DECIMALS, MAX_CREDIT_DECIMALS, MONEY_DECIMALS, QUANTITY_DECIMALS } from '../decimal/scales';
import { creditsText, plainText } from './amount-text';
import type { BookAmount } from './book-amounts';
import { listBookAmounts } from './book-amounts';
import { ZERO, addDecimals, exactOf } from './exact-arithmetic';
import type { PriceBook } from './model';
import type { IssueList } from './validation-issue';
import type { KeyedList, Place } from './validation-place';
import { BOOK_PLACE, PROMOTIONS_PLACE, fieldPath, itemPlace, tierPlace } from './validation-place';

/** Expiry days and periods past 100 years would push expiry instants toward the end of exact millisecond times. */
export const MAX_EXPIRY_DAYS = 36_500;
export const MAX_EXPIRY_PERIODS = 1_200;

const ONE_HUNDRED: ExactDecimal = { digits: 100n, decimals: 0 };
const ONE: ExactDecimal = { digits: 1n, decimals: 0 };

function decimalsPhrase(count: number): string {
  return count === 1 ? '1 decimal' : `${count} decimals`;
}

function checkKeys(book: PriceBook, issues: IssueList): void {
  if (book.id.trim() === '') {
    issues.error('empty_book_id', '$.id', 'The price book has an empty id; give it a stable id such as "ai-platform".');
  }
  const lists: { list: KeyedList; noun: string; plural: string; usedBy: string }[] = [
    { list: 'features', noun: 'feature', plural: 'Features', usedBy: 'usage refers to features by key' },
    { list: 'plans', noun: 'plan', plural: 'Plans', usedBy: 'customers refer to plans by key' },
    { list: 'packs', noun: 'pack', plural: 'Packs', usedBy: 'top-ups refer to packs by key' },
  ];
  for (const { list, noun, plural, usedBy } of lists) {
    const firstIndexByKey = new Map<string, number>();
    book[list].forEach((item, index) => {
      const place = itemPlace(list, index, item.key);
      if (item.key.trim() === '') {
        issues.error('empty_key', fieldPath(place, 'key'), `${place.subject} has an empty key; ${usedBy}, so every ${noun} needs one.`);
        return;
      }
      const first = firstIndexByKey.get(item.key);
      if (first === undefined) {
        firstIndexByKey.set(item.key, index);
        return;
      }
      issues.error(
        `duplicate_${noun}_key`,
        fieldPath(place, 'key'),
        `${plural} ${first + 1} and ${index + 1} both use the key "${item.key}"; each ${noun} needs its own key.`,
      );
    });
  }
}

function checkPrecision(amount: BookAmount, value: ExactDecimal, creditDecimals: number | null, issues: IssueList): void {
  const { place, field, label, kind } = amount;
  const path = fieldPath(place, field);
  const stated = `${place.subject}: ${label} ${plainText(value)} has ${decimalsPhrase(value.decimals)}`;
  if (kind === 'credits' && creditDecimals !== null && value.decimals > creditDecimals) {
    const scale = creditDecimals === 0 ? 'whole credits only' : `credits to ${decimalsPhrase(creditDecimals)}`;
    issues.error(
      'credit_precision',
      path,
      `${stated}, but this book counts ${scale}; round the amount or raise the credit decimals.`,
    );
  } else if (kind === 'money' && value.decimals > MONEY_DECIMALS) {
    issues.error('money_precision', path, `${stated}; money amounts may have at most ${MONEY_DECIMALS} decimals.`);
  } else if (kind === 'burn' && value.decimals > MAX_BURN_DECIMALS) {
    issues.error('burn_precision', path, `${stated}; a burn may have at most ${MAX_BURN_DECIMALS} decimals.`);
  } else if (kind === 'quantity' && value.decimals > QUANTITY_DECIMALS) {
    issues.error('quantity_precision', path, `${stated}; quantities may have at most ${QUANTITY_DECIMALS} decimals.`);
  } else if (kind === 'unit-cost' && value.decimals > MAX_BURN_DECIMALS) {
    issues.error('unit_cost_precision', path, `${stated}; a unit cost may have at most ${MAX_BURN_DECIMALS} decimals.`);
  }
}

/** Credits, money and quantities become integers at a fixed scale in the replay; they must stay exact there. */
function checkSize(amount: BookAmount, value: ExactDecimal, creditDecimals: number | null, issues: IssueList): void {
  const scaleByKind: Partial<Record<BookAmount['kind'], number | null>> = {
    credits: creditDecimals,
    money: MONEY_DECIMALS,
    quantity: QUANTITY_DECIMALS,
  };
  const scale = scaleByKind[amount.kind];
  if (scale === undefined || scale === null) return;
  const scaled = toScaled(value, Math.max(scale, value.decimals));
  const largest = BigInt(Number.MAX_SAFE_INTEGER) * 10n ** BigInt(Math.max(scale, value.decimals) - scale);
  if (scaled === null || (scaled <= largest && scaled >= -largest)) return;
  issues.error(
    'amount_too_large',
    fieldPath(amount.place, amount.field),
    `${amount.place.subject}: ${amount.label} ${plainText(value)} is too large to count exactly; the largest amount ` +
      `this book can hold is ${formatScaled(Number.MAX_SAFE_INTEGER, scale, 0)}.`,
  );
}

function checkRange(amount: BookAmount, value: ExactDecimal, issues: IssueList): void {
  const { place, field, label, kind } = amount;
  const path = fieldPath(place, field);
  const negative = value.digits < 0n;
  if (kind === 'burn' && value.digits <= 0n) {
    issues.error('burn_not_positive', path, `${place.subject} burns ${creditsText(value)} per unit; a burn must be greater than zero.`);
  } else if (kind === 'quantity' && value.digits <= 0n) {
    issues.error('tier_bound_not_positive', path, `${place.subject} ends at ${plainText(value)} units; a tier must end above zero units.`);
  } else if (kind === 'percent' && (negative || compareDecimals(value, ONE_HUNDRED) > 0)) {
    issues.error(
      'percent_out_of_range',
      path,
      `${place.subject} rolls over ${plainText(value)}% of its included credits; a rollover percent must be from 0 to 100.`,
    );
  } else if (kind === 'rate' && (negative || compareDecimals(value, ONE) >= 0)) {
    issues.error(
      'breakage_rate_out_of_range',
      path,
      `The expected breakage rate ${plainText(value)} is out of range: it must be at least 0 and below 1 ` +
        '(0.1 means 10% of credits are expected never to be used).',
    );
  } else if ((kind === 'credits' || kind === 'money' || kind === 'unit-cost') && negative) {
    issues.error('negative_amount', path, `${place.subject}: ${label} ${plainText(value)} is negative; it cannot be below zero.`);
  }
}

function checkTiers(book: PriceBook, issues: IssueList): void {
  book.features.forEach((feature, index) => {
    const place = itemPlace('features', index, feature.key);
    const tiers = feature.tiers;
    if (!tiers) return;
    if (tiers.length === 0) {
      issues.error(
        'tiers_empty',
        fieldPath(place, 'tiers'),
        `${place.subject} has an empty list of tiers; remove "tiers" to burn one flat rate, or add at least one tier.`,
      );
      return;
    }
    let previous: { bound: ExactDecimal; tierNumber: number } | null = null;
    tiers.forEach((tier, tierIndex) => {
      const tierAt = tierPlace(place, tierIndex);
      const last = tierIndex === tiers.length - 1;
      if (tier.upToUnits === null) {
        if (!last) {
          issues.error(
            'open_tier_not_last',
            fieldPath(tierAt, 'upToUnits'),
            `${tierAt.subject} has no upper bound but is not the last tier; only the last tier may be open (upToUnits null).`,
          );
        }
        return;
      }
      const bound = exactOf(tier.upToUnits);
      if (last) {
        issues.error(
          'last_tier_not_open',
          fieldPath(tierAt, 'upToUnits'),
          `${place.subject}: the last tier ends at ${plainText(bound)} units; the last tier must be open (upToUnits ` +
            'null) so that every unit has a burn.',
        );
      }
      if (previous && compareDecimals(bound, previous.bound) <= 0) {
        issues.error(
          'tiers_not_increasing',
          fieldPath(tierAt, 'upToUnits'),
          `${tierAt.subject} ends at ${plainText(bound)} units, not above tier ${previous.tierNumber} which ends at ` +
            `${plainText(previous.bound)} units; tier bounds must strictly increase.`,
        );
      }
      previous = { bound, tierNumber: tierIndex + 1 };
    });
  });
}

function checkExpiryDays(place: Place, path: string, what: string, days: number, issues: IssueList): void {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_EXPIRY_DAYS) return;
  issues.error(
    'days_invalid',
    path,
    `${place.subject}: ${what} expire after ${days} days; the number of days must be a whole number from 1 to ` +
      `${MAX_EXPIRY_DAYS} (100 years). Use "never" for credits that do not expire.`,
  );
}

function checkPlans(book: PriceBook, issues: IssueList): void {
  const packKeys = new Set(book.packs.map((pack) => pack.key));
  book.plans.forEach((plan, index) => {
    const place = itemPlace('plans', index, plan.key);
    if (plan.includedExpiry.kind === 'days') {
      checkExpiryDays(place, `${place.path}.includedExpiry.days`, 'included credits', plan.includedExpiry.days, issues);
    }
    if (plan.rollover.kind !== 'none') {
      const periods = plan.rollover.expiresAfterPeriods;
      if (!Number.isInteger(periods) || periods < 1 || periods > MAX_EXPIRY_PERIODS) {
        issues.error(
          'periods_invalid',
          `${place.path}.rollover.expiresAfterPeriods`,
          `${place.subject}: rolled-over credits expire after ${periods} periods; the number of periods must be a ` +
            `whole number from 1 to ${MAX_EXPIRY_PERIODS}.`,
        );
      }
    }
    const rule = plan.whenExhausted;
    if (rule.kind === 'auto-top-up' && !packKeys.has(rule.packKey)) {
      issues.error(
        'unknown_pack',
        `${place.path}.whenExhausted.packKey`,
        `${place.subject} tops up with pack "${rule.packKey}", which is not in this price book.`,
      );
    }
  });
}

function checkPacks(book: PriceBook, creditDecimals: number | null, issues: IssueList): void {
  book.packs.forEach((pack, index) => {
    const place = itemPlace('packs', index, pack.key);
    if (pack.expiry.kind === 'days') {
      checkExpiryDays(place, `${place.path}.expiry.days`, 'its credits', pack.expiry.days, issues);
    }
    const credits = exactOf(pack.credits);
    const bonus = pack.bonusCredits === undefined ? ZERO : exactOf(pack.bonusCredits);
    if (credits.digits < 0n || bonus.digits < 0n) return;
    const total = addDecimals(credits, bonus);
    if (total.digits === 0n) {
      issues.error('pack_without_credits', `${place.path}.credits`, `${place.subject} gives 0 credits in total; a pack must give some credits.`);
    }
    // Each part may fit while their sum, which the replay grants as one lot, does not.
    if (creditDecimals === null || pack.bonusCredits === undefined) return;
    const scale = Math.max(creditDecimals, total.decimals);
    const largest = BigInt(Number.MAX_SAFE_INTEGER) * 10n ** BigInt(scale - creditDecimals);
    if ((toScaled(total, scale) ?? 0n) > largest) {
      issues.error(
        'amount_too_large',
        `${place.path}.bonusCredits`,
        `${place.subject}: credits and bonus credits together (${plainText(total)}) are too large to count exactly; the ` +
          `largest amount this book can hold is ${formatScaled(Number.MAX_SAFE_INTEGER, creditDecimals, 0)}.`,
      );
    }
  });
  const promotions = book.promotions;
  if (promotions?.expiry.kind === 'days') {
    checkExpiryDays(PROMOTIONS_PLACE, '$.promotions.expiry.days', 'sign-up credits', promotions.expiry.days, issues);
  }
}

/** The book's credit decimals when valid; null otherwise (credit precision cannot be judged then). */
export function validCreditDecimals(book: PriceBook): number | null {
  const decimals = book.creditDecimals;
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_CREDIT_DECIMALS ? decimals : null;
}

/** Adds an error for every broken rule of a structurally sound book. */
export function checkRules(book: PriceBook, issues: IssueList): void {
  checkKeys(book, issues);
  if (!/^[A-Z]{3}$/.test(book.currency)) {
    issues.error(
      'currency_invalid',
      '$.currency',
      `The currency "${book.currency}" is not a three-letter upper-case ISO 4217 code such as "USD" or "EUR".`,
    );
  }
  const creditDecimals = validCreditDecimals(book);
  if (creditDecimals === null) {
    issues.error(
      'credit_decimals_invalid',
      '$.creditDecimals',
      `${BOOK_PLACE.subject} counts credits to ${book.creditDecimals} decimals; credits may have a whole number of ` +
        `decimals from 0 to ${MAX_CREDIT_DECIMALS}.`,
    );
  }
  for (const amount of listBookAmounts(book)) {
    const value = exactOf(amount.value);
    checkRange(amount, value, issues);
    checkPrecision(amount, value, creditDecimals, issues);
    checkSize(amount, value, creditDecimals, issues);
  }
  checkTiers(book, issues);
  checkPlans(book, issues);
  checkPacks(book, creditDecimals, issues);
}
