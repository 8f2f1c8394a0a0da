import { describe, expect, test } from 'vitest';
import type { PriceBook } from '../../../core/engine/price-book/model';
import { validatePriceBook } from '../../../core/engine/price-book/validate';
import {
  addFeature,
  addPack,
  addPlan,
  addTier,
  removeFeature,
  removePack,
  removeTier,
  setBookText,
  setBreakageMethod,
  setConsumptionOrder,
  setCreditDecimals,
  setExpectedBreakageRate,
  setFeatureBurn,
  setFeatureRounding,
  setFeatureText,
  setFeatureUnitCost,
  setIncludedExpiryDays,
  setIncludedExpiryKind,
  setPackBonus,
  setPackExpiryDays,
  setPackExpiryKind,
  setPackText,
  setPlanPeriod,
  setPlanText,
  setPromotionsEnabled,
  setPromotionsExpiryDays,
  setPromotionsExpiryKind,
  setRolloverAmount,
  setRolloverKind,
  setRolloverPeriods,
  setSignUpCredits,
  setTierField,
  setWhenExhaustedField,
  setWhenExhaustedKind,
  wholeNumberFromText,
} from '../../../renderer/screens/editor/book-edits';
import { cleanBook } from '../../price-book/book-edits';

/** A frozen clean book: any edit that wrote into its input would throw. */
function frozenBook(): PriceBook {
  const freeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(freeze);
      Object.freeze(value);
    }
    return value;
  };
  return freeze(cleanBook());
}

function errorCodes(book: PriceBook): string[] {
  return validatePriceBook(book).errors.map((issue) => `${issue.code} ${issue.path}`);
}

describe('price book edits', () => {
  test('an edit returns a new book and leaves the old one as it was, sharing what did not change', () => {
    const book = frozenBook();
    const edited = setFeatureBurn(book, 0, '1.25');
    expect(edited.features[0].burnPerUnit).toBe('1.25');
    expect(book.features[0].burnPerUnit).toBe('1');
    expect(edited.plans).toBe(book.plans);
    expect(edited.packs).toBe(book.packs);
  });

  test('a burn of zero is kept as typed and validation reports it at the field', () => {
    const edited = setFeatureBurn(frozenBook(), 0, '0');
    const errors = validatePriceBook(edited).errors;
    expect(errors.map((issue) => issue.path)).toEqual(['$.features[0].burnPerUnit']);
    expect(errors[0].message).toBe('Feature "tokens" burns 0 credits per unit; a burn must be greater than zero.');
  });

  test('an edit of a feature that does not exist is a programmer error', () => {
    expect(() => setFeatureBurn(frozenBook(), 3, '1')).toThrow(/feature 3 does not exist/);
  });

  test('book fields: empty version and description are removed, the rest set as typed', () => {
    let book = setBookText(frozenBook(), 'version', '2025-08');
    book = setBookText(book, 'description', 'Draft');
    expect([book.version, book.description]).toEqual(['2025-08', 'Draft']);
    book = setBookText(setBookText(book, 'version', ''), 'description', '');
    expect('version' in book || 'description' in book).toBe(false);
    expect(setBookText(book, 'currency', 'eur').currency).toBe('eur');
    expect(errorCodes(setBookText(book, 'currency', 'eur'))).toEqual(['currency_invalid $.currency']);
    expect(setCreditDecimals(book, 4).creditDecimals).toBe(4);
    expect(setConsumptionOrder(book, 'fifo').consumptionOrder).toBe('fifo');
  });

  test('proportional breakage starts at an expected rate of 0 and takes a typed rate', () => {
    const proportional = setBreakageMethod(frozenBook(), 'proportional');
    expect(proportional.breakage).toEqual({ method: 'proportional', expectedRate: '0' });
    expect(setExpectedBreakageRate(proportional, '0.1').breakage).toEqual({ method: 'proportional', expectedRate: '0.1' });
    expect(setBreakageMethod(proportional, 'at-expiry').breakage).toEqual({ method: 'at-expiry' });
    expect(() => setExpectedBreakageRate(frozenBook(), '0.1')).toThrow(/proportional/);
  });

  test('feature text, rounding and unit cost; an empty unit cost removes it', () => {
    let book = setFeatureText(frozenBook(), 0, 'name', 'LLM tokens');
    book = setFeatureRounding(book, 0, 'up');
    book = setFeatureUnitCost(book, 0, '0.002');
    expect(book.features[0]).toMatchObject({ name: 'LLM tokens', rounding: 'up', unitCost: '0.002' });
    expect('unitCost' in setFeatureUnitCost(book, 0, '').features[0]).toBe(false);
  });

  test('a new feature has a key no other feature has and is valid; removing it restores the list', () => {
    const book = addFeature(addFeature(frozenBook()));
    expect(book.features.map((feature) => feature.key)).toEqual(['tokens', 'feature-2', 'feature-3']);
    expect(validatePriceBook(book).ok).toBe(true);
    expect(removeFeature(book, 2).features.map((feature) => feature.key)).toEqual(['tokens', 'feature-2']);
  });
});

