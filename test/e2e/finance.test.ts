import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { replay } from '../../core/engine/replay/replay';
import { BOOK_RULES, financeVariant } from '../../renderer/screens/finance/finance-variant';
import { financeMonthRows, financeTotalsRows } from '../../renderer/screens/finance/finance-rows';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { buildScenarioDataset } from '../../scenarios/scenario-dataset';
import { FinancePage } from './pages/finance-page';
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

describe('the Finance screen', () => {
  test('a what-if of proportional breakage and packs that never expire shows the figures core’s replay gives for both books', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const finance = new FinancePage(workbench);
    await finance.open();
    await finance.proportionalBreakage('10');
    await finance.packsNeverExpire();
    await finance.run();

    const book = loadScenarioBooks('ai-platform')[0].book;
    const dataset = buildScenarioDataset('ai-platform', 'small');
    const variant = financeVariant(book, { ...BOOK_RULES, breakage: 'proportional', expectedRatePercent: '10', packExpiry: 'never' });
    if (!variant.ok) throw new Error(variant.problems.join(' '));
    const baseline = replay(book, dataset);
    const what = replay(variant.book, dataset, { baseline });

    const totals = await finance.table('Finance totals');
    expect(totals[0]).toEqual([
      'Figure',
      'AI Platform — baseline (v1)',
      'What if: breakage in proportion to use at 10 %, pack credits never expire',
    ]);
    expect(totals.slice(1)).toEqual(financeTotalsRows([baseline, what], 'en-US'));
    expect((await finance.table('Months: AI Platform — baseline (v1)')).slice(1)).toEqual(financeMonthRows(baseline, 'en-US'));
    await finance.page.getByRole('img', { name: 'Roll-forward: AI Platform — baseline (v1)' }).waitFor();
    await workbench.screenshot('20-finance');
  }, 90_000);
});
