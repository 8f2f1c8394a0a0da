import { describe, expect, it } from 'vitest';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { bookWith, cleanBook } from './book-edits';
import type { Edit } from './book-edits';

// The clean book: plan "pro" 49 USD for 5000 credits (0.0098 per credit), overage 0.012 per credit,
// pack "small" 1000 credits for 10 USD (0.01 per credit). The highest price per credit is the overage, 0.012.

interface WarningCase {
  name: string;
  edits: Edit[];
  code: string;
  path: string;
  message: string;
}

const pack = (key: string, credits: string, price: string, bonusCredits?: string) => ({
  key,
  name: key,
  credits,
  ...(bonusCredits === undefined ? {} : { bonusCredits }),
  price,
  expiry: { kind: 'never' },
});
const tiers = (...rows: [string | null, string][]) => rows.map(([upToUnits, burnPerUnit]) => ({ upToUnits, burnPerUnit }));

const cases: WarningCase[] = [
  {
    name: 'a book without features',
    edits: [[['features'], []]],
    code: 'no_features',
    path: '$.features',
    message: 'The price book has no features, so no usage can be priced.',
  },
  {
    name: 'a feature without a name',
    edits: [[['features', 0, 'name'], '']],
    code: 'empty_name',
    path: '$.features[0].name',
    message: 'Feature "tokens" has no name; reports and the editor will show it blank.',
  },
  {
    name: 'a book whose name is blank',
    edits: [[['name'], '  ']],
    code: 'empty_name',
    path: '$.name',
    message: 'The price book has no name; reports and the editor will show it blank.',
  },
  {
    name: 'a feature key with a trailing space',
    edits: [[['features', 0, 'key'], 'tokens ']],
    code: 'key_whitespace',
    path: '$.features[0].key',
    message: 'Feature "tokens " has spaces at the start or end of its key; anything that refers to "tokens" will not match it.',
  },
  {
    name: 'a larger pack that costs more per credit',
    edits: [[['packs', 1], pack('large', '5000', '60')]],
    code: 'pack_costs_more_per_credit',
    path: '$.packs[1].price',
    message:
      'Pack "large" (5000 credits for 60.00 USD) costs 0.012 USD per credit, more than the smaller pack "small" (1000 credits for 10.00 USD) at 0.01 USD per credit; buying more credits should not cost more per credit.',
  },
  {
    name: 'a larger pack dearer than the cheapest smaller one',
    edits: [[['packs', 1], pack('mid', '2000', '18')], [['packs', 2], pack('large', '4000', '36', '500')], [['packs', 3], pack('huge', '5000', '47.5')]],
    code: 'pack_costs_more_per_credit',
    path: '$.packs[3].price',
    message:
      'Pack "huge" (5000 credits for 47.50 USD) costs 0.0095 USD per credit, more than the smaller pack "large" (4500 credits for 36.00 USD) at 0.008 USD per credit; buying more credits should not cost more per credit.',
  },
  {
    name: 'included credits expiring before a month ends',
    edits: [[['plans', 0, 'includedExpiry'], { kind: 'days', days: 20 }]],
    code: 'included_expire_before_period_end',
    path: '$.plans[0].includedExpiry.days',
    message:
      'Plan "pro": included credits expire after 20 days, before a month ends (28 days at the shortest); customers lose them before the period is over.',
  },
  {
    name: 'included credits expiring before a year ends',
    edits: [[['plans', 0, 'period'], 'year'], [['plans', 0, 'fee'], '490'], [['plans', 0, 'includedCredits'], '60000'], [['plans', 0, 'includedExpiry'], { kind: 'days', days: 364 }]],
    code: 'included_expire_before_period_end',
    path: '$.plans[0].includedExpiry.days',
    message:
      'Plan "pro": included credits expire after 364 days, before a year ends (365 days at the shortest); customers lose them before the period is over.',
  },
  {
    name: 'a rollover of credits that never expire',
    edits: [[['plans', 0, 'includedExpiry'], { kind: 'never' }], [['plans', 0, 'rollover'], { kind: 'percent', percent: '25', expiresAfterPeriods: 1 }]],
    code: 'rollover_without_period_expiry',
    path: '$.plans[0].rollover',
    message:
      'Plan "pro" rolls over unused credits, but its included credits do not expire at the end of the period (they never expire); the rollover has no effect.',
  },
  {
    name: 'a rollover of credits that expire after some days',
    edits: [[['plans', 0, 'includedExpiry'], { kind: 'days', days: 60 }], [['plans', 0, 'rollover'], { kind: 'credits', credits: '500', expiresAfterPeriods: 2 }]],
    code: 'rollover_without_period_expiry',
    path: '$.plans[0].rollover',
    message:
      'Plan "pro" rolls over unused credits, but its included credits do not expire at the end of the period (they expire after 60 days); the rollover has no effect.',
  },
  {
    name: 'a rollover of 0 percent',
    edits: [[['plans', 0, 'rollover'], { kind: 'percent', percent: '0', expiresAfterPeriods: 1 }]],
    code: 'rollover_zero',
    path: '$.plans[0].rollover.percent',
    message: 'Plan "pro" rolls over 0% of its included credits; the rollover has no effect.',
  },
  {
    name: 'a rollover of at most 0 credits',
    edits: [[['plans', 0, 'rollover'], { kind: 'credits', credits: '0.00', expiresAfterPeriods: 1 }]],
    code: 'rollover_zero',
    path: '$.plans[0].rollover.credits',
    message: 'Plan "pro" rolls over at most 0 credits; the rollover has no effect.',
  },
  {
    name: 'a fee with no included credits',
    edits: [[['plans', 0, 'includedCredits'], '0']],
    code: 'fee_without_included_credits',
    path: '$.plans[0].includedCredits',
    message:
      'Plan "pro" charges a fee of 49.00 USD but includes no credits; the fee is recognised as revenue when charged, not as credits are used.',
  },
  {
    name: 'overage cheaper than the plan\'s own credits',
    edits: [[['plans', 0, 'whenExhausted'], { kind: 'overage', pricePerCredit: '0.009' }]],
    code: 'overage_below_cost_basis',
    path: '$.plans[0].whenExhausted.pricePerCredit',
    message:
      'Plan "pro" bills overage at 0.009 USD per credit, below its cheapest paid credits (its own included credits at 0.0098 USD per credit); customers would rather run dry and pay overage.',
  },
  {
    name: 'overage cheaper than any pack',
    edits: [[['plans', 0, 'fee'], '60'], [['plans', 0, 'whenExhausted'], { kind: 'overage', pricePerCredit: '0.005' }]],
    code: 'overage_below_cost_basis',
    path: '$.plans[0].whenExhausted.pricePerCredit',
    message:
      'Plan "pro" bills overage at 0.005 USD per credit, below its cheapest paid credits (pack "small" at 0.01 USD per credit); customers would rather run dry and pay overage.',
  },
  {
    name: 'a blocking plan in a book without packs',
    edits: [[['packs'], []], [['plans', 0, 'whenExhausted'], { kind: 'block' }]],
    code: 'blocking_plan_without_packs',
    path: '$.plans[0].whenExhausted',
    message:
      'Plan "pro" blocks usage when credits run out, and this book has no packs to buy; its customers must wait for the next period.',
  },
  {
    name: 'an auto top-up pack no larger than its threshold',
    edits: [[['plans', 0, 'whenExhausted'], { kind: 'auto-top-up', packKey: 'small', thresholdCredits: '1000' }]],
    code: 'auto_top_up_below_threshold',
    path: '$.plans[0].whenExhausted.thresholdCredits',
    message:
      'Plan "pro" tops up with pack "small" (1000 credits) when the balance falls below 1000 credits; from an empty balance one pack does not lift it back above the threshold, so customers may be charged for several packs at once.',
  },
  {
    name: 'a negative balance limit of 0',
    edits: [[['plans', 0, 'whenExhausted'], { kind: 'negative-balance', limitCredits: '0' }]],
    code: 'negative_balance_limit_zero',
    path: '$.plans[0].whenExhausted.limitCredits',
    message: 'Plan "pro" allows a negative balance down to 0 credits, which blocks usage just as "block" does.',
  },
  {
    name: 'rounding up a burn below one credit unit',
    edits: [[['features', 0, 'burnPerUnit'], '0.001'], [['features', 0, 'rounding'], 'up']],
    code: 'rounding_up_below_credit_unit',
    path: '$.features[0].rounding',
    message:
      'Feature "tokens" burns 0.001 credits per unit, less than the smallest credit amount (0.01), and rounds up: every event burns at least 0.01 credits, however small.',
  },
  {
    name: 'rounding up a tier burn below one whole credit',
    edits: [[['creditDecimals'], 0], [['features', 0, 'burnPerUnit'], '2'], [['features', 0, 'tiers'], tiers(['1000', '2'], [null, '0.5'])], [['features', 0, 'rounding'], 'up']],
    code: 'rounding_up_below_credit_unit',
    path: '$.features[0].rounding',
    message:
      'Feature "tokens" burns as little as 0.5 credits per unit, less than the smallest credit amount (1), and rounds up: every event burns at least 1 credit, however small.',
  },
  {
    name: 'rounding to nearest a burn below half a credit unit',
    edits: [[['features', 0, 'burnPerUnit'], '0.004'], [['features', 0, 'rounding'], 'nearest']],
    code: 'rounding_nearest_below_half_unit',
    path: '$.features[0].rounding',
    message:
      'Feature "tokens" burns 0.004 credits per unit, less than half the smallest credit amount (0.01), and rounds to the nearest amount: a one-unit event burns nothing.',
  },
  {
    name: 'a flat burn that differs from the first tier it is replaced by',
    edits: [[['features', 0, 'tiers'], tiers(['1000', '1.5'], [null, '1'])]],
    code: 'burn_replaced_by_tiers',
    path: '$.features[0].burnPerUnit',
    message:
      'Feature "tokens" has tiers, so its burn per unit of 1 credit is not used; its first tier burns 1.5 credits per unit. Set the burn per unit to the first tier\'s to avoid confusion.',
  },
  {
    name: 'a burn worth less than the unit cost at any price',
    edits: [[['features', 0, 'unitCost'], '0.02']],
    code: 'feature_burn_below_unit_cost',
    path: '$.features[0].unitCost',
    message:
      'Feature "tokens" costs 0.02 USD per unit to serve, but its burn of 1 credit per unit brings in at most 0.012 USD (at the highest price per credit in this book, 0.012 USD); every such unit loses money.',
  },
  {
    name: 'a lowest tier burn worth less than the unit cost',
    edits: [[['features', 0, 'burnPerUnit'], '2'], [['features', 0, 'tiers'], tiers(['1000', '2'], [null, '0.5'])], [['features', 0, 'unitCost'], '0.01']],
    code: 'feature_burn_below_unit_cost',
    path: '$.features[0].unitCost',
    message:
      'Feature "tokens" costs 0.01 USD per unit to serve, but its lowest burn of 0.5 credits per unit brings in at most 0.006 USD (at the highest price per credit in this book, 0.012 USD); every such unit loses money.',
  },
];

