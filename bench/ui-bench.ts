// The web app's speed on the bench history (issue 5): the built app served on localhost and driven in Debian's
// Chromium, with a workbook of the bench books and the bench history uploaded through the Workbook screen. Times, on
// the page's own clock, the click on "Run comparison" until the headline figures are painted, the per-customer
// table's first paint, and a sort of that table. Launching, building and serving come from the end-to-end harness.

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { UsageDataset } from '../core/engine/usage/dataset';
import { ComparePage } from '../test/e2e/pages/compare-page';
import { WorkbenchPage } from '../test/e2e/pages/workbench-page';
import { CHROMIUM_PATH, launchChromium, newWorkbenchContext } from '../test/e2e/support/browser';
import { buildWebApp, serveFolder } from '../test/e2e/support/web-app-server';
import type { BenchBook } from './bench-books';
import type { Skipped } from './bench-report';
import { stepMarksSinceRun, timeCustomerSort, timeLedgerOpen, timeRunUntilDrawn, timeScreenUntilCustomerRows } from './ui/page-timing';
import { uiBenchWorkbookBytes } from './ui/ui-workbook';
import { uploadWorkbookFile } from './ui/workbook-upload';

export const UI_SKIPPED_WITHOUT_FLAG = 'left out with --no-ui';

/** Limits for one step on a loaded two-core machine; a hang still ends the bench with a reason. */
const UPLOAD_TIMEOUT_MS = 600_000;
const RUN_TIMEOUT_MS = 600_000;
const SORT_TIMEOUT_MS = 60_000;

export interface UiFigures {
  events: number;
  customers: number;
  books: number;
  workbookBytes: number;
  /** Building the workbook in Node, then uploading it through the page until it is open and stored. */
  buildWorkbookMs: number;
  uploadMs: number;
  /** Click on "Run comparison" until the headline figures are painted (replay of every book in the worker included). */
  runToHeadlineMs: number;
  /** Same click until the per-customer table's first rows are painted, and that first paint after the headline. */
  runToCustomerTableMs: number;
  customerTableFirstPaintMs: number;
  customerTableRows: number;
  customerRowsInPage: number;
  /** From the page (ms after the click): progress bar shown, each book's replay started, the last book done. */
  runProgressShownMs: number;
  runBookStartedMs: number[];
  runReplayDoneMs: number;
  /** The steps the app marks on its timeline (renderer/app/step-marks.ts), in ms after the click, autosave included. */
  runSteps: Record<string, number>;
  /**
   * The page's thread held for more than 50 ms at a stretch (the browser's long tasks) from the click until the
   * autosave after the run has stored the workbook: the longest, how many, and their sum.
   */
  runLongestFreezeMs: number;
  runLongTasks: number;
  runLongTasksTotalMs: number;
  /** Sorting the table by "Change" (descending first), click until the re-ordered rows are painted. */
  customerSortMs: number;
  /** The second click on the same column (the other direction). */
  customerSortAgainMs: number;
  /** A click on the first customer row until that customer's ledger entries are painted, and how many entries. */
  ledgerOpenMs: number;
  ledgerEntries: number;
  /** Back to Compare from another screen, results already in hand: click until the customer rows are painted. */
  compareScreenRedrawMs: number;
}

export function uiSkipped(reason: string): Skipped {
  return { skipped: reason };
}

