// Seeded simulation over random books and histories: the ledger identities hold exactly, replay is deterministic,
// and no balance goes below zero where the policy blocks. A failure prints its seed and path to replay it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../core/engine/ledger/ledger-invariants';
import type { Feature, Pack, Plan, PriceBook } from '../../core/engine/price-book/model';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { replay } from '../../core/engine/replay/replay';
import type { LedgerAdjustment } from '../../core/engine/replay/replay-types';
import { buildDataset } from '../../core/engine/usage/build-dataset';
import type { UsageDataset } from '../../core/engine/usage/dataset';

const DAY = 86_400_000;
const JAN_2025 = Date.UTC(2025, 0, 1);

const decimal = (maxDigits: number, decimals: number) =>
  fc.integer({ min: 1, max: 10 ** maxDigits }).map((n) => (decimals === 0 ? String(n) : (n / 10 ** decimals).toFixed(decimals)));

const featureArb = (key: string): fc.Arbitrary<Feature> =>
  fc.record({
    burn: decimal(4, 2),
    tiered: fc.boolean(),
    bound: fc.integer({ min: 1, max: 500 }),
    tierBurn: decimal(3, 3),
    rounding: fc.constantFrom('none' as const, 'up' as const, 'nearest' as const),
  }).map(({ burn, tiered, bound, tierBurn, rounding }) => ({
    key,
    name: key,
    unitLabel: 'unit',
    burnPerUnit: burn,
    rounding,
    ...(tiered ? { tiers: [{ upToUnits: String(bound), burnPerUnit: burn }, { upToUnits: null, burnPerUnit: tierBurn }] } : {}),
  }));

const packArb = (key: string, creditDecimals: number): fc.Arbitrary<Pack> =>
  fc.record({
    credits: fc.integer({ min: 1, max: 2000 }),
    bonus: fc.integer({ min: 0, max: 200 }),
    cents: fc.integer({ min: 0, max: 50_000 }),
    days: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  }).map(({ credits, bonus, cents, days }) => ({
    key,
    name: key,
    credits: (credits / 10 ** Math.min(creditDecimals, 1)).toString(),
    bonusCredits: String(bonus),
    price: (cents / 100).toFixed(2),
    expiry: days === null ? { kind: 'never' as const } : { kind: 'days' as const, days },
  }));

const planArb = (key: string, packKeys: string[]): fc.Arbitrary<Plan> =>
  fc.record({
    period: fc.constantFrom('month' as const, 'year' as const),
    cents: fc.integer({ min: 0, max: 100_000 }),
    included: fc.integer({ min: 0, max: 5000 }),
    expiry: fc.oneof(
      fc.constant({ kind: 'end-of-period' as const }),
      fc.integer({ min: 1, max: 400 }).map((days) => ({ kind: 'days' as const, days })),
      fc.constant({ kind: 'never' as const }),
    ),
    rollover: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.record({ percent: fc.integer({ min: 0, max: 100 }).map(String), expiresAfterPeriods: fc.integer({ min: 1, max: 3 }) }).map((r) => ({ kind: 'percent' as const, ...r })),
      fc.record({ credits: fc.integer({ min: 0, max: 1000 }).map(String), expiresAfterPeriods: fc.integer({ min: 1, max: 3 }) }).map((r) => ({ kind: 'credits' as const, ...r })),
    ),
    policy: fc.integer({ min: 0, max: 3 }),
    overage: decimal(3, 3),
    threshold: fc.integer({ min: 0, max: 300 }),
    limit: fc.integer({ min: 0, max: 500 }),
    packIndex: fc.nat(),
  }).map((p) => {
    const policies: Plan['whenExhausted'][] = [
      { kind: 'block' },
      { kind: 'overage', pricePerCredit: p.overage },
      packKeys.length > 0 ? { kind: 'auto-top-up', packKey: packKeys[p.packIndex % packKeys.length], thresholdCredits: String(p.threshold) } : { kind: 'block' },
      { kind: 'negative-balance', limitCredits: String(p.limit) },
    ];
    return {
      key,
      name: key,
      period: p.period,
      fee: (p.cents / 100).toFixed(2),
      includedCredits: String(p.included),
      includedExpiry: p.expiry,
      rollover: p.expiry.kind === 'end-of-period' ? p.rollover : { kind: 'none' as const },
      whenExhausted: policies[p.policy],
    };
  });

const bookArb: fc.Arbitrary<PriceBook> = fc
  .record({
    creditDecimals: fc.integer({ min: 0, max: 3 }),
    featureCount: fc.integer({ min: 1, max: 3 }),
    packCount: fc.integer({ min: 0, max: 3 }),
    planCount: fc.integer({ min: 0, max: 3 }),
    order: fc.constantFrom('soonest-expiry' as const, 'fifo' as const, 'by-kind' as const),
    proportional: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
    promotion: fc.option(fc.record({ credits: fc.integer({ min: 1, max: 500 }), days: fc.integer({ min: 1, max: 90 }) }), { nil: null }),
  })
  .chain((shape) => {
    const packKeys = Array.from({ length: shape.packCount }, (_, i) => `pack${i}`);
    return fc.record({
      features: fc.tuple(...Array.from({ length: shape.featureCount }, (_, i) => featureArb(`f${i}`))),
      packs: shape.packCount === 0 ? fc.constant([]) : fc.tuple(...packKeys.map((key) => packArb(key, shape.creditDecimals))),
      plans: shape.planCount === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: shape.planCount }, (_, i) => planArb(`plan${i}`, packKeys))),
    }).map(({ features, packs, plans }): PriceBook => ({
      schemaVersion: 1,
      id: 'random',
      name: 'Random book',
      currency: 'USD',
      creditDecimals: shape.creditDecimals,
      consumptionOrder: shape.order,
      breakage: shape.proportional === null ? { method: 'at-expiry' } : { method: 'proportional', expectedRate: (shape.proportional / 100).toFixed(2) },
      features: [...features],
      plans: [...plans],
      packs: [...packs],
      ...(shape.promotion ? { promotions: { signUpCredits: String(shape.promotion.credits), expiry: { kind: 'days' as const, days: shape.promotion.days } } } : {}),
    }));
  });

