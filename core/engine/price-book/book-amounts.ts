// Every decimal amount of a price book with where it sits and what kind of amount it is, listed once so that the
// precision, sign and size rules cannot miss a field that another rule remembers.

import type { PriceBook } from './model';
import type { Place } from './validation-place';
import { BOOK_PLACE, PROMOTIONS_PLACE, itemPlace, nestedPlace, tierPlace } from './validation-place';
import type { DecimalText } from './model';

/**
 * credits: counted at the book's creditDecimals. money: held in micros (MONEY_DECIMALS).
 * burn: credits per unit (MAX_BURN_DECIMALS). quantity: units of usage (QUANTITY_DECIMALS).
 * unit-cost: money per unit, a rate like a burn. percent / rate: plain ratios with their own ranges.
 */
export type AmountKind = 'credits' | 'money' | 'burn' | 'quantity' | 'unit-cost' | 'percent' | 'rate';

export interface BookAmount {
  place: Place;
  field: string;
  /** How a sentence names the field: "included credits". */
  label: string;
  kind: AmountKind;
  value: DecimalText;
}

/** The amounts in document order; an open tier bound (null) is not an amount and is left out. */
export function listBookAmounts(book: PriceBook): BookAmount[] {
  const amounts: BookAmount[] = [];
  const add = (place: Place, field: string, label: string, kind: AmountKind, value: DecimalText | null | undefined) => {
    if (value !== null && value !== undefined) amounts.push({ place, field, label, kind, value });
  };
  if (book.breakage.method === 'proportional') {
    add(nestedPlace(BOOK_PLACE, 'breakage'), 'expectedRate', 'expected breakage rate', 'rate', book.breakage.expectedRate);
  }
  book.features.forEach((feature, index) => {
    const place = itemPlace('features', index, feature.key);
    add(place, 'burnPerUnit', 'burn per unit', 'burn', feature.burnPerUnit);
    feature.tiers?.forEach((tier, tierIndex) => {
      const tierAt = tierPlace(place, tierIndex);
      add(tierAt, 'upToUnits', 'upper bound', 'quantity', tier.upToUnits);
      add(tierAt, 'burnPerUnit', 'burn per unit', 'burn', tier.burnPerUnit);
    });
    add(place, 'unitCost', 'unit cost', 'unit-cost', feature.unitCost);
  });
  book.plans.forEach((plan, index) => {
    const place = itemPlace('plans', index, plan.key);
    add(place, 'fee', 'fee', 'money', plan.fee);
    add(place, 'includedCredits', 'included credits', 'credits', plan.includedCredits);
    const rollover = nestedPlace(place, 'rollover');
    if (plan.rollover.kind === 'percent') add(rollover, 'percent', 'rollover percent', 'percent', plan.rollover.percent);
    if (plan.rollover.kind === 'credits') add(rollover, 'credits', 'rollover credits', 'credits', plan.rollover.credits);
    const exhausted = nestedPlace(place, 'whenExhausted');
    const rule = plan.whenExhausted;
    if (rule.kind === 'overage') add(exhausted, 'pricePerCredit', 'overage price per credit', 'money', rule.pricePerCredit);
    if (rule.kind === 'auto-top-up') add(exhausted, 'thresholdCredits', 'top-up threshold', 'credits', rule.thresholdCredits);
    if (rule.kind === 'negative-balance') add(exhausted, 'limitCredits', 'negative balance limit', 'credits', rule.limitCredits);
  });
  book.packs.forEach((pack, index) => {
    const place = itemPlace('packs', index, pack.key);
    add(place, 'credits', 'credits', 'credits', pack.credits);
    add(place, 'bonusCredits', 'bonus credits', 'credits', pack.bonusCredits);
    add(place, 'price', 'price', 'money', pack.price);
  });
  if (book.promotions) add(PROMOTIONS_PLACE, 'signUpCredits', 'sign-up credits', 'credits', book.promotions.signUpCredits);
  return amounts;
}
