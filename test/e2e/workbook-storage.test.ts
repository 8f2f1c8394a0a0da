import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadSqlJs } from '../../cli/file-store/sql-js-node';
import { closeWorkbook, openWorkbook } from '../../core/workbook/open-workbook';
import { listPriceBooks, readPriceBookVersion } from '../../core/workbook/repositories/price-books';
import { aiBaselineWorkbookBytes, sameBytes } from '../browser-storage/storage-support';
import { WorkbenchPage } from './pages/workbench-page';
import { launchChromium, launchChromiumWithProfile, newProfileFolder, newWorkbenchContext, removeProfileFolder } from './support/browser';

const AI_BOOK_LINE = 'AI Platform — baseline (ai-platform): 1 version, latest v1';

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

/** The books a workbook file holds, each with its canonical JSON, read back with core/workbook in Node. */
async function booksIn(bytes: Uint8Array): Promise<Array<{ id: string; name: string; hash: string; json: string }>> {
  const opened = openWorkbook(bytes, await loadSqlJs());
  if (!opened.ok) throw new Error(opened.problem.message);
  const { workbook } = opened.value;
  try {
    return listPriceBooks(workbook).map((book) => {
      const version = readPriceBookVersion(workbook, book.id, null);
      if (!version.ok) throw new Error(version.problem.message);
      return { id: book.id, name: book.name, hash: version.value.contentHash, json: version.value.canonicalJson };
    });
  } finally {
    closeWorkbook(workbook);
  }
}

async function workbenchWithAiBook(tabsOf: BrowserContext = context): Promise<{ workbench: WorkbenchPage; uploaded: Uint8Array }> {
  const workbench = await WorkbenchPage.open(tabsOf, inject('webAppUrl'));
  const uploaded = await aiBaselineWorkbookBytes();
  await workbench.upload('ai-platform.cwb', uploaded);
  return { workbench, uploaded };
}

describe('the workbook in the browser', () => {
  test('a first visit opens the AI/ML platform demo, built into a new workbook and saved', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    expect(await workbench.heading()).toBe('Credit Workbench');
    expect(await workbench.status()).toBe(
      'New workbook with the built-in AI/ML platform demo: the scenario "AI/ML platform (small)" with 500 customers and 100,000 events.',
    );
    expect(await workbench.problem()).toBeNull();
    expect(await workbench.priceBooks()).toEqual(['AI Platform — rollover (ai-platform): 3 versions, latest v3']);
    expect(await workbench.datasets()).toEqual(['AI/ML platform (small): 500 customers, 100,000 events']);
    expect(await workbench.scenarios()).toEqual(['AI/ML platform (small): baseline and 2 candidates']);
    expect(await workbench.emptyText('runs')).toBe('No runs yet: run a comparison on the Compare screen.');
    await workbench.screenshot('01-first-visit-demo');

    await workbench.reload();
    expect(await workbench.status()).toMatch(/^Workbook opened from this browser's storage \(saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);
    expect(await workbench.datasets()).toEqual(['AI/ML platform (small): 500 customers, 100,000 events']);
  });

  test('an uploaded workbook is listed, and is still there after a reload', async () => {
    const { workbench } = await workbenchWithAiBook();
    expect(await workbench.status()).toMatch(
      /^Workbook uploaded from "ai-platform\.cwb" and saved in this browser \(saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/,
    );
    expect(await workbench.problem()).toBeNull();
    expect(await workbench.priceBooks()).toEqual([AI_BOOK_LINE]);
    await workbench.screenshot('02-uploaded-workbook');

    await workbench.reload();
    expect(await workbench.status()).toMatch(/^Workbook opened from this browser's storage \(saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);
    expect(await workbench.priceBooks()).toEqual([AI_BOOK_LINE]);
    await workbench.screenshot('03-reloaded-workbook');
  });

  test('the workbook is still there after the browser is closed and started again', async () => {
    const profile = await newProfileFolder();
    try {
      const first = await launchChromiumWithProfile(profile);
      await workbenchWithAiBook(first);
      await first.close();
      const second = await launchChromiumWithProfile(profile);
      try {
        const workbench = await WorkbenchPage.open(second, inject('webAppUrl'));
        expect(await workbench.status()).toMatch(/^Workbook opened from this browser's storage/);
        expect(await workbench.priceBooks()).toEqual([AI_BOOK_LINE]);
      } finally {
        await second.close();
      }
    } finally {
      await removeProfileFolder(profile);
    }
  });

  test('a downloaded workbook is a .cwb file that reopens with the same books', async () => {
    const { workbench, uploaded } = await workbenchWithAiBook();
    await workbench.reload();
    const downloaded = await workbench.download();
    expect(downloaded.fileName).toMatch(/^credit-workbench-\d{4}-\d\d-\d\d\.cwb$/);
    const books = await booksIn(downloaded.bytes);
    expect(books.map((book) => [book.id, book.name])).toEqual([['ai-platform', 'AI Platform — baseline']]);
    expect(books).toEqual(await booksIn(uploaded));
  });

  test('a text file is refused with a clear sentence and the stored workbook stays as it was', async () => {
    const { workbench, uploaded } = await workbenchWithAiBook();
    const statusBefore = await workbench.status();
    await workbench.upload('notes.txt', new TextEncoder().encode('customer,plan\nacme,pro\n'));
    expect(await workbench.problem()).toBe(
      '"notes.txt" was not loaded. The file is not a Credit Workbench workbook: it is not an SQLite database. ' +
        'The workbook in this browser is unchanged.',
    );
    expect(await workbench.status()).toBe(statusBefore);
    expect(await workbench.priceBooks()).toEqual([AI_BOOK_LINE]);
    await workbench.screenshot('04-refused-upload');

    await workbench.reload();
    expect(await workbench.problem()).toBeNull();
    expect(await workbench.priceBooks()).toEqual([AI_BOOK_LINE]);
    expect(sameBytes((await workbench.download()).bytes, uploaded)).toBe(true);
  });
});
