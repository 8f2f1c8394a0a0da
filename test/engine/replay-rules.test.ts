// Each ledger rule on a tiny history, with the expected figures worked out by hand in the comments.

import { describe, expect, it } from 'vitest';
import { materialiseCustomerLedger, replay } from '../../core/engine/replay/replay';
import type { Feature } from '../../core/engine/price-book/model';
import { history, ms } from '../support/history-builder';
import { monthlyPlan, pack, testBook, usd } from '../support/book-builder';

const customer = { id: 'c1', plan: 'pro', start: '2025-01-01' };

describe('block policy', () => {
  // $10 buys 100 credits a month (10¢ each). Jan: 60 burned ($6), 50 blocked; Feb 1: 40 expire ($4 breakage);
  // Feb: 30 burned ($3); the window ends Mar 1, where Feb's grant still holds 70 ($7 liability).
  const book = testBook({ plans: [monthlyPlan()] });
  const usage = history([customer], [
    ['2025-01-10T00:00:00Z', 'c1', 'call', 60],
    ['2025-01-20T00:00:00Z', 'c1', 'call', 50],
    ['2025-02-05T00:00:00Z', 'c1', 'call', 30],
  ]);
  const report = replay(book, usage);

  it('burns what fits and blocks the whole event that does not', () => {
    expect(report.totals.blockedEvents).toBe(1);
    expect(report.totals.blockedUnitsMicros).toBe(50_000_000);
    expect(report.customers[0].blockedEvents).toBe(1);
    expect(report.customers[0].ranDry).toBe(true);
    expect(report.totals.creditsBurned).toBe(90);
  });

  it('charges the fee each period and recognises revenue at the cost basis', () => {
    expect(report.totals.cashMicros).toBe(usd(20));
    expect(report.features[0].revenueMicros).toBe(usd(9));
    expect(report.features[0].effectivePricePerUnit).toBe('0.100000000');
  });

  it('expires unused included credits at the end of the period as breakage', () => {
    expect(report.customers[0].creditsExpired).toBe(40);
    expect(report.months.map((m) => m.month)).toEqual(['2025-01', '2025-02']);
    expect(report.months[0]).toMatchObject({ cashMicros: usd(10), recognisedRevenueMicros: usd(6), breakageMicros: 0, closingLiabilityMicros: usd(4) });
    expect(report.months[1]).toMatchObject({ openingLiabilityMicros: usd(4), issuedMicros: usd(10), recognisedFromCreditsMicros: usd(3), breakageMicros: usd(4), closingLiabilityMicros: usd(7) });
  });

  it('reconciles credits and money exactly', () => {
    expect(report.reconciliation.credits).toEqual({ granted: 200, burned: 90, expired: 40, voided: 0, outstanding: 70, holds: true });
    expect(report.reconciliation.money).toMatchObject({ cashAllocatedToCreditsMicros: usd(20), recognisedFromCreditsMicros: usd(9), breakageMicros: usd(4), closingLiabilityMicros: usd(7), holds: true });
  });

  it('ages the liability by time to expiry', () => {
    // At Jan 31's close the Jan grant expires at that very instant: 0 days away.
    expect(report.months[0].liabilityByExpiry.within30DaysMicros).toBe(usd(4));
  });
});

describe('overage policy', () => {
  // 120 calls against 100 credits: 20 credits of overage at 5¢ = $1.00, billed at the period's end.
  const book = testBook({ plans: [monthlyPlan({ whenExhausted: { kind: 'overage', pricePerCredit: '0.05' } })] });
  const report = replay(book, history([customer], [['2025-01-10T00:00:00Z', 'c1', 'call', 120]]));

  it('bills credits beyond the balance at the overage price', () => {
    expect(report.customers[0].overageMicros).toBe(usd(1));
    expect(report.customers[0].creditsOverage).toBe(20);
    expect(report.totals.cashMicros).toBe(usd(11));
    expect(report.features[0].revenueMicros).toBe(usd(11));
    expect(report.features[0].effectivePricePerUnit).toBe('0.091666667');
    expect(report.totals.blockedEvents).toBe(0);
  });
});

