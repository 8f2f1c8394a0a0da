// The Compare screen as the tests see it: the choice of books and dataset, the run with its progress, the headline
// figures as a grid of text, the customer table and the ledger drill-down.

import type { Locator, Page } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export class ComparePage {
  readonly page: Page;

  constructor(private readonly workbench: WorkbenchPage) {
    this.page = workbench.page;
  }

  async open(): Promise<void> {
    await this.workbench.showScreen('Compare');
    await this.page.getByRole('heading', { name: 'Compare price books' }).waitFor();
  }

  limitsNote(): Promise<string> {
    return this.page.locator('#replay-limits').innerText();
  }

  /** Runs the comparison as chosen, by the keyboard shortcut or the button, and waits for the results. */
  async run(how: 'button' | 'shortcut' = 'button'): Promise<void> {
    const results = this.page.getByRole('heading', { name: 'Results' });
    const before = await this.runLabel();
    if (how === 'button') await this.page.getByRole('button', { name: 'Run comparison' }).click();
    else await this.page.keyboard.press('Control+Enter');
    await results.waitFor({ timeout: 60_000 });
    await this.page.waitForFunction(
      (previous) => {
        const text = document.querySelector('[aria-labelledby="results-heading"] .hint')?.textContent ?? '';
        return text !== '' && !text.startsWith(previous ?? '\u0000');
      },
      before,
      { timeout: 60_000 },
    );
  }

  private async runLabel(): Promise<string | null> {
    const hint = this.page.locator('[aria-labelledby="results-heading"] .hint').first();
    return (await hint.count()) === 0 ? null : (await hint.innerText()).split(',')[0];
  }

  /** The line above the results, once the run has been written to the workbook (it follows the first paint). */
  async resultsLine(): Promise<string> {
    const line = this.page.locator('[aria-labelledby="results-heading"] .hint').first();
    await line.filter({ hasNotText: /^Recording in the workbook/ }).waitFor();
    return line.innerText();
  }

  /** A figure table (by its aria-label) as rows of cell texts, header first. */
  async figureTable(title: string): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: title, exact: true });
    return table.locator('tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => (cell.textContent ?? '').trim())));
  }

  customerTable(): Locator {
    return this.page.getByRole('table', { name: 'Customers', exact: true });
  }

  /** The customer rows now rendered (the table is virtualised: only rows in view exist). */
  async visibleCustomerIds(): Promise<string[]> {
    return this.customerTable()
      .locator('[role="row"].table-row')
      .evaluateAll((rows) => rows.map((row) => (row.querySelector('[role="cell"]')?.textContent ?? '').trim()));
  }

  async filterCustomers(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter Customers' }).fill(text);
  }

  async openLedger(customerId: string): Promise<void> {
    await this.customerTable().locator('[role="row"].table-row', { hasText: customerId }).first().click();
    await this.page.getByRole('heading', { name: new RegExp(`^Ledger of ${customerId} under`) }).waitFor();
  }

  ledgerTable(customerId: string): Locator {
    return this.page.getByRole('table', { name: `Ledger entries of ${customerId}`, exact: true });
  }
}
