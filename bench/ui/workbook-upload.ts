// Uploads a workbook file through the Workbook screen's "Upload workbook" picker, as a person does, and waits until
// the page has opened and stored it. The file goes by path: Playwright refuses in-memory files over 50 MB, and the
// bench's workbook is larger.

import type { Page } from 'playwright-core';

export async function uploadWorkbookFile(page: Page, filePath: string, timeoutMs: number): Promise<void> {
  const before = Number((await page.locator('body').getAttribute('data-workbook-revision')) ?? '0');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload workbook' }).click();
  await (await chooser).setFiles(filePath);
  // A refused file shows its reason in #workbook-problem and leaves the revision alone: stop on either.
  await page.waitForFunction(
    (after) =>
      document.querySelector('#workbook-problem') !== null ||
      (document.body.dataset.workbookState === 'ready' && Number(document.body.dataset.workbookRevision ?? '0') > after),
    before,
    { timeout: timeoutMs, polling: 100 },
  );
  const problem = page.locator('#workbook-problem');
  if ((await problem.count()) > 0) throw new Error(`the page refused the bench workbook: ${await problem.innerText()}`);
}