describe('auto top-up policy', () => {
  // Threshold 20, pack of 50 for $6 (12¢). 70 → 30 left; 20 → 10 left < 20: buy one; 100 → shortfall 40: buy one,
  // burn 10 included ($1) + 50 + 40 of packs ($10.80), 10 left < 20: buy one. Burns: $7 + $2 + $1 + $6 + $4.80.
  const book = testBook({
    plans: [monthlyPlan({ whenExhausted: { kind: 'auto-top-up', packKey: 'p50', thresholdCredits: '20' } })],
    packs: [pack()],
  });
  const report = replay(book, history([customer], [
    ['2025-01-05T00:00:00Z', 'c1', 'call', 70],
    ['2025-01-06T00:00:00Z', 'c1', 'call', 20],
    ['2025-01-07T00:00:00Z', 'c1', 'call', 100],
  ]));

  it('buys the pack on a shortfall and whenever the balance falls below the threshold', () => {
    expect(report.customers[0].packsMicros).toBe(usd(18));
    expect(report.customers[0].creditsGrantedPurchased).toBe(150);
    expect(report.customers[0].creditsEndingBalance).toBe(60);
    expect(report.features[0].revenueMicros).toBe(usd(20.8));
    expect(report.totals.closingLiabilityMicros).toBe(usd(7.2));
  });
});

describe('negative balance policy', () => {
  // Limit 30: 120 → 100 burned, 20 owed; 20 more would owe 40 > 30 → blocked. Feb 1's grant repays the 20 first
  // ($2 of revenue in February), then 5 are burned.
  const book = testBook({ plans: [monthlyPlan({ whenExhausted: { kind: 'negative-balance', limitCredits: '30' } })] });
  const report = replay(book, history([customer], [
    ['2025-01-10T00:00:00Z', 'c1', 'call', 120],
    ['2025-01-15T00:00:00Z', 'c1', 'call', 20],
    ['2025-02-03T00:00:00Z', 'c1', 'call', 5],
  ]));

  it('carries burns below zero up to the limit and repays them from the next grant', () => {
    expect(report.totals.blockedEvents).toBe(1);
    expect(report.customers[0].creditsBurned).toBe(125);
    expect(report.customers[0].creditsEndingBalance).toBe(75);
    expect(report.customers[0].creditsNegativeBalance).toBe(0);
    expect(report.months[1].recognisedFromCreditsMicros).toBe(usd(2.5));
  });

  it('shows an unpaid negative balance at the end of the window', () => {
    const short = replay(book, history([customer], [['2025-01-10T00:00:00Z', 'c1', 'call', 120]]));
    expect(short.customers[0].creditsNegativeBalance).toBe(20);
    expect(short.customers[0].creditsEndingBalance).toBe(-20);
    expect(short.totals.creditsNegativeBalance).toBe(20);
  });
});

describe('customers without a plan', () => {
  // Packs: 100 for $10, 1,000 for $80. A shortfall of 150 buys the smallest pack covering it (1,000);
  // a later shortfall of 2,500 − 850 = 1,650 buys one 1,000 pack, then the smallest covering 650 (1,000).
  const book = testBook({
    packs: [pack({ key: 'p100', credits: '100', price: '10' }), pack({ key: 'p1000', credits: '1000', price: '80' })],
  });
  const report = replay(book, history([{ id: 'c1', start: '2025-01-01' }], [
    ['2025-01-02T00:00:00Z', 'c1', 'call', 150],
    ['2025-01-03T00:00:00Z', 'c1', 'call', 2500],
  ]));

  it('buy the smallest pack that covers the shortfall', () => {
    expect(report.customers[0].packsMicros).toBe(usd(240));
    expect(report.customers[0].creditsGrantedPurchased).toBe(3000);
    expect(report.customers[0].creditsEndingBalance).toBe(350);
  });

  it('are blocked when the book sells no packs', () => {
    const none = replay(testBook(), history([{ id: 'c1', start: '2025-01-01' }], [['2025-01-02T00:00:00Z', 'c1', 'call', 1]]));
    expect(none.totals.blockedEvents).toBe(1);
  });
});

