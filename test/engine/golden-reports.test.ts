// Golden reports: the replay of fixed inputs must give exactly the committed JSON. A change of any figure shows up
// here as a diff to read; when the change is intended, regenerate with UPDATE_GOLDEN=1 npx vitest run test/engine.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PriceBook } from '../../core/engine/price-book/model';
import { replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { readCustomers } from '../../core/engine/usage/customers-reader';
import { readEvents } from '../../core/engine/usage/events-reader';
import type { UsageDataset } from '../../core/engine/usage/dataset';
import { AI_PLATFORM_DEMO_BOOKS } from '../../scenarios/ai-platform/demo-books';
import { aiPlatformDemoUsageConfig } from '../../scenarios/ai-platform/demo-usage';
import { generateUsage } from '../../scenarios/generator/generate-usage';

const root = join(__dirname, '..', '..');
const books = AI_PLATFORM_DEMO_BOOKS as PriceBook[];

function compareWithGolden(name: string, value: unknown): void {
  const path = join(root, 'test', 'golden', name);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

function replayAll(dataset: UsageDataset): ReplayReport[] {
  const baseline = replay(books[0], dataset);
  return [baseline, ...books.slice(1).map((book) => replay(book, dataset, { baseline }))];
}

describe('golden reports', () => {
  it('the fixture history gives the committed reports, customer by customer', () => {
    const customers = readCustomers(readFileSync(join(root, 'test/fixtures/usage/ai-customers.csv')), 'ai-customers.csv');
    if (!customers.ok) throw new Error(customers.errors[0].message);
    const events = readEvents(readFileSync(join(root, 'test/fixtures/usage/ai-events.csv')), 'ai-events.csv', {
      customers: customers.customers,
      knownFeatures: books[0].features.map((feature) => feature.key),
    });
    if (!events.ok) throw new Error(events.errors[0].message);
    compareWithGolden('ai-fixture-reports.json', replayAll(events.dataset));
  });

  it('the seeded demo year gives the committed totals, features and months for each book', () => {
    const reports = replayAll(generateUsage(aiPlatformDemoUsageConfig()));
    compareWithGolden(
      'ai-demo-summary.json',
      reports.map((report) => ({ book: report.book, totals: report.totals, features: report.features, months: report.months, reconciliation: report.reconciliation })),
    );
  });
});
