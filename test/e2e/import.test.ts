import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { ImportPage } from './pages/import-page';
import { WorkbenchPage } from './pages/workbench-page';
import { launchChromium, newWorkbenchContext } from './support/browser';

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

const CUSTOMERS = 'customer_id,plan,start\nacme,pro,2025-01-01T00:00:00Z\nglobex,free,2025-01-01T00:00:00Z\n';
const BAD_EVENTS = 'time,customer_id,feature,quantity\n2025-01-02T00:00:00Z,acme,tokens,5\n2025-01-03T00:00:00Z,acme,tokens,five\n2025-01-04T00:00:00Z,globex,tokens,1\n';
const FIXED_EVENTS = BAD_EVENTS.replace('tokens,five', 'tokens,5.5');

describe('the Usage import screen', () => {
  test('a bad line is shown with its line and column and nothing is imported; fixed, the files import and survive a reload', async () => {
    const workbench = await WorkbenchPage.open(context, inject('webAppUrl'));
    const datasetsBefore = await workbench.datasets();
    const importer = new ImportPage(workbench);
    await importer.open();
    await importer.pick('Customers file', 'customers.csv', CUSTOMERS);
    await importer.pick('Events file', 'events.csv', BAD_EVENTS);
    expect(await importer.previewRows('Events file')).toEqual([
      ['time', 'customer_id', 'feature', 'quantity'],
      ['2025-01-02T00:00:00Z', 'acme', 'tokens', '5'],
      ['2025-01-03T00:00:00Z', 'acme', 'tokens', 'five'],
      ['2025-01-04T00:00:00Z', 'globex', 'tokens', '1'],
    ]);
    await importer.setName('January export');

    expect(await importer.importFiles()).toBe('Nothing was imported: events.csv has 1 error.');
    expect(await importer.problems()).toEqual([
      ['events.csv', '3', '4', 'quantity', 'events.csv line 3, column 4 (quantity): "five" is not a number; quantities are decimals such as 3 or 1.5.'],
    ]);
    await workbench.screenshot('30-import-error');
    await workbench.showScreen('Workbook');
    expect(await workbench.datasets()).toEqual(datasetsBefore);

    await importer.open();
    await importer.pick('Events file', 'events.csv', FIXED_EVENTS);
    await importer.setName('January export');
    expect(await importer.importFiles()).toBe(
      'Imported “January export”: 2 customers and 3 events. It is listed on the Workbook screen and can be compared on the Compare screen.',
    );
    await workbench.screenshot('31-import-done');
    await workbench.waitUntilSaved();

    await workbench.reload();
    expect(await workbench.datasets()).toEqual([...datasetsBefore, 'January export: 2 customers, 3 events']);
  }, 90_000);
});