describe('expiry', () => {
  it('a grant expiring at t does not pay for an event at t', () => {
    // Pack of 100 expiring after 30 days, bought Jan 1; the event exactly 30 days later needs a new pack.
    const book = testBook({ packs: [pack({ key: 'p100', credits: '100', price: '10', expiry: { kind: 'days', days: 30 } })] });
    const at = history([{ id: 'c1', start: '2025-01-01' }], [
      ['2025-01-01T00:00:00Z', 'c1', 'call', 10],
      ['2025-01-31T00:00:00Z', 'c1', 'call', 10],
    ]);
    const report = replay(book, at);
    expect(report.customers[0].packsMicros).toBe(usd(20));
    expect(report.customers[0].creditsExpired).toBe(90);
    expect(report.totals.breakageMicros).toBe(usd(9));
    const justBefore = replay(book, history([{ id: 'c1', start: '2025-01-01' }], [
      ['2025-01-01T00:00:00Z', 'c1', 'call', 10],
      ['2025-01-30T23:59:59.999Z', 'c1', 'call', 10],
    ]));
    expect(justBefore.customers[0].packsMicros).toBe(usd(10));
  });

  it('included credits that expire after N days leave with their breakage', () => {
    const book = testBook({ plans: [monthlyPlan({ includedExpiry: { kind: 'days', days: 10 } })] });
    const report = replay(book, history([customer], [['2025-01-20T00:00:00Z', 'c1', 'call', 5]]));
    // Jan 1 grant expires Jan 11: the Jan 20 event finds nothing.
    expect(report.totals.blockedEvents).toBe(1);
    expect(report.months[0].breakageMicros).toBe(usd(10));
  });
});

describe('rollover', () => {
  // 50 % rollover, rolled credits live one more period. Jan: 30 burned; Feb 1: 50 of the 70 roll ($5 of the $7
  // unrecognised), 20 expire ($2). Feb: nothing used; Mar 1: Feb's 100 roll 50 ($5), 50 expire ($5), and Jan's rolled
  // 50 expire ($5). Mar 2: 10 burn from the Feb roll (created first at Mar 1): $1.
  const book = testBook({ plans: [monthlyPlan({ rollover: { kind: 'percent', percent: '50', expiresAfterPeriods: 1 } })] });
  const report = replay(book, history([customer], [
    ['2025-01-15T00:00:00Z', 'c1', 'call', 30],
    ['2025-03-02T00:00:00Z', 'c1', 'call', 10],
  ]));

  it('carries a capped share of unused included credits into the next period', () => {
    expect(report.customers[0].creditsRolledOver).toBe(100);
    expect(report.customers[0].creditsExpired).toBe(20 + 50 + 50);
    expect(report.months[1].breakageMicros).toBe(usd(2));
    expect(report.months[2].breakageMicros).toBe(usd(10));
    expect(report.months[2].recognisedFromCreditsMicros).toBe(usd(1));
  });

  it('draws rolled credits before the new period’s at the same expiry', () => {
    const entries = materialiseCustomerLedger(book, history([customer], [
      ['2025-01-15T00:00:00Z', 'c1', 'call', 30],
      ['2025-03-02T00:00:00Z', 'c1', 'call', 10],
    ]), 'c1');
    const burn = entries.filter((entry) => entry.kind === 'burn').at(-1);
    expect(burn?.grantKind).toBe('included');
    const rolledGrant = entries.find((entry) => entry.kind === 'rollover' && entry.credits > 0 && entry.atMs === ms('2025-03-01'));
    expect(burn?.grantId).toBe(rolledGrant?.grantId);
  });

  it('caps rollover at a number of credits', () => {
    const capped = testBook({ plans: [monthlyPlan({ rollover: { kind: 'credits', credits: '25', expiresAfterPeriods: 2 } })] });
    const result = replay(capped, history([customer], [
      ['2025-01-15T00:00:00Z', 'c1', 'call', 30],
      ['2025-02-02T00:00:00Z', 'c1', 'call', 110],
    ]));
    // 25 roll on Feb 1 (45 expire); Feb 2 burns 110 of 125 (25 rolled + 85 of Feb's).
    expect(result.customers[0].creditsRolledOver).toBe(25);
    expect(result.customers[0].creditsBurned).toBe(140);
    expect(result.totals.blockedEvents).toBe(0);
  });
});