describe('tiers', () => {
  test('the first tier added splits a flat burn into two tiers at the same burn, the last one open', () => {
    const book = addTier(frozenBook(), 0);
    expect(book.features[0].tiers).toEqual([
      { upToUnits: '1000', burnPerUnit: '1' },
      { upToUnits: null, burnPerUnit: '1' },
    ]);
    expect(validatePriceBook(book).errors).toEqual([]);
  });

  test('another tier closes the open tier at twice the previous bound and opens a new one', () => {
    const book = addTier(setTierField(addTier(frozenBook(), 0), 0, 1, 'burnPerUnit', '0.8'), 0);
    expect(book.features[0].tiers).toEqual([
      { upToUnits: '1000', burnPerUnit: '1' },
      { upToUnits: '2000', burnPerUnit: '0.8' },
      { upToUnits: null, burnPerUnit: '0.8' },
    ]);
    expect(validatePriceBook(book).errors).toEqual([]);
  });

  test('a tier bound being typed (not yet a number) still lets a tier be added', () => {
    const typing = setTierField(addTier(frozenBook(), 0), 0, 0, 'upToUnits', '1,0');
    expect(addTier(typing, 0).features[0].tiers?.map((tier) => tier.upToUnits)).toEqual(['1,0', '1000', null]);
  });

  test('removing the last tier opens the one before; leaving one tier returns to the flat burn', () => {
    const three = addTier(addTier(frozenBook(), 0), 0);
    const two = removeTier(three, 0, 2);
    expect(two.features[0].tiers?.map((tier) => tier.upToUnits)).toEqual(['1000', null]);
    const flat = removeTier(two, 0, 0);
    expect('tiers' in flat.features[0]).toBe(false);
    expect(flat.features[0].burnPerUnit).toBe('1');
  });

  test('an empty bound makes a tier open, which validation refuses anywhere but last', () => {
    const book = setTierField(addTier(addTier(frozenBook(), 0), 0), 0, 0, 'upToUnits', '');
    expect(book.features[0].tiers?.[0].upToUnits).toBeNull();
    expect(errorCodes(book)).toContain('open_tier_not_last $.features[0].tiers[0].upToUnits');
  });
});

