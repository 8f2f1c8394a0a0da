import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../core/engine/decimal/decimal-text';
import { canonicalPriceBookJson } from '../../core/engine/price-book/canonical-json';
import type { PriceBookChange } from '../../core/engine/price-book/diff';
import { diffPriceBooks, percentChangeText } from '../../core/engine/price-book/diff';
import type { Feature, PriceBook } from '../../core/engine/price-book/model';
import { cleanBook } from './book-edits';

const baseline = JSON.parse(readFileSync(new URL('../fixtures/books/ai-baseline.json', import.meta.url), 'utf8')) as PriceBook;

function changed(edit: (book: PriceBook) => void, from: PriceBook = cleanBook()): PriceBookChange[] {
  const after = structuredClone(from);
  edit(after);
  return diffPriceBooks(from, after).changes;
}

const calls: Feature = { key: 'calls', name: 'Calls', unitLabel: 'call', burnPerUnit: '0.2' };

describe('percent change', () => {
  it.each([
    ['1', '1.25', '+25.00%'],
    ['3', '2', '-33.33%'],
    ['0.3', '0.2', '-33.33%'],
    ['49', '59', '+20.41%'],
    ['49', '39', '-20.41%'],
    ['2', '2.005', '+0.25%'],
    ['1', '1.00125', '+0.13%'],
    ['1', '0.99875', '-0.13%'],
    ['8', '8.0001', '+0.00%'],
    ['1', '0.99999', '-0.00%'],
    ['-2', '-1', '+50.00%'],
    ['5000', '6000', '+20.00%'],
    ['0', '5', null],
  ])('from %s to %s is %s', (before, after, expected) => {
    const read = (text: string) => {
      const parsed = parseDecimal(text);
      if (!parsed.ok) throw new Error(text);
      return parsed.value;
    };
    expect(percentChangeText(read(before), read(after))).toBe(expected);
  });
});