interface RandomHistory {
  corrections: { customer: number; dayOffset: number; kind: number; credits: number }[];
  customers: { plan: number; startDay: number; endDay: number | null }[];
  events: { customer: number; dayOffset: number; msOffset: number; feature: number; quantity: number }[];
}

const historyArb: fc.Arbitrary<RandomHistory> = fc.record({
  corrections: fc.array(
    fc.record({ customer: fc.nat(), dayOffset: fc.integer({ min: 0, max: 200 }), kind: fc.integer({ min: 0, max: 5 }), credits: fc.integer({ min: 1, max: 300 }) }),
    { maxLength: 3 },
  ),
  customers: fc.array(
    fc.record({ plan: fc.integer({ min: -1, max: 2 }), startDay: fc.integer({ min: 0, max: 90 }), endDay: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }) }),
    { minLength: 1, maxLength: 4 },
  ),
  events: fc.array(
    fc.record({
      customer: fc.nat(),
      dayOffset: fc.integer({ min: 0, max: 400 }),
      msOffset: fc.integer({ min: 0, max: DAY - 1 }),
      feature: fc.nat(),
      quantity: fc.oneof(fc.integer({ min: 0, max: 400 }).map((n) => n * 1_000_000), fc.integer({ min: 0, max: 50_000_000 })),
    }),
    { maxLength: 40 },
  ),
});

function toDataset(book: PriceBook, random: RandomHistory): UsageDataset {
  const customers = random.customers;
  const startMs = customers.map((c) => JAN_2025 + c.startDay * DAY);
  const events = random.events.map((e) => {
    const customer = e.customer % customers.length;
    return { customer, time: startMs[customer] + e.dayOffset * DAY + e.msOffset, feature: e.feature % book.features.length, quantity: e.quantity };
  });
  return buildDataset(
    {
      ids: customers.map((_, i) => `c${i}`),
      planKeys: customers.map((c) => (c.plan < 0 || book.plans.length === 0 ? '' : book.plans[c.plan % book.plans.length].key)),
      startMs: Float64Array.from(startMs),
      endMs: Float64Array.from(customers.map((c, i) => (c.endDay === null ? Infinity : startMs[i] + c.endDay * DAY))),
      segments: customers.map(() => ''),
    },
    book.features.map((feature) => feature.key),
    {
      count: events.length,
      timeMs: Float64Array.from(events.map((e) => e.time)),
      customerIndex: Uint32Array.from(events.map((e) => e.customer)),
      featureIndex: Uint16Array.from(events.map((e) => e.feature)),
      quantityMicros: Float64Array.from(events.map((e) => e.quantity)),
    },
  );
}

describe('seeded simulation of random books and histories', () => {
  it('every identity holds exactly, replays are identical, and blocking plans never go below zero', () => {
    fc.assert(
      fc.property(bookArb, historyArb, (book, random) => {
        const validation = validatePriceBook(book);
        if (!validation.ok) throw new Error(`generated an invalid book: ${validation.errors.map((e) => e.message).join('; ')}`);
        const dataset = toDataset(book, random);
        const kinds = [null, 'included', 'purchased', 'promotional', 'adjustment'] as const;
        const adjustments: LedgerAdjustment[] = random.corrections.map((correction) => {
          const customer = correction.customer % random.customers.length;
          const atMs = dataset.customers.startMs[customer] + correction.dayOffset * DAY;
          const customerId = `c${customer}`;
          return correction.kind === 5
            ? { kind: 'grant', customerId, atMs, credits: correction.credits, priceMicros: correction.credits * 10_000, expiresAtMs: atMs + 30 * DAY }
            : { kind: 'void', customerId, atMs, grantKind: kinds[correction.kind] };
        });
        const report = replay(book, dataset, { adjustments });
        expect(findInvariantViolations(report)).toEqual([]);
        expect(report.reconciliation.credits.holds).toBe(true);
        expect(report.reconciliation.money.holds).toBe(true);
        expect(JSON.stringify(replay(book, dataset, { adjustments }))).toBe(JSON.stringify(report));
        for (const customer of report.customers) {
          const plan = book.plans.find((p) => p.key === customer.planKey);
          if (plan === undefined || plan.whenExhausted.kind !== 'negative-balance') {
            expect(customer.creditsNegativeBalance).toBe(0);
            expect(customer.creditsEndingBalance).toBeGreaterThanOrEqual(0);
          }
          expect(customer.creditsBurned).toBeGreaterThanOrEqual(0);
        }
        for (const month of report.months) {
          expect(month.closingLiabilityMicros).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 20_261_125, numRuns: 2000 },
    );
  });
});
