import { describe, expect, it } from 'vitest';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { bookWith, cleanBook } from './book-edits';
import type { Edit } from './book-edits';

const secondFeature = { key: 'tokens', name: 'More tokens', unitLabel: 'token', burnPerUnit: '2' };
const secondPlan = { ...cleanBook().plans[0], name: 'Pro again' };
const secondPack = { key: 'small', name: 'Small again', credits: '500', price: '5', expiry: { kind: 'never' } };
const tiers = (...rows: [string | null, string][]) => rows.map(([upToUnits, burnPerUnit]) => ({ upToUnits, burnPerUnit }));

interface RuleCase {
  name: string;
  edits: Edit[];
  code: string;
  path: string;
  message: string;
}

const cases: RuleCase[] = [
  {
    name: 'an empty book id',
    edits: [[['id'], '']],
    code: 'empty_book_id',
    path: '$.id',
    message: 'The price book has an empty id; give it a stable id such as "ai-platform".',
  },
  {
    name: 'an empty feature key',
    edits: [[['features', 0, 'key'], '']],
    code: 'empty_key',
    path: '$.features[0].key',
    message: 'Feature 1 has an empty key; usage refers to features by key, so every feature needs one.',
  },
  {
    name: 'a plan key of spaces only',
    edits: [[['plans', 0, 'key'], '  ']],
    code: 'empty_key',
    path: '$.plans[0].key',
    message: 'Plan 1 has an empty key; customers refer to plans by key, so every plan needs one.',
  },
  {
    name: 'an empty pack key',
    edits: [[['packs', 0, 'key'], ''], [['plans', 0, 'whenExhausted'], { kind: 'block' }]],
    code: 'empty_key',
    path: '$.packs[0].key',
    message: 'Pack 1 has an empty key; top-ups refer to packs by key, so every pack needs one.',
  },
  {
    name: 'two features with one key',
    edits: [[['features', 1], secondFeature]],
    code: 'duplicate_feature_key',
    path: '$.features[1].key',
    message: 'Features 1 and 2 both use the key "tokens"; each feature needs its own key.',
  },
  {
    name: 'two plans with one key',
    edits: [[['plans', 1], secondPlan]],
    code: 'duplicate_plan_key',
    path: '$.plans[1].key',
    message: 'Plans 1 and 2 both use the key "pro"; each plan needs its own key.',
  },
  {
    name: 'two packs with one key',
    edits: [[['packs', 1], secondPack]],
    code: 'duplicate_pack_key',
    path: '$.packs[1].key',
    message: 'Packs 1 and 2 both use the key "small"; each pack needs its own key.',
  },
  {
    name: 'a zero burn',
    edits: [[['features', 0, 'burnPerUnit'], '0']],
    code: 'burn_not_positive',
    path: '$.features[0].burnPerUnit',
    message: 'Feature "tokens" burns 0 credits per unit; a burn must be greater than zero.',
  },
  {
    name: 'a negative tier burn',
    edits: [[['features', 0, 'tiers'], tiers(['1000', '1'], [null, '-1'])]],
    code: 'burn_not_positive',
    path: '$.features[0].tiers[1].burnPerUnit',
    message: 'Feature "tokens" tier 2 burns -1 credits per unit; a burn must be greater than zero.',
  },
  {
    name: 'an empty list of tiers',
    edits: [[['features', 0, 'tiers'], []]],
    code: 'tiers_empty',
    path: '$.features[0].tiers',
    message: 'Feature "tokens" has an empty list of tiers; remove "tiers" to burn one flat rate, or add at least one tier.',
  },
  {
    name: 'a first tier ending at zero units',
    edits: [[['features', 0, 'tiers'], tiers(['0', '1'], [null, '0.5'])]],
    code: 'tier_bound_not_positive',
    path: '$.features[0].tiers[0].upToUnits',
    message: 'Feature "tokens" tier 1 ends at 0 units; a tier must end above zero units.',
  },
  {
    name: 'tier bounds that repeat',
    edits: [[['features', 0, 'tiers'], tiers(['1000', '1'], ['1000.0', '0.8'], [null, '0.5'])]],
    code: 'tiers_not_increasing',
    path: '$.features[0].tiers[1].upToUnits',
    message:
      'Feature "tokens" tier 2 ends at 1000 units, not above tier 1 which ends at 1000 units; tier bounds must strictly increase.',
  },
  {
    name: 'a last tier with a bound',
    edits: [[['features', 0, 'tiers'], tiers(['1000', '1'], ['5000', '0.8'])]],
    code: 'last_tier_not_open',
    path: '$.features[0].tiers[1].upToUnits',
    message:
      'Feature "tokens": the last tier ends at 5000 units; the last tier must be open (upToUnits null) so that every unit has a burn.',
  },
  {
    name: 'an open tier before the last',
    edits: [[['features', 0, 'tiers'], tiers([null, '1'], [null, '0.5'])]],
    code: 'open_tier_not_last',
    path: '$.features[0].tiers[0].upToUnits',
    message:
      'Feature "tokens" tier 1 has no upper bound but is not the last tier; only the last tier may be open (upToUnits null).',
  },
  {
    name: 'an auto top-up with a pack the book does not have',
    edits: [[['plans', 0, 'whenExhausted'], { kind: 'auto-top-up', packKey: 'mega', thresholdCredits: '100' }]],
    code: 'unknown_pack',
    path: '$.plans[0].whenExhausted.packKey',
    message: 'Plan "pro" tops up with pack "mega", which is not in this price book.',
  },
  {
    name: 'seven credit decimals',
    edits: [[['creditDecimals'], 7]],
    code: 'credit_decimals_invalid',
    path: '$.creditDecimals',
    message: 'The price book counts credits to 7 decimals; credits may have a whole number of decimals from 0 to 6.',
  },
  {
    name: 'a fractional number of credit decimals',
    edits: [[['creditDecimals'], 1.5]],
    code: 'credit_decimals_invalid',
    path: '$.creditDecimals',
    message: 'The price book counts credits to 1.5 decimals; credits may have a whole number of decimals from 0 to 6.',
  },
  {
    name: 'included credits finer than the credit decimals',
    edits: [[['plans', 0, 'includedCredits'], '10.005']],
    code: 'credit_precision',
    path: '$.plans[0].includedCredits',
    message:
      'Plan "pro": included credits 10.005 has 3 decimals, but this book counts credits to 2 decimals; round the amount or raise the credit decimals.',
  },
  {
    name: 'a fractional pack in a book of whole credits',
    edits: [[['creditDecimals'], 0], [['packs', 0, 'bonusCredits'], '0.5']],
    code: 'credit_precision',
    path: '$.packs[0].bonusCredits',
    message:
      'Pack "small": bonus credits 0.5 has 1 decimal, but this book counts whole credits only; round the amount or raise the credit decimals.',
  },
  {
    name: 'a top-up threshold finer than the credit decimals',
    edits: [[['plans', 0, 'whenExhausted'], { kind: 'auto-top-up', packKey: 'small', thresholdCredits: '100.001' }]],
    code: 'credit_precision',
    path: '$.plans[0].whenExhausted.thresholdCredits',
    message:
      'Plan "pro": top-up threshold 100.001 has 3 decimals, but this book counts credits to 2 decimals; round the amount or raise the credit decimals.',
  },
  {
    name: 'a fee with seven decimals',
    edits: [[['plans', 0, 'fee'], '49.0000001']],
    code: 'money_precision',
    path: '$.plans[0].fee',
    message: 'Plan "pro": fee 49.0000001 has 7 decimals; money amounts may have at most 6 decimals.',
  },
  {
    name: 'a burn with thirteen decimals',
    edits: [[['features', 0, 'burnPerUnit'], '0.0000000000001']],
    code: 'burn_precision',
    path: '$.features[0].burnPerUnit',
    message: 'Feature "tokens": burn per unit 0.0000000000001 has 13 decimals; a burn may have at most 12 decimals.',
  },
  {
    name: 'a tier bound with seven decimals',
    edits: [[['features', 0, 'tiers'], tiers(['0.0000001', '1'], [null, '0.5'])]],
    code: 'quantity_precision',
    path: '$.features[0].tiers[0].upToUnits',
    message: 'Feature "tokens" tier 1: upper bound 0.0000001 has 7 decimals; quantities may have at most 6 decimals.',
  },
  {
    name: 'a unit cost with thirteen decimals',
    edits: [[['features', 0, 'unitCost'], '1e-13']],
    code: 'unit_cost_precision',
    path: '$.features[0].unitCost',
    message: 'Feature "tokens": unit cost 0.0000000000001 has 13 decimals; a unit cost may have at most 12 decimals.',
  },
  {
    name: 'a negative fee',
    edits: [[['plans', 0, 'fee'], '-5']],
    code: 'negative_amount',
    path: '$.plans[0].fee',
    message: 'Plan "pro": fee -5 is negative; it cannot be below zero.',
  },
  {
    name: 'a negative unit cost',
    edits: [[['features', 0, 'unitCost'], -0.5]],
    code: 'negative_amount',
    path: '$.features[0].unitCost',
    message: 'Feature "tokens": unit cost -0.5 is negative; it cannot be below zero.',
  },
  {
    name: 'negative sign-up credits',
    edits: [[['promotions'], { signUpCredits: '-10', expiry: { kind: 'never' } }]],
    code: 'negative_amount',
    path: '$.promotions.signUpCredits',
    message: 'The sign-up promotion: sign-up credits -10 is negative; it cannot be below zero.',
  },
  {
    name: 'included credits too large to count exactly',
    edits: [[['plans', 0, 'includedCredits'], '100000000000000']],
    code: 'amount_too_large',
    path: '$.plans[0].includedCredits',
    message:
      'Plan "pro": included credits 100000000000000 is too large to count exactly; the largest amount this book can hold is 90071992547409.91.',
  },
  {
    name: 'a price too large to hold in micros',
    edits: [[['packs', 0, 'price'], '10000000000']],
    code: 'amount_too_large',
    path: '$.packs[0].price',
    message:
      'Pack "small": price 10000000000 is too large to count exactly; the largest amount this book can hold is 9007199254.740991.',
  },
  {
    name: 'a pack whose credits and bonus together are too large to count exactly',
    edits: [[['packs', 0, 'credits'], '50000000000000'], [['packs', 0, 'bonusCredits'], '50000000000000']],
    code: 'amount_too_large',
    path: '$.packs[0].bonusCredits',
    message:
      'Pack "small": credits and bonus credits together (100000000000000) are too large to count exactly; the largest amount this book can hold is 90071992547409.91.',
  },
  {
    name: 'a lower-case currency',
    edits: [[['currency'], 'usd']],
    code: 'currency_invalid',
    path: '$.currency',
    message: 'The currency "usd" is not a three-letter upper-case ISO 4217 code such as "USD" or "EUR".',
  },
  {
    name: 'included credits expiring after 0 days',
    edits: [[['plans', 0, 'includedExpiry'], { kind: 'days', days: 0 }]],
    code: 'days_invalid',
    path: '$.plans[0].includedExpiry.days',
    message:
      'Plan "pro": included credits expire after 0 days; the number of days must be a whole number from 1 to 36500 (100 years). Use "never" for credits that do not expire.',
  },
  {
    name: 'pack credits expiring after a fraction of a day',
    edits: [[['packs', 0, 'expiry'], { kind: 'days', days: 1.5 }]],
    code: 'days_invalid',
    path: '$.packs[0].expiry.days',
    message:
      'Pack "small": its credits expire after 1.5 days; the number of days must be a whole number from 1 to 36500 (100 years). Use "never" for credits that do not expire.',
  },
  {
    name: 'sign-up credits expiring after more than 100 years',
    edits: [[['promotions'], { signUpCredits: '10', expiry: { kind: 'days', days: 36501 } }]],
    code: 'days_invalid',
    path: '$.promotions.expiry.days',
    message:
      'The sign-up promotion: sign-up credits expire after 36501 days; the number of days must be a whole number from 1 to 36500 (100 years). Use "never" for credits that do not expire.',
  },
  {
    name: 'rolled-over credits expiring after 0 periods',
    edits: [[['plans', 0, 'rollover'], { kind: 'percent', percent: '25', expiresAfterPeriods: 0 }]],
    code: 'periods_invalid',
    path: '$.plans[0].rollover.expiresAfterPeriods',
    message:
      'Plan "pro": rolled-over credits expire after 0 periods; the number of periods must be a whole number from 1 to 1200.',
  },
  {
    name: 'a rollover of more than 100 percent',
    edits: [[['plans', 0, 'rollover'], { kind: 'percent', percent: '150', expiresAfterPeriods: 1 }]],
    code: 'percent_out_of_range',
    path: '$.plans[0].rollover.percent',
    message: 'Plan "pro" rolls over 150% of its included credits; a rollover percent must be from 0 to 100.',
  },
  {
    name: 'an expected breakage rate of 1',
    edits: [[['breakage'], { method: 'proportional', expectedRate: '1' }]],
    code: 'breakage_rate_out_of_range',
    path: '$.breakage.expectedRate',
    message:
      'The expected breakage rate 1 is out of range: it must be at least 0 and below 1 (0.1 means 10% of credits are expected never to be used).',
  },
  {
    name: 'a negative expected breakage rate',
    edits: [[['breakage'], { method: 'proportional', expectedRate: '-0.1' }]],
    code: 'breakage_rate_out_of_range',
    path: '$.breakage.expectedRate',
    message:
      'The expected breakage rate -0.1 is out of range: it must be at least 0 and below 1 (0.1 means 10% of credits are expected never to be used).',
  },
  {
    name: 'a pack of no credits',
    edits: [[['packs', 0, 'credits'], '0'], [['packs', 0, 'bonusCredits'], '0']],
    code: 'pack_without_credits',
    path: '$.packs[0].credits',
    message: 'Pack "small" gives 0 credits in total; a pack must give some credits.',
  },
];