describe('price book diff', () => {
  it('finds no change between a book and itself or an equivalent spelling of it', () => {
    expect(diffPriceBooks(baseline, structuredClone(baseline)).changes).toEqual([]);
    expect(changed((book) => {
      book.plans[0].fee = 49;
      book.features[0].burnPerUnit = '1.000';
      book.packs[0].price = '1e1';
    })).toEqual([]);
  });

  it('reports a burn change with its percent change and a sentence', () => {
    expect(changed((book) => { book.features[0].burnPerUnit = '1.25'; })).toEqual([
      {
        path: '$.features[0].burnPerUnit',
        kind: 'changed',
        entity: 'feature',
        key: 'tokens',
        field: 'burnPerUnit',
        before: '1',
        after: '1.25',
        percentChange: '+25.00%',
        summary: 'Feature "tokens": burn per unit 1 → 1.25 credits (+25.00%)',
      },
    ]);
  });

  it('reports prices and included credits with their percent change', () => {
    const changes = changed((book) => {
      book.plans[0].fee = '39';
      book.plans[0].includedCredits = '6000';
      book.plans[0].whenExhausted = { kind: 'overage', pricePerCredit: '0.015' };
      book.packs[0].price = '12.5';
    });
    expect(changes.map((change) => [change.path, change.before, change.after, change.percentChange, change.summary])).toEqual([
      ['$.plans[0].fee', '49', '39', '-20.41%', 'Plan "pro": fee 49.00 → 39.00 USD (-20.41%)'],
      ['$.plans[0].includedCredits', '5000', '6000', '+20.00%', 'Plan "pro": included credits 5000 → 6000 credits (+20.00%)'],
      ['$.plans[0].whenExhausted.pricePerCredit', '0.012', '0.015', '+25.00%', 'Plan "pro": overage price per credit 0.012 → 0.015 USD (+25.00%)'],
      ['$.packs[0].price', '10', '12.5', '+25.00%', 'Pack "small": price 10.00 → 12.50 USD (+25.00%)'],
    ]);
  });

  it('gives no percent change from zero', () => {
    const from = cleanBook();
    from.plans[0].fee = '0';
    expect(changed((book) => { book.plans[0].fee = '10'; }, from)).toMatchObject([
      { percentChange: null, summary: 'Plan "pro": fee 0.00 → 10.00 USD' },
    ]);
  });

  it('matches features by key, not by position', () => {
    const from = cleanBook();
    from.features.push(calls);
    const changes = changed((book) => {
      book.features.reverse();
      book.features[1].burnPerUnit = '2';
    }, from);
    expect(changes).toEqual([
      {
        path: '$.features[1].burnPerUnit',
        kind: 'changed',
        entity: 'feature',
        key: 'tokens',
        field: 'burnPerUnit',
        before: '1',
        after: '2',
        percentChange: '+100.00%',
        summary: 'Feature "tokens": burn per unit 1 → 2 credits (+100.00%)',
      },
      {
        path: '$.features',
        kind: 'changed',
        entity: 'feature',
        key: null,
        field: 'order',
        before: 'tokens, calls',
        after: 'calls, tokens',
        percentChange: null,
        summary: 'Features reordered: tokens, calls → calls, tokens',
      },
    ]);
  });

  it('reports an inserted feature without reporting the ones it moved', () => {
    expect(changed((book) => { book.features.unshift(calls); })).toEqual([
      {
        path: '$.features[0]',
        kind: 'added',
        entity: 'feature',
        key: 'calls',
        field: '',
        before: null,
        after: 'Calls',
        percentChange: null,
        summary: 'Feature "calls" ("Calls") added: burns 0.2 credits per call',
      },
    ]);
  });

  it('reports removed features at their path in the before book', () => {
    const from = cleanBook();
    from.features.push(calls);
    expect(changed((book) => { book.features.shift(); }, from)).toEqual([
      {
        path: '$.features[0]',
        kind: 'removed',
        entity: 'feature',
        key: 'tokens',
        field: '',
        before: 'Tokens',
        after: null,
        percentChange: null,
        summary: 'Feature "tokens" ("Tokens") removed',
      },
    ]);
  });

  it('describes added plans, packs and tiered features', () => {
    const changes = changed((book) => {
      book.features.push({ ...calls, tiers: [{ upToUnits: '1000', burnPerUnit: '0.2' }, { upToUnits: null, burnPerUnit: '0.1' }] });
      book.plans.push({ ...book.plans[0], key: 'team', name: 'Team', fee: '199', includedCredits: '22000' });
      book.packs.push({ key: 'large', name: 'Large', credits: '5000', bonusCredits: '500', price: '45', expiry: { kind: 'never' } });
    });
    expect(changes.map((change) => change.summary)).toEqual([
      'Feature "calls" ("Calls") added: burns by tiers (up to 1000 units: 0.2, beyond: 0.1 credits per unit), per call',
      'Plan "team" ("Team") added: 199.00 USD per month with 22000 credits',
      'Pack "large" ("Large") added: 5000 credits + 500 bonus for 45.00 USD',
    ]);
  });

  it('reports optional fields set and removed', () => {
    const from = cleanBook();
    from.features[0].unitCost = '0.002';
    expect(changed((book) => { book.features[0].unitCost = undefined; book.features[0].rounding = 'up'; }, from)).toEqual([
      {
        path: '$.features[0].rounding',
        kind: 'added',
        entity: 'feature',
        key: 'tokens',
        field: 'rounding',
        before: null,
        after: 'up',
        percentChange: null,
        summary: 'Feature "tokens": rounding set to up',
      },
      {
        path: '$.features[0].unitCost',
        kind: 'removed',
        entity: 'feature',
        key: 'tokens',
        field: 'unitCost',
        before: '0.002',
        after: null,
        percentChange: null,
        summary: 'Feature "tokens": unit cost 0.002 USD removed',
      },
    ]);
  });

  it('compares tiers one by one when their number stays the same', () => {
    const from = cleanBook();
    from.features[0].tiers = [{ upToUnits: '1000', burnPerUnit: '1' }, { upToUnits: null, burnPerUnit: '0.8' }];
    const changes = changed((book) => {
      book.features[0].tiers = [{ upToUnits: '2000', burnPerUnit: '1' }, { upToUnits: null, burnPerUnit: '0.6' }];
    }, from);
    expect(changes.map((change) => [change.path, change.field, change.summary])).toEqual([
      ['$.features[0].tiers[0].upToUnits', 'tiers[0].upToUnits', 'Feature "tokens": tier 1 upper bound 1000 → 2000 units (+100.00%)'],
      ['$.features[0].tiers[1].burnPerUnit', 'tiers[1].burnPerUnit', 'Feature "tokens": tier 2 burn per unit 0.8 → 0.6 credits (-25.00%)'],
    ]);
  });

  it('reports a new tier schedule as one change', () => {
    expect(changed((book) => {
      book.features[0].tiers = [{ upToUnits: '1000', burnPerUnit: '1' }, { upToUnits: null, burnPerUnit: '0.8' }];
    })).toMatchObject([
      {
        path: '$.features[0].tiers',
        kind: 'added',
        field: 'tiers',
        before: null,
        after: 'up to 1000 units: 1, beyond: 0.8 credits per unit',
        summary: 'Feature "tokens": tiers set to up to 1000 units: 1, beyond: 0.8 credits per unit',
      },
    ]);
  });

  it('describes a changed kind of expiry, rollover or exhaustion rule in words', () => {
    const changes = changed((book) => {
      book.plans[0].includedExpiry = { kind: 'days', days: 30 };
      book.plans[0].rollover = { kind: 'percent', percent: '25', expiresAfterPeriods: 1 };
      book.plans[0].whenExhausted = { kind: 'block' };
    });
    expect(changes.map((change) => [change.field, change.summary])).toEqual([
      ['includedExpiry', 'Plan "pro": included credits expire at the end of each period → after 30 days'],
      ['rollover', 'Plan "pro": rollover none → 25% of included credits, expiring after 1 period'],
      ['whenExhausted', 'Plan "pro": when credits run out bill overage at 0.012 USD per credit → block usage'],
    ]);
  });

  it('compares the fields of an expiry or rollover of the same kind', () => {
    const from = cleanBook();
    from.plans[0].includedExpiry = { kind: 'days', days: 30 };
    from.plans[0].rollover = { kind: 'percent', percent: '25', expiresAfterPeriods: 1 };
    const changes = changed((book) => {
      book.plans[0].includedExpiry = { kind: 'days', days: 45 };
      book.plans[0].rollover = { kind: 'percent', percent: '30', expiresAfterPeriods: 2 };
    }, from);
    expect(changes.map((change) => [change.path, change.percentChange, change.summary])).toEqual([
      ['$.plans[0].includedExpiry.days', null, 'Plan "pro": included credits expire after 30 → 45 days'],
      ['$.plans[0].rollover.percent', '+20.00%', 'Plan "pro": rollover percent 25% → 30% (+20.00%)'],
      ['$.plans[0].rollover.expiresAfterPeriods', null, 'Plan "pro": rolled-over credits expire after 1 → 2 periods'],
    ]);
  });

  it('reports book fields first, with each currency when the currency changes', () => {
    const changes = changed((book) => {
      book.name = 'Test book v2';
      book.version = '2025-08';
      book.currency = 'EUR';
      book.plans[0].fee = '59';
    });
    expect(changes.map((change) => [change.entity, change.key, change.summary])).toEqual([
      ['book', null, 'Price book: name "Test book" → "Test book v2"'],
      ['book', null, 'Price book: version label set to "2025-08"'],
      ['book', null, 'Price book: currency USD → EUR'],
      ['plan', 'pro', 'Plan "pro": fee 49.00 USD → 59.00 EUR (+20.41%)'],
    ]);
  });

  it('reports the breakage method and rate', () => {
    const proportional = cleanBook();
    proportional.breakage = { method: 'proportional', expectedRate: '0.1' };
    expect(changed((book) => { book.breakage = proportional.breakage; }).map((change) => change.summary)).toEqual([
      'Price book: breakage at expiry → in proportion to use, expected breakage rate 0.1',
    ]);
    expect(changed((book) => { book.breakage = { method: 'proportional', expectedRate: '0.15' }; }, proportional)).toMatchObject([
      { path: '$.breakage.expectedRate', percentChange: '+50.00%', summary: 'Price book: expected breakage rate 0.1 → 0.15 (+50.00%)' },
    ]);
  });

  it('reports the sign-up promotion added, changed and removed', () => {
    const withPromotion = cleanBook();
    withPromotion.promotions = { signUpCredits: '250', expiry: { kind: 'days', days: 30 } };
    expect(changed((book) => { book.promotions = withPromotion.promotions; })).toEqual([
      {
        path: '$.promotions',
        kind: 'added',
        entity: 'promotions',
        key: null,
        field: '',
        before: null,
        after: 'sign-up credits',
        percentChange: null,
        summary: 'Sign-up promotion added: 250 credits, expiring after 30 days',
      },
    ]);
    expect(changed((book) => { book.promotions = { signUpCredits: '200', expiry: { kind: 'never' } }; }, withPromotion).map((change) => change.summary)).toEqual([
      'Sign-up promotion: sign-up credits 250 → 200 credits (-20.00%)',
      'Sign-up promotion: sign-up credits expire after 30 days → never',
    ]);
    expect(changed((book) => { delete book.promotions; }, withPromotion).map((change) => [change.kind, change.summary])).toEqual([
      ['removed', 'Sign-up promotion removed: 250 credits, expiring after 30 days'],
    ]);
  });

  it('finds changes exactly when the canonical text differs', () => {
    const edits: ((book: PriceBook) => void)[] = [
      (book) => { book.features[0].burnPerUnit = '1.0'; },
      (book) => { book.features[0].burnPerUnit = '1.1'; },
      (book) => { book.features[2].tiers![1].burnPerUnit = 35; },
      (book) => { book.features[2].tiers![1].upToUnits = '3500'; },
      (book) => { book.plans[1].fee = 49; },
      (book) => { book.plans[1].name = 'Pro+'; },
      (book) => { book.plans.reverse(); },
      (book) => { book.packs.pop(); },
      (book) => { book.packs[0].bonusCredits = '0'; },
      (book) => { book.promotions = undefined; },
      (book) => { book.features[1].rounding = undefined; },
      (book) => { book.plans[2].rollover = { kind: 'credits', credits: '10000.00', expiresAfterPeriods: 1 }; },
      (book) => { book.plans[2].rollover = { kind: 'credits', credits: '10000', expiresAfterPeriods: 3 }; },
      (book) => { book.description = undefined; },
    ];
    fc.assert(
      fc.property(fc.subarray(edits.map((_, index) => index)), (chosen) => {
        const after = structuredClone(baseline);
        for (const index of chosen) edits[index](after);
        const same = canonicalPriceBookJson(after) === canonicalPriceBookJson(baseline);
        expect(diffPriceBooks(baseline, after).changes.length === 0).toBe(same);
      }),
      { numRuns: 300 },
    );
  });
});
