import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { materialiseCustomerLedger, replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { formatMoney } from '../../renderer/components/amount-format';
import { headlineRows } from '../../renderer/screens/compare/compare-rows';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { buildScenarioDataset } from '../../scenarios/scenario-dataset';
import { ComparePage } from './pages/compare-page';
import { WorkbenchPage } from './pages/workbench-page';
import { launchChromium, newWorkbenchContext } from './support/browser';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  context = await newWorkbenchContext(browser);
});

afterEach(async () => {
  await context.close();
});

/** What core's replay gives for the demo the page builds: the AI/ML platform's three books over its small dataset. */
function demoReports(): { reports: ReplayReport[]; books: ReturnType<typeof loadScenarioBooks>; dataset: ReturnType<typeof buildScenarioDataset> } {
  const books = loadScenarioBooks('ai-platform');
  const dataset = buildScenarioDataset('ai-platform', 'small');
  const baseline = replay(books[0].book, dataset);
  const reports = [baseline, ...books.slice(1).map((book) => replay(book.book, dataset, { baseline }))];
  return { reports, books, dataset };
}

describe('the Compare screen', () => {
  test('a comparison of the demo’s three books shows the figures core’s replay gives, and says what a replay cannot know', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const compare = new ComparePage(workbench);
    await compare.open();
    expect(await compare.limitsNote()).toContain('It cannot know how customers would have reacted to the new prices');
    await workbench.screenshot('10-compare-choice');
    await compare.run('shortcut');

    const { reports } = demoReports();
    const expected = headlineRows(reports).map((row) => [row.figure, ...row.values]);
    const shown = await compare.figureTable('Headline figures');
    expect(shown[0]).toEqual(['Figure', 'AI Platform — baseline (v1)', 'AI Platform — rebalance (v2)', 'AI Platform — rollover (v3)']);
    expect(shown.slice(1)).toEqual(expected);
    // Read independently of the page's row builder: the cash each book collected, as core computed it.
    expect(shown[1].slice(1)).toEqual(reports.map((report) => formatMoney(report.totals.cashMicros, 'USD')));
    expect(await compare.resultsLine()).toMatch(/^Run #1, .*500 customers and 100,000 events, 2025-01-01 to 2026-01-01 \(end exclusive\), money in USD\.$/);
    await workbench.screenshot('11-compare-results');

    await workbench.showScreen('Workbook');
    expect(await workbench.runs()).toEqual([expect.stringMatching(/^Run #1 of "AI\/ML platform \(small\)" \(3 books\), .* UTC Open$/)]);
  }, 90_000);

  test('a customer’s ledger opens from the customer table, entry by entry as core materialises it', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const compare = new ComparePage(workbench);
    await compare.open();
    await compare.run();
    const { books, dataset, reports } = demoReports();
    const customerId = reports[0].customers[3].id;
    await compare.filterCustomers(customerId);
    await compare.page.waitForFunction(
      (id) => Array.from(document.querySelectorAll('[aria-label="Customers"] [role="row"].table-row')).every((row) => row.textContent?.includes(id)),
      customerId,
    );
    expect(await compare.visibleCustomerIds()).toEqual([customerId]);
    await compare.openLedger(customerId);
    const entries = materialiseCustomerLedger(books[1].book, dataset, customerId, { toMs: reports[1].toMs });
    const ledger = compare.ledgerTable(customerId);
    expect(await ledger.getAttribute('aria-rowcount')).toBe(String(entries.length + 1));
    await compare.page.getByRole('img', { name: `Balance of ${customerId} over time` }).waitFor();
    await workbench.screenshot('12-customer-ledger');
  }, 90_000);
});
