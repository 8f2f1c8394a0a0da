import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
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

describe('the Workbook screen', () => {
  test('a built-in scenario is built into the workbook, saved with Ctrl+S, and still there after a reload', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const { page } = workbench;
    await page.getByRole('combobox', { name: 'Business' }).selectOption('pdf-api');
    await page.getByRole('button', { name: 'Build scenario' }).click();
    await page.getByRole('status').filter({ hasText: 'Built the scenario' }).waitFor();
    expect(await workbench.status()).toBe('Built the scenario "PDF generation API (small)" with 500 customers and 100,000 events into the workbook.');
    expect(await workbench.scenarios()).toEqual(['AI/ML platform (small): baseline and 2 candidates', 'PDF generation API (small): baseline and 2 candidates']);
    await page.keyboard.press('Control+s');
    await workbench.waitUntilSaved();
    expect(await page.locator('.save-indicator').innerText()).toMatch(/^Saved \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    await workbench.screenshot('05-workbook-two-scenarios');

    // Building the same scenario again is refused in a sentence, and adds nothing.
    await page.getByRole('button', { name: 'Build scenario' }).click();
    await page.getByRole('alert').waitFor();
    expect(await workbench.problem()).toBe('The workbook already has the scenario "PDF generation API (small)"; it was not built again.');

    await workbench.reload();
    expect(await workbench.scenarios()).toHaveLength(2);
    expect(await workbench.datasets()).toEqual(['AI/ML platform (small): 500 customers, 100,000 events', 'PDF generation API (small): 500 customers, 100,000 events']);
  }, 90_000);
});