export async function benchUi(dataset: UsageDataset, books: readonly BenchBook[], progress: (message: string) => void): Promise<UiFigures | Skipped> {
  if (!existsSync(CHROMIUM_PATH)) return uiSkipped(`no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  const folder = await mkdtemp(join(tmpdir(), 'credit-workbench-ui-bench-'));
  try {
    progress('ui: building the web app');
    const webDir = join(folder, 'web');
    await buildWebApp(webDir);
    const server = await serveFolder(webDir);
    try {
      progress('ui: writing the bench workbook');
      const buildStart = performance.now();
      const bytes = await uiBenchWorkbookBytes(dataset, books);
      const buildWorkbookMs = performance.now() - buildStart;
      const workbookPath = join(folder, 'bench.cwb');
      await writeFile(workbookPath, bytes);
      return await measureInBrowser(server.url, workbookPath, {
        events: dataset.eventCount,
        customers: dataset.customers.ids.length,
        books: books.length,
        workbookBytes: bytes.byteLength,
        buildWorkbookMs,
      }, progress);
    } finally {
      await server.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

type KnownFigures = Pick<UiFigures, 'events' | 'customers' | 'books' | 'workbookBytes' | 'buildWorkbookMs'>;

async function measureInBrowser(url: string, workbookPath: string, known: KnownFigures, progress: (message: string) => void): Promise<UiFigures> {
  const browser = await launchChromium();
  try {
    const context = await newWorkbenchContext(browser);
    const workbench = await WorkbenchPage.open(context, url);
    progress(`ui: uploading the workbook (${(known.workbookBytes / (1024 * 1024)).toFixed(0)} MiB)`);
    const uploadStart = performance.now();
    await uploadWorkbookFile(workbench.page, workbookPath, UPLOAD_TIMEOUT_MS);
    const uploadMs = performance.now() - uploadStart;
    const compare = new ComparePage(workbench);
    await compare.open();
    progress(`ui: running the comparison of ${known.books} books in the page`);
    const run = await timeRunUntilDrawn(workbench.page, RUN_TIMEOUT_MS);
    if (run.customerRowCount !== known.customers) {
      throw new Error(`invariant: the customer table holds ${run.customerRowCount} rows, the history ${known.customers} customers`);
    }
    const steps = await stepMarksSinceRun(workbench.page, 'autosave:stored', RUN_TIMEOUT_MS);
    progress('ui: sorting the customer table');
    const sort = await timeCustomerSort(workbench.page, 'Change', SORT_TIMEOUT_MS);
    const sortAgain = await timeCustomerSort(workbench.page, 'Change', SORT_TIMEOUT_MS);
    if (sort.firstAfter === sortAgain.firstAfter) throw new Error('invariant: sorting the other way put the same customer first');
    progress("ui: opening a customer's ledger");
    const ledger = await timeLedgerOpen(workbench.page, SORT_TIMEOUT_MS);
    if (ledger.entriesInTable < 1) throw new Error(`invariant: the ledger of ${ledger.customerId} has no entries`);
    await workbench.showScreen('Workbook');
    await compare.customerTable().waitFor({ state: 'detached' });
    const compareScreenRedrawMs = await timeScreenUntilCustomerRows(workbench.page, 'Compare', SORT_TIMEOUT_MS);
    return {
      ...known,
      uploadMs,
      runToHeadlineMs: run.headlineDrawnMs,
      runToCustomerTableMs: run.customerTableDrawnMs,
      customerTableFirstPaintMs: run.customerTableDrawnMs - run.headlineDrawnMs,
      customerTableRows: run.customerRowCount,
      customerRowsInPage: run.customerRowsInPage,
      runProgressShownMs: run.progressShownMs,
      runBookStartedMs: run.bookStartedMs,
      runReplayDoneMs: run.replayDoneMs,
      runSteps: Object.fromEntries(steps.marks.map((mark) => [mark.step, Math.round(mark.atMs)])),
      runLongestFreezeMs: Math.round(Math.max(0, ...steps.longTasks.map((task) => task.durationMs))),
      runLongTasks: steps.longTasks.length,
      runLongTasksTotalMs: Math.round(steps.longTasks.reduce((total, task) => total + task.durationMs, 0)),
      customerSortMs: sort.sortDrawnMs,
      customerSortAgainMs: sortAgain.sortDrawnMs,
      ledgerOpenMs: ledger.ledgerDrawnMs,
      ledgerEntries: ledger.entriesInTable,
      compareScreenRedrawMs,
    };
  } finally {
    await browser.close();
  }
}
