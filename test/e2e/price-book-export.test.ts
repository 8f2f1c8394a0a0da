import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { sha256HexOfText } from '../../core/engine/hash/sha256';
import { exportEnvelope, exportPriceBook } from '../../core/engine/price-book/export';
import type { PriceBook } from '../../core/engine/price-book/model';
import { loadScenarioBooks } from '../../scenarios/scenario-books';
import { EditorPage, ExportPage } from './pages/editor-page';
import { WorkbenchPage } from './pages/workbench-page';
import { launchChromium, newWorkbenchContext } from './support/browser';

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

/** The demo's latest AI platform book (v3, the rollover candidate), as core reads it in Node. */
function latestDemoBook(): PriceBook {
  const books = loadScenarioBooks('ai-platform');
  return books[books.length - 1].book;
}

/** The lines of the book's past exports, newest first. */
function pastExports(exporter: ExportPage): Promise<string[]> {
  return exporter.page.locator('.export-history-list li').allInnerTexts();
}

async function shownRevision(exporter: ExportPage): Promise<number> {
  return Number((await exporter.page.locator('body').getAttribute('data-workbook-revision')) ?? '0');
}

/** When the newest past export was made, as the list shows it. */
async function exportTime(exporter: ExportPage): Promise<string> {
  const [newest] = await pastExports(exporter);
  return newest.split(' · ')[0];
}

function exported(result: ReturnType<typeof exportPriceBook>) {
  if (!result.ok) throw new Error(result.errors[0].message);
  return result;
}

describe('exporting a price book', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  test('a stored version is saved as canonical JSON whose hash is core’s exportPriceBook hash of the same book', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const exporter = await ExportPage.show(workbench);
    await exporter.pick('AI Platform — rollover (ai-platform) v3');
    const expected = exported(exportPriceBook(latestDemoBook()));
    expect(await exporter.contentHash()).toBe(expected.contentHash);

    const file = await exporter.save();
    const text = new TextDecoder().decode(file.bytes);
    expect(file.fileName).toBe(expected.fileName);
    expect(text).toBe(expected.json);
    expect(sha256HexOfText(text)).toBe(expected.contentHash);
    await workbench.screenshot('export-02-stored-version');

    await exporter.chooseForm('envelope');
    const envelope = await exporter.save();
    const envelopeExpected = exported(exportEnvelope(latestDemoBook()));
    expect(new TextDecoder().decode(envelope.bytes)).toBe(envelopeExpected.json);
    expect(JSON.parse(new TextDecoder().decode(envelope.bytes))).toMatchObject({ contentHash: expected.contentHash });

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('webAppUrl')).origin });
    await exporter.page.getByRole('button', { name: 'Copy to clipboard', exact: true }).click();
    // The clipboard is written asynchronously; until then the notice still tells of the file saved before.
    await exporter.page.locator('.export-ready .notice', { hasText: /^Copied / }).waitFor();
    expect(await exporter.page.locator('.export-ready .notice').innerText()).toBe(`Copied ${envelopeExpected.fileName} to the clipboard.`);
    expect(await exporter.page.evaluate(() => navigator.clipboard.readText())).toBe(envelopeExpected.json);
  });

  test('the editor’s draft is exported with its edits, and the next export lists what changed since', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const editor = await EditorPage.show(workbench);
    await editor.button('Export…').click();
    const exporter = await ExportPage.show(workbench);
    expect(await exporter.lastExportText()).toBe('This book has not been exported yet, so there is nothing to compare with.');
    const first = await exporter.save();
    expect(sha256HexOfText(new TextDecoder().decode(first.bytes))).toBe(exported(exportPriceBook(latestDemoBook())).contentHash);

    await EditorPage.show(workbench);
    await editor.type('Burn per unit of Embeddings', '0.06');
    await editor.button('Export…').click();
    await exporter.page.locator('.export-ready').waitFor();
    expect(await exporter.changesSinceLastExport()).toEqual(['Feature "embeddings": burn per unit 0.05 → 0.06 credits (+20.00%)']);
    const edited = latestDemoBook();
    edited.features = edited.features.map((feature) => (feature.key === 'embeddings' ? { ...feature, burnPerUnit: '0.06' } : feature));
    const expected = exported(exportPriceBook(edited));
    expect(await exporter.contentHash()).toBe(expected.contentHash);
    await workbench.screenshot('export-03-draft-with-changes');

    const second = await exporter.save();
    expect(new TextDecoder().decode(second.bytes)).toBe(expected.json);
    // The download starts before the page has re-read the record it just wrote.
    await exporter.page.locator('.export-history-list li').nth(1).waitFor();
    expect(await exporter.lastExportText()).toMatch(/^Same content as the last export \(ai-platform-2025-10-expiry-[0-9a-f]{12}\.json, saved \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/);
  });

  test('an export is recorded in the workbook: after a reload and a new version, the diff is against the export made before', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const exporter = await ExportPage.show(workbench);
    await exporter.pick('AI Platform — rollover (ai-platform) v3');
    expect(await pastExports(exporter)).toEqual([]);
    const revisionBefore = await shownRevision(exporter);
    const first = await exporter.save();
    const expected = exported(exportPriceBook(latestDemoBook()));
    expect(first.fileName).toBe(expected.fileName);
    const recordedLine = new RegExp(
      `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC · ${expected.contentHash.slice(0, 12)} · ${expected.fileName.replaceAll('.', '\\.')} · saved as a file, book JSON, v3$`,
    );
    await exporter.page.locator('.export-history-list li').first().waitFor();
    expect(await pastExports(exporter)).toEqual([expect.stringMatching(recordedLine)]);

    // The record is a change to the workbook: it is stored, and is there after a reload. The body's attributes follow
    // the store after React's commit, so wait for the change itself to be shown as saved, not for "saved" alone.
    await exporter.page.waitForFunction(
      (before) => Number(document.body.dataset.workbookRevision ?? '0') > before && document.body.dataset.saveState === 'saved',
      revisionBefore,
    );
    await workbench.reload();
    const editor = await EditorPage.show(workbench);
    await editor.type('Burn per unit of Embeddings', '0.06');
    await editor.openSaveVersion();
    expect(await editor.saveVersion('embeddings dearer', 4)).toBe('Saved as version 4.');

    const afterReload = await ExportPage.show(workbench);
    await afterReload.pick('AI Platform — rollover (ai-platform) v4');
    await afterReload.page.locator('.export-ready').waitFor();
    expect(await afterReload.changesSinceLastExport()).toEqual(['Feature "embeddings": burn per unit 0.05 → 0.06 credits (+20.00%)']);
    expect(await afterReload.lastExportText()).toBe(`Changes since the last export (${expected.fileName}, saved ${await exportTime(afterReload)}): 1`);
    expect(await pastExports(afterReload)).toEqual([expect.stringMatching(recordedLine)]);
    await workbench.screenshot('export-04-diff-to-export-before-reload');

    const second = await afterReload.save();
    await afterReload.page.locator('.export-history-list li').nth(1).waitFor();
    const lines = await pastExports(afterReload);
    expect(lines[0]).toContain(`${sha256HexOfText(new TextDecoder().decode(second.bytes)).slice(0, 12)} · ${second.fileName} · saved as a file, book JSON, v4`);
    expect(lines[1]).toMatch(recordedLine);
    expect(await afterReload.lastExportText()).toBe(`Same content as the last export (${second.fileName}, saved ${await exportTime(afterReload)}).`);
  });
});
