import { writeFile, mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { ComparePage } from './pages/compare-page';
import { SCREENSHOT_FOLDER, WorkbenchPage } from './pages/workbench-page';
import { launchChromium, newWorkbenchContext } from './support/browser';
import { LARGE_CUSTOMER_COUNT, largeWorkbookBytes } from './support/large-workbook';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await newWorkbenchContext(browser);
});

afterAll(async () => {
  await context.close();
  await browser.close();
});

/** Milliseconds from `act` until the page has painted what `settled` waits for. */
async function timed(act: () => Promise<void>, settled: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await act();
  await settled();
  return Date.now() - started;
}

describe('the Compare screen with 50,000 customers', () => {
  test('the customer table sorts, filters and scrolls with only the rows in view drawn', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    await workbench.upload('large.cwb', await largeWorkbookBytes());
    const compare = new ComparePage(workbench);
    await compare.open();
    await compare.run();
    const { page } = compare;
    const table = compare.customerTable();
    expect(await table.getAttribute('aria-rowcount')).toBe(String(LARGE_CUSTOMER_COUNT + 1));
    // Virtualised: a screenful of rows (plus overscan) exists, never 50,000.
    expect((await compare.visibleCustomerIds()).length).toBeLessThan(60);

    const firstCell = () => table.locator('[role="row"].table-row [role="cell"]').first().innerText();
    const sortMs = await timed(
      () => table.getByRole('button', { name: /^Change/ }).first().click(),
      () => page.waitForFunction(() => document.querySelector('[aria-label="Customers"] [aria-sort="descending"], [aria-label="Customers"] [aria-sort="ascending"]') !== null).then(() => undefined),
    );
    const biggestCut = await firstCell();
    const filterMs = await timed(
      () => compare.filterCustomers('ai_49999'),
      () => page.waitForFunction(() => document.querySelectorAll('[aria-label="Customers"] [role="row"].table-row').length === 1).then(() => undefined),
    );
    await compare.filterCustomers('');
    const scrollMs = await timed(
      () => table.evaluate((element) => element.scrollTo({ top: element.scrollHeight })),
      () => page.waitForFunction(() => Number(document.querySelector('[aria-label="Customers"] [role="row"].table-row:last-child')?.getAttribute('aria-rowindex')) > 49_000).then(() => undefined),
    );
    await mkdir(SCREENSHOT_FOLDER, { recursive: true });
    await writeFile(`${SCREENSHOT_FOLDER}/customer-table-50000-timings.json`, `${JSON.stringify({ sortMs, filterMs, scrollMs, firstAfterSort: biggestCut }, null, 2)}\n`);
    await workbench.screenshot('14-compare-50000-customers');
    // Generous bounds for a loaded two-core machine; the timings file says how it really went.
    expect(sortMs).toBeLessThan(5_000);
    expect(filterMs).toBeLessThan(5_000);
    expect(scrollMs).toBeLessThan(5_000);
  }, 180_000);
});
