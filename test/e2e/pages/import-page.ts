// The Usage import screen as the tests see it: files picked through the browser's file chooser, the dataset name,
// the import, and what it says: the outcome sentence and the problems by file, line and column.

import type { Page } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export class ImportPage {
  readonly page: Page;

  constructor(private readonly workbench: WorkbenchPage) {
    this.page = workbench.page;
  }

  async open(): Promise<void> {
    await this.workbench.showScreen('Import');
    await this.page.getByRole('heading', { name: 'Usage import' }).waitFor();
  }

  /** Picks a file for the customers or events panel, as a person does after clicking its button. */
  async pick(which: 'Customers file' | 'Events file', fileName: string, text: string): Promise<void> {
    const panel = this.page.getByRole('region', { name: which });
    const chooser = this.page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: /^Choose/ }).click();
    await (await chooser).setFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await panel.getByText(fileName, { exact: false }).first().waitFor();
  }

  async previewRows(which: 'Customers file' | 'Events file'): Promise<string[][]> {
    return this.page
      .getByRole('table', { name: `${which}: first rows` })
      .locator('tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => (cell.textContent ?? '').trim())));
  }

  async setName(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Dataset name' }).fill(name);
  }

  /** Imports and waits for the outcome sentence. */
  async importFiles(): Promise<string> {
    const before = await this.outcomeText();
    await this.page.getByRole('button', { name: 'Import dataset' }).click();
    await this.page.waitForFunction((previous) => {
      const text = document.getElementById('import-outcome')?.textContent ?? null;
      return text !== null && text !== previous;
    }, before);
    return (await this.outcomeText()) ?? '';
  }

  private async outcomeText(): Promise<string | null> {
    const outcome = this.page.locator('#import-outcome');
    return (await outcome.count()) === 0 ? null : outcome.innerText();
  }

  /** The problems table as rows of [file, line, column, field, problem]. */
  async problems(): Promise<string[][]> {
    return this.page
      .getByRole('table', { name: 'Import problems' })
      .locator('[role="row"].table-row')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('[role="cell"]'), (cell) => (cell.textContent ?? '').trim())));
  }
}