describe('price book warnings', () => {
  it('finds nothing to warn about in the clean test book', () => {
    expect(validatePriceBook(cleanBook()).warnings).toEqual([]);
  });

  for (const { name, edits, code, path, message } of cases) {
    it(`warns about ${name} (${code}) without refusing the book`, () => {
      const result = validatePriceBook(bookWith(...edits));
      expect(result.warnings).toEqual([{ severity: 'warning', code, path, message }]);
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }

  const quiet: { name: string; edits: Edit[] }[] = [
    { name: 'a larger pack at the same price per credit', edits: [[['packs', 1], pack('large', '5000', '50')]] },
    { name: 'a larger pack made cheaper by its bonus credits', edits: [[['packs', 1], pack('large', '4000', '44', '1000')]] },
    { name: 'included credits lasting exactly the shortest month', edits: [[['plans', 0, 'includedExpiry'], { kind: 'days', days: 28 }]] },
    { name: 'overage at exactly the plan\'s own price per credit', edits: [[['plans', 0, 'whenExhausted'], { kind: 'overage', pricePerCredit: '0.0098' }]] },
    { name: 'an auto top-up pack larger than its threshold', edits: [[['plans', 0, 'whenExhausted'], { kind: 'auto-top-up', packKey: 'small', thresholdCredits: '999.99' }]] },
    { name: 'rounding up a burn of exactly one credit unit', edits: [[['features', 0, 'burnPerUnit'], '0.01'], [['features', 0, 'rounding'], 'up']] },
    { name: 'rounding to nearest a burn of exactly half a credit unit', edits: [[['features', 0, 'burnPerUnit'], '0.005'], [['features', 0, 'rounding'], 'nearest']] },
    { name: 'a unit cost equal to the most a burn brings in', edits: [[['features', 0, 'unitCost'], '0.012']] },
    { name: 'a feature without a unit cost', edits: [[['features', 0, 'unitCost'], undefined]] },
    { name: 'a blocking plan when packs can be bought', edits: [[['plans', 0, 'whenExhausted'], { kind: 'block' }]] },
    { name: 'a flat burn equal to the first tier\'s', edits: [[['features', 0, 'burnPerUnit'], '1.0'], [['features', 0, 'tiers'], tiers(['1000', '1'], [null, '0.5'])]] },
  ];
  for (const { name, edits } of quiet) {
    it(`stays quiet about ${name}`, () => {
      expect(validatePriceBook(bookWith(...edits)).warnings).toEqual([]);
    });
  }
});
