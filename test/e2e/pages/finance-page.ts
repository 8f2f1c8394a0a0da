// The Finance screen as the tests see it: the book, the what-if rules, the run, and the tables it shows.

import type { Page } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export class FinancePage {
  readonly page: Page;

  constructor(private readonly workbench: WorkbenchPage) {
    this.page = workbench.page;
  }

  async open(): Promise<void> {
    await this.workbench.showScreen('Finance');
    await this.page.getByRole('heading', { name: 'Finance', exact: true }).waitFor();
  }

  async proportionalBreakage(percent: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Breakage', exact: true }).selectOption('proportional');
    await this.page.getByRole('textbox', { name: 'Expected breakage rate (%)' }).fill(percent);
  }

  async packsNeverExpire(): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Pack credits expire', exact: true }).selectOption('never');
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run finance replay' }).click();
    await this.page.getByRole('table', { name: 'Finance totals' }).waitFor({ timeout: 60_000 });
  }

  async table(title: string): Promise<string[][]> {
    return this.page
      .getByRole('table', { name: title, exact: true })
      .locator('tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => (cell.textContent ?? '').trim())));
  }
}
