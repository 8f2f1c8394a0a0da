import { describe, expect, it } from 'vitest';

import { priceBookContentHash } from '../../core/engine/price-book/export';
import type { PriceBook } from '../../core/engine/price-book/model';
import { validatePriceBook } from '../../core/engine/price-book/validate';
import { DEFAULT_SCENARIO_SLUG, findScenario, SCENARIO_CATALOG } from '../../scenarios/catalog';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { SCENARIO_SOURCES } from '../../scenarios/scenario-sources';

const slugs = SCENARIO_CATALOG.map((entry) => entry.slug);

/** The parts of a book a candidate may change, compared as JSON. */
function changedParts(baseline: PriceBook, candidate: PriceBook): string[] {
  const parts = ['features', 'plans', 'packs', 'promotions', 'consumptionOrder', 'breakage', 'creditDecimals', 'currency'] as const;
  return parts.filter((part) => JSON.stringify(baseline[part]) !== JSON.stringify(candidate[part]));
}

describe('the scenario catalog', () => {
  it('lists the nine businesses, each with its own folder of books and usage', () => {
    expect(slugs).toEqual(['design-tool', 'email-marketing', 'data-enrichment', 'scheduling', 'pdf-api', 'video-platform', 'analytics', 'ci-cd', 'ai-platform']);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(Object.keys(SCENARIO_SOURCES)).toContain(slug);
    expect(Object.keys(SCENARIO_SOURCES)).toHaveLength(slugs.length);
  });

  it('has exactly one default, the AI/ML platform', () => {
    expect(SCENARIO_CATALOG.filter((entry) => entry.isDefault).map((entry) => entry.slug)).toEqual(['ai-platform']);
    expect(DEFAULT_SCENARIO_SLUG).toBe('ai-platform');
  });

  it('finds a scenario by slug and nothing for an unknown name', () => {
    expect(findScenario('ci-cd')?.name).toBe('CI/CD');
    expect(findScenario('CI/CD')).toBeNull();
    expect(findScenario('')).toBeNull();
  });

  it.each(SCENARIO_CATALOG.map((entry) => [entry.slug, entry] as const))('%s: what a credit buys is what its baseline burns', (slug, entry) => {
    const baseline = loadScenarioBooks(slug)[0].book;
    const feature = baseline.features.find((candidate) => candidate.key === entry.headline.featureKey);
    expect(feature).toBeDefined();
    expect(feature?.burnPerUnit).toBe(entry.headline.burnPerUnit);
    // Tiers would replace the flat burn, and the sentence would no longer be the whole truth.
    expect(feature?.tiers).toBeUndefined();
    expect(entry.creditBuys).toMatch(new RegExp(`^${entry.headline.burnPerUnit} credits? = `));
  });
});

describe.each(slugs)('the %s books', (slug) => {
  const books = loadScenarioBooks(slug);
  const baseline = books[0].book;
  const usage = SCENARIO_SOURCES[slug].usage;

  it('are a baseline and at least two candidates, each with a question', () => {
    expect(books.map((book) => book.role)).toEqual(['baseline', ...books.slice(1).map(() => 'candidate')]);
    expect(books.length).toBeGreaterThanOrEqual(3);
    for (const book of books) expect(book.question).toMatch(/^[A-Z].{40,}\?$/);
  });

  it('validate with no errors and no warnings', () => {
    for (const { name, book } of books) {
      const validation = validatePriceBook(book);
      expect({ name, errors: validation.errors, warnings: validation.warnings }).toEqual({ name, errors: [], warnings: [] });
    }
  });

  it('share one book id and each candidate changes something', () => {
    const hashes = books.map(({ book }) => priceBookContentHash(book));
    expect(new Set(hashes).size).toBe(books.length);
    for (const { book } of books) expect(book.id).toBe(slug);
    for (const { book } of books.slice(1)) expect(changedParts(baseline, book).length).toBeGreaterThan(0);
  });

  it('price every feature and plan the usage generator produces', () => {
    for (const { book } of books) {
      const featureKeys = new Set(book.features.map((feature) => feature.key));
      const planKeys = new Set(book.plans.map((plan) => plan.key));
      for (const feature of usage.features) expect(featureKeys).toContain(feature.key);
      for (const plan of usage.plans) if (plan.planKey !== '') expect(planKeys).toContain(plan.planKey);
    }
  });

  it('keep each candidate to the kind of change its name says', () => {
    for (const { name, book } of books.slice(1)) {
      const parts = changedParts(baseline, book);
      if (name === 'rebalance') expect(parts).toEqual(['features']);
      else if (name === 'trial-credits') expect(parts).toEqual(['promotions']);
      else if (name === 'pack-ladder') expect(parts).toEqual(['packs']);
      else expect(['rollover', 'expiry', 'annual-pool']).toContain(name);
    }
  });
});

describe('loadScenarioBooks', () => {
  it('hands out copies, so editing one book never changes the next load', () => {
    const first = loadScenarioBooks('design-tool')[0].book;
    first.features[0].burnPerUnit = '99';
    expect(loadScenarioBooks('design-tool')[0].book.features[0].burnPerUnit).toBe('1');
  });

  it('spreads the four kinds of candidate across the scenarios', () => {
    const names = slugs.flatMap((slug) => loadScenarioBooks(slug).slice(1).map((book) => book.name));
    const count = (kind: string): number => names.filter((name) => name === kind).length;
    expect(count('rebalance')).toBeGreaterThanOrEqual(3);
    expect(count('pack-ladder')).toBeGreaterThanOrEqual(3);
    expect(count('trial-credits')).toBeGreaterThanOrEqual(3);
    expect(count('rollover') + count('expiry') + count('annual-pool')).toBeGreaterThanOrEqual(3);
  });
});
