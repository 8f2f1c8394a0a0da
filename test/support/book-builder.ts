// A minimal valid price book for rule tests; each test overrides only what its rule needs.

import type { Pack, Plan, PriceBook } from '../../core/engine/price-book/model';

export function testBook(overrides: Partial<PriceBook> = {}): PriceBook {
  return {
    schemaVersion: 1,
    id: 'test',
    name: 'Test book',
    currency: 'USD',
    creditDecimals: 0,
    consumptionOrder: 'soonest-expiry',
    breakage: { method: 'at-expiry' },
    features: [{ key: 'call', name: 'API call', unitLabel: 'call', burnPerUnit: '1' }],
    plans: [],
    packs: [],
    ...overrides,
  };
}

export function monthlyPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    key: 'pro',
    name: 'Pro',
    period: 'month',
    fee: '10',
    includedCredits: '100',
    includedExpiry: { kind: 'end-of-period' },
    rollover: { kind: 'none' },
    whenExhausted: { kind: 'block' },
    ...overrides,
  };
}

export function pack(overrides: Partial<Pack> = {}): Pack {
  return { key: 'p50', name: '50 credits', credits: '50', price: '6', expiry: { kind: 'never' }, ...overrides };
}

/** Dollars to micros, for readable expectations. */
export function usd(amount: number): number {
  return Math.round(amount * 1_000_000);
}