describe('plans', () => {
  test('text, period and the expiry of included credits', () => {
    let book = setPlanText(frozenBook(), 0, 'fee', '59.00');
    book = setPlanPeriod(book, 0, 'year');
    book = setIncludedExpiryKind(book, 0, 'days');
    expect(book.plans[0]).toMatchObject({ fee: '59.00', period: 'year', includedExpiry: { kind: 'days', days: 30 } });
    book = setIncludedExpiryDays(book, 0, 90);
    expect(book.plans[0].includedExpiry).toEqual({ kind: 'days', days: 90 });
    expect(setIncludedExpiryKind(book, 0, 'days')).toBe(book);
    expect(setIncludedExpiryKind(book, 0, 'never').plans[0].includedExpiry).toEqual({ kind: 'never' });
  });

  test('days that are not a whole number reach validation as an error at the field', () => {
    const book = setIncludedExpiryDays(setIncludedExpiryKind(frozenBook(), 0, 'days'), 0, wholeNumberFromText('3o'));
    expect(errorCodes(book)).toEqual(['wrong_type $.plans[0].includedExpiry.days']);
    expect(wholeNumberFromText(' 45 ')).toBe(45);
    expect(wholeNumberFromText('4.5')).toBeNaN();
    expect(wholeNumberFromText('')).toBeNaN();
  });

  test('rollover: a new rule rolls everything over for one period, and keeps its periods across kinds', () => {
    let book = setRolloverKind(frozenBook(), 0, 'percent');
    expect(book.plans[0].rollover).toEqual({ kind: 'percent', percent: '100', expiresAfterPeriods: 1 });
    book = setRolloverPeriods(setRolloverAmount(book, 0, '25'), 0, 3);
    expect(book.plans[0].rollover).toEqual({ kind: 'percent', percent: '25', expiresAfterPeriods: 3 });
    book = setRolloverKind(book, 0, 'credits');
    expect(book.plans[0].rollover).toEqual({ kind: 'credits', credits: '5000', expiresAfterPeriods: 3 });
    expect(setRolloverAmount(book, 0, '1000').plans[0].rollover).toEqual({ kind: 'credits', credits: '1000', expiresAfterPeriods: 3 });
    expect(setRolloverKind(book, 0, 'none').plans[0].rollover).toEqual({ kind: 'none' });
    expect(() => setRolloverAmount(frozenBook(), 0, '1')).toThrow(/without rollover/);
  });

  test('a rollover percent above 100 is reported at the field', () => {
    const book = setRolloverAmount(setRolloverKind(frozenBook(), 0, 'percent'), 0, '120');
    expect(errorCodes(book)).toEqual(['percent_out_of_range $.plans[0].rollover.percent']);
  });

  test('when credits run out: each kind starts with its own fields, and only those can be set', () => {
    const book = frozenBook();
    expect(setWhenExhaustedKind(book, 0, 'block').plans[0].whenExhausted).toEqual({ kind: 'block' });
    const topUp = setWhenExhaustedKind(book, 0, 'auto-top-up');
    expect(topUp.plans[0].whenExhausted).toEqual({ kind: 'auto-top-up', packKey: 'small', thresholdCredits: '0' });
    expect(setWhenExhaustedField(topUp, 0, 'thresholdCredits', '100').plans[0].whenExhausted).toEqual({
      kind: 'auto-top-up',
      packKey: 'small',
      thresholdCredits: '100',
    });
    const negative = setWhenExhaustedKind(book, 0, 'negative-balance');
    expect(setWhenExhaustedField(negative, 0, 'limitCredits', '500').plans[0].whenExhausted).toEqual({
      kind: 'negative-balance',
      limitCredits: '500',
    });
    expect(setWhenExhaustedField(book, 0, 'pricePerCredit', '0.02').plans[0].whenExhausted).toEqual({
      kind: 'overage',
      pricePerCredit: '0.02',
    });
    expect(() => setWhenExhaustedField(book, 0, 'limitCredits', '1')).toThrow(/"overage" rule has no field limitCredits/);
  });

  test('a new plan is valid and has its own key', () => {
    const book = addPlan(frozenBook());
    expect(book.plans.map((plan) => plan.key)).toEqual(['pro', 'plan-2']);
    expect(validatePriceBook(book).errors).toEqual([]);
  });
});

describe('packs and promotions', () => {
  test('renaming a pack key renames it in the plans that top up with it', () => {
    const topUp = setWhenExhaustedKind(frozenBook(), 0, 'auto-top-up');
    const renamed = setPackText(setPackText(topUp, 0, 'key', 'smal'), 0, 'key', 'starter');
    expect(renamed.packs[0].key).toBe('starter');
    expect(renamed.plans[0].whenExhausted).toEqual({ kind: 'auto-top-up', packKey: 'starter', thresholdCredits: '0' });
    expect(validatePriceBook(renamed).errors).toEqual([]);
  });

  test('removing a pack a plan tops up with is reported at the plan', () => {
    const book = removePack(setWhenExhaustedKind(frozenBook(), 0, 'auto-top-up'), 0);
    expect(errorCodes(book)).toEqual(['unknown_pack $.plans[0].whenExhausted.packKey']);
  });

  test('bonus credits, expiry in days, and a new pack', () => {
    let book = setPackBonus(frozenBook(), 0, '100');
    book = setPackExpiryDays(setPackExpiryKind(book, 0, 'days'), 0, 365);
    expect(book.packs[0]).toMatchObject({ bonusCredits: '100', expiry: { kind: 'days', days: 365 } });
    expect('bonusCredits' in setPackBonus(book, 0, '').packs[0]).toBe(false);
    const more = addPack(book);
    expect(more.packs.map((pack) => pack.key)).toEqual(['small', 'pack-2']);
    expect(validatePriceBook(more).errors).toEqual([]);
  });

  test('the sign-up promotion is turned on, edited and turned off', () => {
    let book = setPromotionsEnabled(frozenBook(), true);
    expect(book.promotions).toEqual({ signUpCredits: '0', expiry: { kind: 'never' } });
    book = setPromotionsExpiryDays(setPromotionsExpiryKind(setSignUpCredits(book, '250'), 'days'), 14);
    expect(book.promotions).toEqual({ signUpCredits: '250', expiry: { kind: 'days', days: 14 } });
    expect(validatePriceBook(book).errors).toEqual([]);
    expect(setPromotionsEnabled(book, true)).toBe(book);
    expect('promotions' in setPromotionsEnabled(book, false)).toBe(false);
    expect(() => setSignUpCredits(frozenBook(), '1')).toThrow(/no sign-up promotion/);
  });
});
