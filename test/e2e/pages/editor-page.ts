// The Price books (editor) and Export screens as the tests see them: fields found by their accessible names, the
// issues core shows under a field found by the field's JSON path, and the actions a person takes. Actions wait for
// what they cause to show, never for a fixed time.

import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { DownloadedFile, WorkbenchPage } from './workbench-page';

export class EditorPage {
  private constructor(
    readonly workbench: WorkbenchPage,
    readonly page: Page,
  ) {}

  /** Shows the Price books screen and waits for the first book's draft to be open. */
  static async show(workbench: WorkbenchPage): Promise<EditorPage> {
    await workbench.showScreen('Price books');
    const editor = new EditorPage(workbench, workbench.page);
    await editor.page.getByRole('heading', { name: 'Price book editor' }).waitFor();
    await editor.page.locator('.validation-summary').waitFor();
    return editor;
  }

  field(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** Types into a field as a person does: select what is there, then type the new text. */
  async type(name: string, text: string): Promise<void> {
    const field = this.field(name);
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially(text);
  }

  /** The sentences shown under the field at a JSON path. */
  issuesAt(path: string): Promise<string[]> {
    return this.page.locator(`.field[data-path="${path}"] .field-issue`).allInnerTexts();
  }

  validationHeadline(): Promise<string> {
    return this.page.locator('.validation-headline').innerText();
  }

  draftState(): Promise<string> {
    return this.page.locator('.draft-state').innerText();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Opens "Save as new version…" and reads the changes listed against the latest version. */
  async openSaveVersion(): Promise<string[]> {
    await this.button('Save as new version…').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog.locator('.change-list li').allInnerTexts();
  }

  /** Writes the note and saves; returns the notice the editor shows. */
  async saveVersion(note: string, versionNumber: number): Promise<string> {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(note);
    await dialog.getByRole('button', { name: `Save version ${versionNumber}` }).click();
    await dialog.waitFor({ state: 'detached' });
    return this.page.locator('.editor-toolbar .notice').innerText();
  }
}

export class ExportPage {
  private constructor(readonly page: Page) {}

  static async show(workbench: WorkbenchPage): Promise<ExportPage> {
    await workbench.showScreen('Export');
    const page = new ExportPage(workbench.page);
    await page.page.getByRole('heading', { name: 'Export a price book' }).waitFor();
    return page;
  }

  /** Picks the source by the start of its label in the list ("The editor's draft", "AI Platform — rollover (ai-platform) v3"). */
  async pick(labelStart: string): Promise<void> {
    const select = this.page.getByRole('combobox', { name: 'Price book to export' });
    const options = await select.locator('option').all();
    for (const option of options) {
      const text = await option.innerText();
      if (text.startsWith(labelStart)) {
        await select.selectOption({ label: text });
        return;
      }
    }
    throw new Error(`no export source starts with "${labelStart}"`);
  }

  async chooseForm(form: 'book' | 'envelope'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Export form' }).selectOption(form);
  }

  /** The errors that block the export, or [] when the book is valid. */
  blockingErrors(): Promise<string[]> {
    return this.page.locator('.export-blocked .issue').allInnerTexts();
  }

  async isReady(): Promise<boolean> {
    return (await this.page.locator('.export-ready').count()) > 0;
  }

  contentHash(): Promise<string> {
    return this.page.locator('.content-hash').innerText();
  }

  async save(): Promise<DownloadedFile> {
    const started = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Save file', exact: true }).click();
    const download = await started;
    const failure = await download.failure();
    if (failure !== null) throw new Error(`the download failed: ${failure}`);
    return { fileName: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
  }

  changesSinceLastExport(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Changes since the last export' }).locator('li').allInnerTexts();
  }

  lastExportText(): Promise<string> {
    return this.page.locator('.export-ready > p.hint, .export-ready > p:not(.notice):not(.problem)').first().innerText();
  }
}
