// The workbench page as the tests see it: the shell's nav between screens, and on the Workbook screen what a person
// reads (status, the refusal, the lists) and does (upload through the file picker, download through the browser's
// download). Actions wait for the page to have rendered their outcome, never for a fixed time.

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export const SCREENSHOT_FOLDER = 'test-output/e2e';

export interface DownloadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export class WorkbenchPage {
  private constructor(readonly page: Page) {}

  /** Opens the workbench in the context's first tab and waits until its workbook is open. */
  static async open(context: BrowserContext, url: string): Promise<WorkbenchPage> {
    const page = context.pages()[0] ?? (await context.newPage());
    const workbench = new WorkbenchPage(page);
    await page.goto(url);
    await workbench.waitUntilReady(0);
    return workbench;
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady(0);
  }

  /** Shows a screen by its nav label ("Workbook", "Compare", …). */
  async showScreen(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label, exact: true }).click();
  }

  /** Waits until the workbook's latest change is stored in the browser. */
  async waitUntilSaved(): Promise<void> {
    await this.page.waitForFunction(() => document.body.dataset.saveState === 'saved');
  }

  heading(): Promise<string> {
    return this.page.getByRole('heading', { level: 1 }).innerText();
  }

  status(): Promise<string> {
    return this.page.getByRole('status').innerText();
  }

  /** The refusal or warning shown, or null when there is none. */
  async problem(): Promise<string | null> {
    const alert = this.page.getByRole('alert');
    return (await alert.isVisible()) ? alert.innerText() : null;
  }

  priceBooks(): Promise<string[]> {
    return this.listed('price-books');
  }

  datasets(): Promise<string[]> {
    return this.listed('datasets');
  }

  scenarios(): Promise<string[]> {
    return this.listed('scenarios');
  }

  runs(): Promise<string[]> {
    return this.listed('runs');
  }

  /** The lines of a list, or its "nothing yet" line when it is empty. */
  async emptyText(listId: 'price-books' | 'datasets' | 'scenarios' | 'runs'): Promise<string | null> {
    const empty = this.page.locator(`#${listId} li.empty`);
    return (await empty.count()) === 0 ? null : empty.innerText();
  }

  /** Picks a file in the browser's file chooser, as a person does after clicking "Upload workbook". */
  async upload(fileName: string, bytes: Uint8Array): Promise<void> {
    const before = await this.revision();
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Upload workbook' }).click();
    await (await chooser).setFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await this.waitUntilReady(before);
  }

  async download(): Promise<DownloadedFile> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Download workbook' }));
  }

  /** Clicks something that starts a download (an export button) and returns the file the browser saved. */
  async downloadFrom(trigger: Locator): Promise<DownloadedFile> {
    const started = this.page.waitForEvent('download');
    await trigger.click();
    const download = await started;
    const failure = await download.failure();
    if (failure !== null) throw new Error(`the download failed: ${failure}`);
    return { fileName: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(SCREENSHOT_FOLDER, { recursive: true });
    const path = join(SCREENSHOT_FOLDER, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  private listed(listId: string): Promise<string[]> {
    return this.page.locator(`#${listId} li:not(.empty)`).allInnerTexts();
  }

  private async revision(): Promise<number> {
    return Number((await this.page.locator('body').getAttribute('data-workbook-revision')) ?? '0');
  }

  /** Waits for a render after `afterRevision` with the page idle again. */
  private async waitUntilReady(afterRevision: number): Promise<void> {
    await this.page.waitForFunction(
      (after) => document.body.dataset.workbookState === 'ready' && Number(document.body.dataset.workbookRevision ?? '0') > after,
      afterRevision,
    );
  }
}