describe('tiers and rounding', () => {
  const tiered: Feature = {
    key: 'call',
    name: 'API call',
    unitLabel: 'call',
    burnPerUnit: '1',
    tiers: [
      { upToUnits: '100', burnPerUnit: '1' },
      { upToUnits: null, burnPerUnit: '0.5' },
    ],
  };

  it('graduated tiers price units by their place in the billing period', () => {
    // Jan: 80 at 1 = 80; 40 = 20 at 1 + 20 at 0.5 = 30. Feb resets: 150 = 100 + 25 = 125.
    const book = testBook({ features: [tiered], plans: [monthlyPlan({ includedCredits: '1000' })] });
    const report = replay(book, history([customer], [
      ['2025-01-05T00:00:00Z', 'c1', 'call', 80],
      ['2025-01-06T00:00:00Z', 'c1', 'call', 40],
      ['2025-02-06T00:00:00Z', 'c1', 'call', 150],
    ]));
    expect(report.features[0].creditsBurned).toBe(80 + 30 + 125);
  });

  function burnOf(rounding: 'none' | 'up' | 'nearest', quantities: number[]): number {
    const book = testBook({
      features: [{ key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: '0.3', rounding }],
      plans: [monthlyPlan({ includedCredits: '1000' })],
    });
    const events = quantities.map((q, i): [string, string, string, number] => [`2025-01-0${i + 2}T00:00:00Z`, 'c1', 'call', q]);
    return replay(book, history([customer], events)).features[0].creditsBurned;
  }

  it('rounds each event up to a whole credit unit', () => expect(burnOf('up', [1, 1, 1, 1])).toBe(4));
  it('rounds each event half-up to the nearest credit unit', () => {
    expect(burnOf('nearest', [1, 1, 1, 1])).toBe(0);
    expect(burnOf('nearest', [2, 5])).toBe(1 + 2); // 0.6 → 1, 1.5 → 2
  });
  it('without rounding carries the fraction to the next event', () => expect(burnOf('none', [1, 1, 1, 1])).toBe(1));

  it('burns fractional credits at the book’s precision', () => {
    // 1 credit per 1,000 tokens = 0.001 per token at 2 decimals: 1,234 tokens burn 1.23 credits, 0.004 carried.
    const book = testBook({
      creditDecimals: 2,
      features: [{ key: 'tokens', name: 'Tokens', unitLabel: 'token', burnPerUnit: '0.001' }],
      plans: [monthlyPlan({ includedCredits: '100' })],
    });
    const report = replay(book, history([customer], [
      ['2025-01-02T00:00:00Z', 'c1', 'tokens', 1234],
      ['2025-01-03T00:00:00Z', 'c1', 'tokens', 6],
    ]));
    expect(report.features[0].creditsBurned).toBe(124);
  });
});