describe('price book rules', () => {
  for (const { name, edits, code, path, message } of cases) {
    it(`refuses ${name} (${code}), keeping the typed book`, () => {
      const result = validatePriceBook(bookWith(...edits));
      expect(result.errors).toEqual([{ severity: 'error', code, path, message }]);
      expect(result.ok).toBe(false);
      expect(result.book).not.toBeNull();
    });
  }

  it('accepts the edges of every range', () => {
    const result = validatePriceBook(
      bookWith(
        [['creditDecimals'], 6],
        [['features', 0, 'burnPerUnit'], '0.000000000001'],
        [['features', 0, 'tiers'], tiers(['0.000001', '1'], [null, '0.5'])],
        [['plans', 0, 'includedExpiry'], { kind: 'end-of-period' }],
        [['plans', 0, 'rollover'], { kind: 'percent', percent: '100', expiresAfterPeriods: 1200 }],
        [['plans', 0, 'includedCredits'], '9007199254.740991'],
        [['plans', 0, 'fee'], '0.000001'],
        [['packs', 0, 'expiry'], { kind: 'days', days: 36500 }],
        [['breakage'], { method: 'proportional', expectedRate: '0.999999' }],
      ),
    );
    expect(result.errors).toEqual([]);
  });

  it('accepts a pack of bonus credits only and a zero-credit threshold', () => {
    const result = validatePriceBook(
      bookWith(
        [['packs', 0, 'credits'], '0'],
        [['packs', 0, 'bonusCredits'], '100'],
        [['plans', 0, 'whenExhausted'], { kind: 'auto-top-up', packKey: 'small', thresholdCredits: '0' }],
      ),
    );
    expect(result.errors).toEqual([]);
  });

  it('judges credit precision after trailing zeros are dropped', () => {
    expect(validatePriceBook(bookWith([['plans', 0, 'includedCredits'], '10.500000'])).errors).toEqual([]);
  });

  it('skips credit precision while the credit decimals themselves are invalid', () => {
    const result = validatePriceBook(bookWith([['creditDecimals'], -1], [['plans', 0, 'includedCredits'], '10.5']));
    expect(result.errors.map((issue) => issue.code)).toEqual(['credit_decimals_invalid']);
  });

  it('reports several broken rules in document order', () => {
    const result = validatePriceBook(
      bookWith([['currency'], 'dollars'], [['features', 0, 'burnPerUnit'], '0'], [['packs', 0, 'price'], '-1']),
    );
    expect(result.errors.map((issue) => issue.code)).toEqual(['currency_invalid', 'burn_not_positive', 'negative_amount']);
  });
});
