import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { materialiseCustomerLedger, replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { formatMoney } from '../../renderer/components/amount-format';
import { headlineRows } from '../../renderer/screens/compare/compare-rows';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { buildScenarioDataset } from '../../scenarios/scenario-dataset';
import { runCli } from '../../cli/main';
import { memoryIo } from '../cli/memory-io';
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

/** `credit-workbench replay --workbook W --scenario "AI/ML platform (small)" --format json [extra]`, run on the bytes. */
async function cliReports(workbookBytes: Uint8Array, extra: string[]): Promise<ReplayReport[]> {
  const io = memoryIo({ 'page.cwb': workbookBytes });
  const code = await runCli(['replay', '--workbook', 'page.cwb', '--scenario', 'AI/ML platform (small)', '--format', 'json', ...extra], io);
  if (code !== 0) throw new Error(`the CLI exited ${code}: ${io.err()}`);
  return (JSON.parse(io.out()) as { reports: ReplayReport[] }).reports;
}

describe('the Compare screen', () => {
  test('a comparison of the demo’s three books shows the figures core’s replay and the CLI give, and says what a replay cannot know', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const compare = new ComparePage(workbench);
    await compare.open();
    expect(await compare.limitsNote()).toContain('It cannot know how customers would have reacted to the new prices');
    await workbench.screenshot('10-compare-choice');
    await compare.run('shortcut');

    const { reports } = demoReports();
    const expected = headlineRows(reports, 'en-US').map((row) => [row.figure, ...row.values]);
    const shown = await compare.figureTable('Headline figures');
    expect(shown[0]).toEqual(['Figure', 'AI Platform — baseline (v1)', 'AI Platform — rebalance (v2)', 'AI Platform — rollover (v3)']);
    expect(shown.slice(1)).toEqual(expected);
    // Read independently of the page's row builder: the cash each book collected, as core computed it.
    expect(shown[1].slice(1)).toEqual(reports.map((report) => formatMoney(report.totals.cashMicros, 'USD', 'en-US')));
    expect(await compare.resultsLine()).toMatch(/^Run #1, .*500 customers and 100,000 events, 2025-01-01 to 2026-01-01 \(end exclusive\), money in USD\.$/);
    await workbench.screenshot('11-compare-results');

    await workbench.showScreen('Workbook');
    expect(await workbench.runs()).toEqual([expect.stringMatching(/^Run #1 of "AI\/ML platform \(small\)" \(3 books\), .* UTC Open$/)]);

    // The run is kept in the workbook: after a reload it reopens as it was, without replaying.
    await workbench.waitUntilSaved();
    await workbench.reload();
    expect(await workbench.runs()).toHaveLength(1);
    await workbench.page.getByRole('button', { name: 'Open run #1' }).click();
    await compare.page.getByRole('heading', { name: 'Results' }).waitFor();
    expect((await compare.figureTable('Headline figures')).slice(1)).toEqual(expected);
    await workbench.screenshot('13-compare-reopened-run');

    // The CLI, given the workbook the page saved, reads the page's run exactly and replays the same figures.
    await workbench.showScreen('Workbook');
    const saved = await workbench.download();
    const recorded = await cliReports(saved.bytes, ['--latest']);
    const replayed = await cliReports(saved.bytes, []);
    expect(JSON.stringify(recorded)).toBe(JSON.stringify(replayed));
    expect(headlineRows(replayed, 'en-US').map((row) => [row.figure, ...row.values])).toEqual(expected);
  }, 120_000);

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

    // Tables export what they show as CSV; charts export as PNG.
    const csv = await workbench.downloadFrom(compare.page.getByRole('region', { name: 'Customers' }).getByRole('button', { name: 'Export CSV' }));
    expect(csv.fileName).toBe('customers.csv');
    const lines = new TextDecoder().decode(csv.bytes).replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Customer,Plan,Segment,Baseline cash,Candidate cash,Change,Change %,Blocked,Ran dry');
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith(`${customerId},`)).toBe(true);
    const png = await workbench.downloadFrom(compare.page.locator('figure', { hasText: 'Bill change histogram' }).getByRole('button', { name: 'Export PNG' }));
    expect(png.fileName).toBe('bill-change-histogram.png');
    expect(Array.from(png.bytes.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  }, 90_000);
});
