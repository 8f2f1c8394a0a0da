import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePriceBook } from '../../core/engine/price-book/validate';

const text = readFileSync(new URL('../fixtures/books/ai-baseline.json', import.meta.url), 'utf8');

describe('the ai-baseline example book', () => {
  it('validates with no errors and no warnings', () => {
    const result = validatePriceBook(JSON.parse(text));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('prices an AI platform: tokens at 1 credit per 1,000, four plans over months and years, three packs', () => {
    const book = validatePriceBook(JSON.parse(text)).book;
    expect(book?.features.map((feature) => feature.key)).toEqual([
      'tokens', 'inference-calls', 'fine-tuning-minutes', 'embeddings', 'image-generations',
    ]);
    expect(book?.features[0]).toMatchObject({ unitLabel: '1,000 tokens', burnPerUnit: '1' });
    expect(book?.plans.map((plan) => [plan.key, plan.period])).toEqual([
      ['free', 'month'], ['pro', 'month'], ['team', 'year'], ['enterprise', 'year'],
    ]);
    expect(new Set(book?.plans.map((plan) => plan.whenExhausted.kind))).toEqual(new Set(['block', 'overage', 'auto-top-up', 'negative-balance']));
    expect(book?.packs.map((pack) => pack.key)).toEqual(['starter', 'growth', 'scale']);
    expect(book?.promotions?.signUpCredits).toBe('250');
  });
});
