// The Rebalance screen as the tests see it: burns by feature (slider and typed value), the what-if, and the
// comparison table, read once it has been replayed for the inputs on screen.

import type { Locator, Page } from 'playwright-core';
import type { WorkbenchPage } from './workbench-page';

export class RebalancePage {
  private constructor(readonly page: Page) {}

  static async show(workbench: WorkbenchPage): Promise<RebalancePage> {
    await workbench.showScreen('Rebalance');
    const page = new RebalancePage(workbench.page);
    await page.waitForComparison();
    return page;
  }

  /** Waits until the comparison on show was replayed from the inputs on show. */
  async waitForComparison(): Promise<void> {
    await this.page.locator('section[data-result="current"]').waitFor({ timeout: 20_000 });
  }

  burnField(featureName: string): Locator {
    return this.page.getByRole('textbox', { name: `Burn per unit of ${featureName}`, exact: true });
  }

  slider(featureName: string): Locator {
    return this.page.getByRole('slider', { name: `Burn slider for ${featureName}`, exact: true });
  }

  /** Types a burn; the comparison goes stale at once and is current again after its replay. */
  async typeBurn(featureName: string, text: string): Promise<void> {
    const field = this.burnField(featureName);
    await field.fill(text);
    await this.page.locator('section[data-result="current"]').waitFor({ state: 'detached' });
    await this.waitForComparison();
  }

  async applyWhatIf(featureName: string, percent: string): Promise<string> {
    await this.page.getByRole('combobox', { name: 'What-if feature' }).selectOption({ label: featureName });
    await this.page.getByRole('textbox', { name: 'What-if percent' }).fill(percent);
    await this.page.getByRole('button', { name: /^Apply to / }).click();
    return this.page.locator('.notice').innerText();
  }

  /** The comparison as rows of text: the figure's name, then one value per column. */
  async figures(): Promise<string[][]> {
    const rows = await this.page.getByRole('table', { name: 'Rebalance comparison' }).locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim())));
  }

  async columns(): Promise<string[]> {
    return this.page.getByRole('table', { name: 'Rebalance comparison' }).locator('thead th').allInnerTexts();
  }
}
