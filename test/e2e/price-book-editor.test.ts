import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { EditorPage, ExportPage } from './pages/editor-page';
import { WorkbenchPage } from './pages/workbench-page';
import { launchChromium, newWorkbenchContext } from './support/browser';

const TOKENS_BURN = 'Burn per unit of LLM tokens';
const TOKENS_BURN_PATH = '$.features[0].burnPerUnit';

/** Each test opens the demo (built in the page on a first visit) and takes several steps; the machine is shared. */
const E2E_TEST_TIMEOUT_MS = 90_000;

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

/** The demo workbook (built on a first visit) with its latest AI platform book open in the editor. */
async function editorOnDemo(): Promise<EditorPage> {
  const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
  return EditorPage.show(workbench);
}

describe('the price book editor', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  test('a burn of zero shows core’s sentence at the field and blocks export; fixing it unblocks', async () => {
    const editor = await editorOnDemo();
    expect(await editor.validationHeadline()).toBe('No errors and no warnings: the book is valid.');
    await editor.workbench.screenshot('editor-01-open');

    await editor.type(TOKENS_BURN, '0');
    expect(await editor.issuesAt(TOKENS_BURN_PATH)).toEqual(['Feature "tokens" burns 0 credits per unit; a burn must be greater than zero.']);
    expect(await editor.field(TOKENS_BURN).getAttribute('aria-invalid')).toBe('true');
    expect(await editor.validationHeadline()).toBe('1 error block saving and export.');
    expect(await editor.button('Export…').isDisabled()).toBe(true);
    expect(await editor.button('Save as new version…').isDisabled()).toBe(true);
    await editor.workbench.screenshot('editor-02-burn-zero-error');

    const exporter = await ExportPage.show(editor.workbench);
    expect(await exporter.blockingErrors()).toEqual(['Feature "tokens" burns 0 credits per unit; a burn must be greater than zero.']);
    expect(await exporter.isReady()).toBe(false);
    expect(await editor.page.getByRole('button', { name: 'Save file' }).count()).toBe(0);
    await editor.workbench.screenshot('export-01-blocked');

    await editor.page.getByRole('button', { name: 'Fix them in the editor' }).click();
    await editor.type(TOKENS_BURN, '1.25');
    expect(await editor.issuesAt(TOKENS_BURN_PATH)).toEqual([]);
    expect(await editor.validationHeadline()).toBe('No errors and no warnings: the book is valid.');
    expect(await editor.button('Export…').isEnabled()).toBe(true);
    await editor.button('Export…').click();
    await editor.page.locator('.export-ready').waitFor();
    expect(await exporter.blockingErrors()).toEqual([]);
    expect(await editor.page.getByRole('button', { name: 'Save file' }).isEnabled()).toBe(true);
  });

  test('undo and redo with the keyboard and the buttons', async () => {
    const editor = await editorOnDemo();
    await editor.type(TOKENS_BURN, '2.5');
    await editor.type('Fee of plan Pro', '59.00');
    expect(await editor.draftState()).toMatch(/unsaved changes$/);

    // Typing in one field is one undo step.
    await editor.press('ControlOrMeta+z');
    expect(await editor.field('Fee of plan Pro').inputValue()).toBe('49');
    expect(await editor.field(TOKENS_BURN).inputValue()).toBe('2.5');
    await editor.press('ControlOrMeta+z');
    expect(await editor.field(TOKENS_BURN).inputValue()).toBe('1');
    expect(await editor.draftState()).toMatch(/no changes$/);
    expect(await editor.button('Undo').isDisabled()).toBe(true);

    await editor.press('ControlOrMeta+Shift+z');
    expect(await editor.field(TOKENS_BURN).inputValue()).toBe('2.5');
    await editor.button('Redo').click();
    expect(await editor.field('Fee of plan Pro').inputValue()).toBe('59.00');
    expect(await editor.button('Redo').isDisabled()).toBe(true);
    await editor.button('Undo').click();
    expect(await editor.field('Fee of plan Pro').inputValue()).toBe('49');
    await editor.workbench.screenshot('editor-03-after-undo');
  });

  test('saving a new version shows the changes with their percent first, then adds the version', async () => {
    const editor = await editorOnDemo();
    await editor.type(TOKENS_BURN, '1.25');
    await editor.type('Fee of plan Pro', '59.00');
    const changes = await editor.openSaveVersion();
    expect(changes).toEqual([
      'Feature "tokens": burn per unit 1 → 1.25 credits (+25.00%)',
      'Plan "pro": fee 49.00 → 59.00 USD (+20.41%)',
    ]);
    await editor.workbench.screenshot('editor-04-save-version-diff');

    expect(await editor.saveVersion('tokens 25% dearer, Pro fee up', 4)).toBe('Saved as version 4.');
    expect(await editor.draftState()).toMatch(/^Draft from v4 of 4: no changes$/);
    expect(await editor.button('Save as new version…').isDisabled()).toBe(true);

    await editor.workbench.showScreen('Workbook');
    expect(await editor.workbench.priceBooks()).toEqual(['AI Platform — rollover (ai-platform): 4 versions, latest v4']);
    await editor.workbench.waitUntilSaved();
    await editor.workbench.reload();
    expect(await editor.workbench.priceBooks()).toEqual(['AI Platform — rollover (ai-platform): 4 versions, latest v4']);
  });
});