describe('breakage methods', () => {
  // $100 for 100 credits, expected breakage 20 %: 80 expected to be used.
  const planBook = (breakage: 'at-expiry' | 'proportional') =>
    testBook({
      breakage: breakage === 'at-expiry' ? { method: 'at-expiry' } : { method: 'proportional', expectedRate: '0.2' },
      plans: [monthlyPlan({ fee: '100', includedExpiry: { kind: 'never' } })],
    });
  const usage = (quantity: number) => history([{ ...customer, end: '2025-01-31' }], [['2025-01-05T00:00:00Z', 'c1', 'call', quantity]]);

  it('at expiry recognises breakage only when credits expire', () => {
    const report = replay(planBook('at-expiry'), usage(40));
    expect(report.totals.breakageMicros).toBe(0);
    expect(report.totals.closingLiabilityMicros).toBe(usd(60));
  });

  it('proportionally recognises breakage in step with use (IFRS 15 B46)', () => {
    // 40 used of 80 expected: $50 recognised in all, $40 from burns and $10 of breakage.
    const report = replay(planBook('proportional'), usage(40));
    expect(report.totals.recognisedRevenueMicros).toBe(usd(40));
    expect(report.totals.breakageMicros).toBe(usd(10));
    expect(report.totals.closingLiabilityMicros).toBe(usd(50));
  });

  it('reverses proportional breakage when use passes the estimate', () => {
    // 90 used > 80 expected: all $100 recognised, $90 from burns, so breakage is $10.
    const entries = materialiseCustomerLedger(
      planBook('proportional'),
      history([{ ...customer, end: '2025-01-31' }], [
        ['2025-01-05T00:00:00Z', 'c1', 'call', 80],
        ['2025-01-06T00:00:00Z', 'c1', 'call', 10],
      ]),
      'c1',
    );
    const burns = entries.filter((entry) => entry.kind === 'burn');
    expect(burns.map((entry) => entry.breakageMicros)).toEqual([usd(20), usd(-10)]);
    expect(burns.map((entry) => entry.revenueMicros)).toEqual([usd(80), usd(10)]);
  });
});

describe('consumption order', () => {
  // Included 100 (expires Feb 1), promotional 50 (expires after 60 days), both granted at the start.
  const books = (order: 'soonest-expiry' | 'fifo' | 'by-kind') =>
    testBook({
      consumptionOrder: order,
      plans: [monthlyPlan()],
      promotions: { signUpCredits: '50', expiry: { kind: 'days', days: 60 } },
    });
  const usage = history([customer], [['2025-01-05T00:00:00Z', 'c1', 'call', 30]]);
  const firstBurnKind = (order: 'soonest-expiry' | 'fifo' | 'by-kind') =>
    materialiseCustomerLedger(books(order), usage, 'c1').find((entry) => entry.kind === 'burn')?.grantKind;

  it('soonest-expiring first draws the included credits', () => expect(firstBurnKind('soonest-expiry')).toBe('included'));
  it('first-in-first-out draws the grant made first (the plan, granted before the sign-up credits)', () => expect(firstBurnKind('fifo')).toBe('included'));
  it('by kind draws promotional credits first', () => expect(firstBurnKind('by-kind')).toBe('promotional'));

  it('soonest expiry prefers the promotion when it expires first', () => {
    const book = testBook({ plans: [monthlyPlan()], promotions: { signUpCredits: '50', expiry: { kind: 'days', days: 7 } } });
    expect(materialiseCustomerLedger(book, usage, 'c1').find((entry) => entry.kind === 'burn')?.grantKind).toBe('promotional');
  });

  it('a promotion creates no liability and no revenue', () => {
    const book = books('by-kind');
    const report = replay(book, usage);
    expect(report.features[0].revenueMicros).toBe(0);
    expect(report.totals.closingLiabilityMicros).toBe(usd(10));
  });
});

