// Every scenario's small history replayed against each of its books: the ledger identities hold, each candidate
// changes the outcome, and trial users spend only their free credits.

import { describe, expect, it } from 'vitest';

import { replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { SCENARIO_CATALOG } from '../../scenarios/catalog';
import { TRIAL_SEGMENT } from '../../scenarios/generator/customer-cohort';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { buildScenarioDataset } from '../../scenarios/scenario-dataset';

describe.each(SCENARIO_CATALOG.map((entry) => entry.slug))('the %s scenario replayed (small)', (slug) => {
  const dataset = buildScenarioDataset(slug, 'small');
  const books = loadScenarioBooks(slug);
  const reports = new Map<string, ReplayReport>();
  const baselineReport = replay(books[0].book, dataset);
  reports.set(books[0].name, baselineReport);
  for (const { name, book } of books.slice(1)) reports.set(name, replay(book, dataset, { baseline: baselineReport }));

  it('keeps the credit and money identities under every book', () => {
    for (const [name, report] of reports) {
      expect({ name, credits: report.reconciliation.credits.holds, money: report.reconciliation.money.holds }).toEqual({ name, credits: true, money: true });
      expect(report.eventCount).toBe(dataset.eventCount);
    }
  });

  it('gives every candidate an outcome that differs from the baseline', () => {
    for (const { name } of books.slice(1)) {
      const report = reports.get(name);
      const changed =
        report !== undefined &&
        (report.totals.cashMicros !== baselineReport.totals.cashMicros ||
          report.totals.creditsGranted !== baselineReport.totals.creditsGranted ||
          report.totals.creditsBurned !== baselineReport.totals.creditsBurned ||
          report.totals.breakageMicros !== baselineReport.totals.breakageMicros);
      expect({ name, changed }).toEqual({ name, changed: true });
    }
  });

  it('has trial users who never convert: most get only promotional credits and pay nothing', () => {
    const trials = baselineReport.customers.filter((customer) => customer.segment === TRIAL_SEGMENT);
    const neverConverted = trials.filter(
      (customer) =>
        customer.creditsGrantedPromotional > 0 &&
        customer.creditsGrantedIncluded === 0 &&
        customer.creditsGrantedPurchased === 0 &&
        customer.cashMicros === 0,
    );
    expect(trials.length).toBeGreaterThanOrEqual(0.1 * baselineReport.customerCount);
    expect(neverConverted.length).toBeGreaterThanOrEqual(0.8 * trials.length);
  });

  it('makes paying customers pay: fees, packs and some customers running dry', () => {
    expect(baselineReport.totals.feesMicros).toBeGreaterThan(0);
    expect(baselineReport.totals.packsMicros).toBeGreaterThan(0);
    expect(baselineReport.totals.customersRanDry).toBeGreaterThan(0);
    expect(baselineReport.totals.creditsBurned).toBeGreaterThan(0);
  });
});
