import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { replay } from '../../core/engine/replay/replay';
import type { ReplayReport } from '../../core/engine/report/report-model';
import { formatMoney } from '../../renderer/components/amount-format';
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
  // A German browser: the page should write numbers the German way without being told.
  context = await newWorkbenchContext(browser, 'de-DE');
});

afterEach(async () => {
  await context.close();
});

/** The demo's baseline as core replays it: the AI/ML platform's first book over its small dataset. */
function demoBaseline(): ReplayReport {
  return replay(loadScenarioBooks('ai-platform')[0].book, buildScenarioDataset('ai-platform', 'small'));
}

describe('numbers in the user’s locale', () => {
  test('a German browser reads the comparison’s money the German way until the user picks en-US, which is remembered', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const chooser = workbench.page.getByRole('combobox', { name: 'Number format' });
    expect(await chooser.inputValue()).toBe('system');
    expect(await chooser.locator('option:checked').innerText()).toBe('System (de-DE): 1.234.567,89');

    const compare = new ComparePage(workbench);
    await compare.open();
    await compare.run();
    const cashMicros = demoBaseline().totals.cashMicros;
    const cashRow = async (): Promise<string[]> => (await compare.figureTable('Headline figures')).find((row) => row[0] === 'Cash paid') ?? [];
    const german = formatMoney(cashMicros, 'USD', 'de-DE');
    // "12.345,67 $": a point between thousands, a comma before the cents, the dollar sign after a no-break space.
    expect(german).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}\u00a0\$$/);
    expect((await cashRow())[1]).toBe(german);
    expect(await compare.resultsLine()).toContain('500 customers and 100.000 events');
    await workbench.screenshot('15-compare-results-de-DE');

    // Changing the choice redraws the figures at once, without a new run.
    await chooser.selectOption('en-US');
    const american = formatMoney(cashMicros, 'USD', 'en-US');
    expect(american).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
    await workbench.page.getByRole('table', { name: 'Headline figures', exact: true }).getByText(american, { exact: true }).first().waitFor();
    expect((await cashRow())[1]).toBe(american);
    expect(await compare.resultsLine()).toContain('500 customers and 100,000 events');
    await workbench.screenshot('16-compare-results-en-US-chosen');

    // The choice is remembered: after a reload the German browser still gets US numbers.
    await workbench.reload();
    expect(await workbench.page.getByRole('combobox', { name: 'Number format' }).inputValue()).toBe('en-US');
  }, 120_000);
});