describe('fees and baselines', () => {
  it('a fee that buys no credits is recognised when charged', () => {
    const book = testBook({ plans: [monthlyPlan({ includedCredits: '0' })], packs: [pack()] });
    const report = replay(book, history([customer], [['2025-01-05T00:00:00Z', 'c1', 'call', 0]]));
    expect(report.months[0].recognisedRevenueMicros).toBe(usd(10));
    expect(report.reconciliation.money.cashAllocatedToCreditsMicros).toBe(0);
  });

  it('reports each customer’s bill change against the baseline', () => {
    const usage = history([customer], [['2025-01-10T00:00:00Z', 'c1', 'call', 120]]);
    const baseline = replay(testBook({ plans: [monthlyPlan({ whenExhausted: { kind: 'overage', pricePerCredit: '0.05' } })] }), usage);
    const candidate = replay(testBook({ plans: [monthlyPlan({ fee: '12', whenExhausted: { kind: 'overage', pricePerCredit: '0.05' } })] }), usage, { baseline });
    expect(candidate.customers[0].billChangeMicros).toBe(usd(2));
    expect(candidate.customers[0].billChangePercent).toBe('+18.18');
    expect(candidate.totals.customersPayingMore).toBe(1);
  });

  it('stops granting when the customer leaves, keeping what was granted until it expires', () => {
    const book = testBook({ plans: [monthlyPlan()] });
    const report = replay(book, history([{ ...customer, end: '2025-02-15' }], [['2025-03-10T00:00:00Z', 'c1', 'call', 1]]));
    expect(report.customers[0].feesMicros).toBe(usd(20));
    expect(report.totals.blockedEvents).toBe(1);
  });
});

describe('determinism', () => {
  it('the same inputs give byte-identical reports', () => {
    const book = testBook({ plans: [monthlyPlan({ rollover: { kind: 'percent', percent: '30', expiresAfterPeriods: 2 } })] });
    const usage = history([customer, { id: 'c2', start: '2025-01-03' }], [
      ['2025-01-05T00:00:00Z', 'c1', 'call', 30],
      ['2025-02-05T00:00:00Z', 'c2', 'call', 3],
      ['2025-03-05T00:00:00Z', 'c1', 'call', 7],
    ]);
    expect(JSON.stringify(replay(book, usage))).toBe(JSON.stringify(replay(book, usage)));
  });
});

describe('adjustments and voids', () => {
  // A pack of 50 for $6 bought Jan 2 (planless); 20 burned ($2.40); Jan 10 the remaining 30 are voided: $3.60 refunded.
  // Jan 12 a goodwill adjustment of 10 credits pays for the next event.
  const book = testBook({ packs: [pack()] });
  const usage = history([{ id: 'c1', start: '2025-01-01' }], [
    ['2025-01-02T00:00:00Z', 'c1', 'call', 20],
    ['2025-01-15T00:00:00Z', 'c1', 'call', 5],
  ]);
  const adjustments = [
    { kind: 'void' as const, customerId: 'c1', atMs: ms('2025-01-10'), grantKind: null },
    { kind: 'grant' as const, customerId: 'c1', atMs: ms('2025-01-12'), credits: 10, priceMicros: 0, expiresAtMs: null },
  ];
  const report = replay(book, usage, { adjustments });

  it('a void refunds the unused remainder of a grant and the identities still hold', () => {
    expect(report.customers[0].creditsVoided).toBe(30);
    expect(report.reconciliation.money.refundedMicros).toBe(usd(3.6));
    expect(report.reconciliation.credits).toMatchObject({ granted: 60, burned: 25, voided: 30, outstanding: 5, holds: true });
  });

  it('an adjustment grant pays for later usage without buying a pack', () => {
    expect(report.customers[0].creditsGrantedAdjustment).toBe(10);
    expect(report.customers[0].packsMicros).toBe(usd(6));
  });

  it('the ledger shows the void and the adjustment as their own entries', () => {
    const kinds = materialiseCustomerLedger(book, usage, 'c1', { adjustments }).map((entry) => `${entry.kind}:${entry.grantKind}`);
    expect(kinds).toEqual(['grant:purchased', 'burn:purchased', 'void:purchased', 'grant:adjustment', 'burn:adjustment']);
  });

  it('an adjustment for an unknown customer is refused with its code', () => {
    expect(() => replay(book, usage, { adjustments: [{ ...adjustments[0], customerId: 'nobody' }] })).toThrow(/customer "nobody"/);
  });
});
