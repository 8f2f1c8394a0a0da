// Timings taken inside the page, on its own clock: the click happens in the page and a MutationObserver notes the
// moment the awaited element appears, then waits for the next animation frame and a task after it, so each figure
// ends once that frame has been painted, not when a test driver polling from outside happens to look.
//
// The functions handed to page.evaluate are serialised into the page, so they use no helpers, imports or named
// inner functions (tsx's keepNames would wrap those in a helper the page does not have).

import type { Page } from 'playwright-core';

export interface RunDrawnTimings {
  /** From the click on "Run comparison" until the headline figures table is in the page and painted. */
  headlineDrawnMs: number;
  /** From the same click until the first rows of the per-customer table are painted. */
  customerTableDrawnMs: number;
  /** Rows the per-customer table says it holds (aria-rowcount less the header row). */
  customerRowCount: number;
  /** Rows the virtualised table actually put in the page at first paint. */
  customerRowsInPage: number;
  /**
   * Where the time went, as seen from the page (ms after the click, -1 when never seen): the progress bar first in
   * the page (the inputs, dataset included, gathered on the page thread), each book's first progress line, and the
   * last book's line reading all its events done (the worker finished; recording the run and drawing follow).
   */
  progressShownMs: number;
  bookStartedMs: number[];
  replayDoneMs: number;
}

const HEADLINE_SELECTOR = 'table[aria-label="Headline figures"] tr';
const CUSTOMER_ROW_SELECTOR = '[role="table"][aria-label="Customers"] [role="row"].table-row';

/** Clicks "Run comparison" and times the headline figures and the customer table being drawn. */
export async function timeRunUntilDrawn(page: Page, timeoutMs: number): Promise<RunDrawnTimings> {
  return page.evaluate(
    ({ headlineSelector, rowSelector, timeoutMs: limitMs }) =>
      new Promise<RunDrawnTimings>((resolve, reject) => {
        if (document.querySelector(headlineSelector) !== null) {
          reject(new Error('the Compare screen already shows results; the UI bench needs a workbook without runs'));
          return;
        }
        const button = Array.from(document.querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === 'Run comparison');
        if (button === undefined || button.disabled) {
          reject(new Error('the Compare screen has no enabled "Run comparison" button'));
          return;
        }
        const found = { headline: -1, table: -1, progress: -1, done: -1 };
        // The steps the app marks on its timeline are read back after the click (see stepMarksSinceRun), with every
        // task that held the page's thread for more than 50 ms from here on (the browser's long tasks).
        const run = window as unknown as { cwRunClickedAt: number; cwLongTasks: Array<{ startMs: number; durationMs: number }> };
        run.cwRunClickedAt = performance.now();
        run.cwLongTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) run.cwLongTasks.push({ startMs: entry.startTime - run.cwRunClickedAt, durationMs: entry.duration });
        }).observe({ type: 'longtask', buffered: false });
        const bookStarted: number[] = [];
        const painted = { headline: -1, table: -1 };
        const startMs = performance.now();
        const timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no results drawn within ${limitMs} ms of the click`));
        }, limitMs);
        const observer = new MutationObserver(() => {
          const now = performance.now();
          const line = document.querySelector('.replay-progress span')?.textContent ?? null;
          if (line !== null) {
            if (found.progress < 0) found.progress = now;
            const parts = /\((\d+) of (\d+)\): ([\d,]+) of ([\d,]+) events/.exec(line);
            if (parts !== null) {
              const book = Number(parts[1]);
              while (bookStarted.length < book) bookStarted.push(now);
              if (found.done < 0 && book === Number(parts[2]) && parts[3] === parts[4]) found.done = now;
            }
          }
          if (found.headline < 0 && document.querySelector(headlineSelector) !== null) {
            found.headline = now;
            requestAnimationFrame(() =>
              setTimeout(() => {
                painted.headline = performance.now();
              }, 0),
            );
          }
          if (found.table < 0 && document.querySelector(rowSelector) !== null) {
            found.table = now;
            // The table appears with or after the headline figures; its paint closes the measurement.
            requestAnimationFrame(() =>
              setTimeout(() => {
                painted.table = performance.now();
                observer.disconnect();
                window.clearTimeout(timer);
                const table = document.querySelector('[role="table"][aria-label="Customers"]');
                resolve({
                  headlineDrawnMs: (painted.headline >= 0 ? painted.headline : painted.table) - startMs,
                  customerTableDrawnMs: painted.table - startMs,
                  customerRowCount: Number(table?.getAttribute('aria-rowcount') ?? '1') - 1,
                  customerRowsInPage: document.querySelectorAll(rowSelector).length,
                  progressShownMs: found.progress < 0 ? -1 : found.progress - startMs,
                  bookStartedMs: bookStarted.map((at) => at - startMs),
                  replayDoneMs: found.done < 0 ? -1 : found.done - startMs,
                });
              }, 0),
            );
          }
        });
        // characterData too: the progress line's numbers change in place.
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        button.click();
      }),
    { headlineSelector: HEADLINE_SELECTOR, rowSelector: CUSTOMER_ROW_SELECTOR, timeoutMs },
  );
}

export interface SortTimings {
  /** From the click on the column's sort button until the re-ordered rows are painted. */
  sortDrawnMs: number;
  /** The first row's customer before and after, to show the order really changed. */
  firstBefore: string;
  firstAfter: string;
}

/** Clicks the sort button of the customer table's column whose header starts with `headerStart`, and times it. */
export async function timeCustomerSort(page: Page, headerStart: string, timeoutMs: number): Promise<SortTimings> {
  return page.evaluate(
    ({ rowSelector, headerStart: start, timeoutMs: limitMs }) =>
      new Promise<SortTimings>((resolve, reject) => {
        const table = document.querySelector('[role="table"][aria-label="Customers"]');
        const header = Array.from(table?.querySelectorAll('[role="columnheader"]') ?? []).find((cell) => (cell.textContent ?? '').trim().startsWith(start));
        const button = header?.querySelector('button');
        if (table === null || header === undefined || button === null || button === undefined) {
          reject(new Error(`the customer table has no sortable column "${start}…"`));
          return;
        }
        const firstBefore = (document.querySelector(rowSelector)?.querySelector('[role="cell"]')?.textContent ?? '').trim();
        const sortBefore = header.getAttribute('aria-sort') ?? 'none';
        const startMs = performance.now();
        const timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the sort was not drawn within ${limitMs} ms`));
        }, limitMs);
        const observer = new MutationObserver(() => {
          if ((header.getAttribute('aria-sort') ?? 'none') === sortBefore) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const sortDrawnMs = performance.now() - startMs;
              window.clearTimeout(timer);
              const firstAfter = (document.querySelector(rowSelector)?.querySelector('[role="cell"]')?.textContent ?? '').trim();
              resolve({ sortDrawnMs, firstBefore, firstAfter });
            }, 0),
          );
        });
        observer.observe(table, { childList: true, subtree: true, attributes: true, characterData: true });
        button.click();
      }),
    { rowSelector: CUSTOMER_ROW_SELECTOR, headerStart, timeoutMs },
  );
}

/**
 * Clicks the nav button `screenLabel` and times it until the per-customer table's rows are painted: with results
 * already in the store, this is the render of the results and of the table over all its rows, without the replay.
 */
export async function timeScreenUntilCustomerRows(page: Page, screenLabel: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ rowSelector, screenLabel: label, timeoutMs: limitMs }) =>
      new Promise<number>((resolve, reject) => {
        const nav = document.querySelector('nav[aria-label="Screens"]');
        const button = Array.from(nav?.querySelectorAll('button') ?? []).find((candidate) => (candidate.textContent ?? '').trim() === label);
        if (button === undefined) {
          reject(new Error(`the nav has no "${label}" screen`));
          return;
        }
        if (document.querySelector(rowSelector) !== null) {
          reject(new Error('the customer table is already drawn; show another screen first'));
          return;
        }
        const startMs = performance.now();
        const timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the customer table was not drawn within ${limitMs} ms`));
        }, limitMs);
        const observer = new MutationObserver(() => {
          if (document.querySelector(rowSelector) === null) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              window.clearTimeout(timer);
              resolve(performance.now() - startMs);
            }, 0),
          );
        });
        observer.observe(document.body, { childList: true, subtree: true });
        button.click();
      }),
    { rowSelector: CUSTOMER_ROW_SELECTOR, screenLabel, timeoutMs },
  );
}

export interface RunSteps {
  marks: StepMarkTiming[];
  /** Tasks that held the page's thread over 50 ms since the click (ms after the click, and how long). */
  longTasks: Array<{ startMs: number; durationMs: number }>;
}

export interface StepMarkTiming {
  /** The app's mark ("compare:replayed", "autosave:stored", …), from renderer/app/step-marks.ts. */
  step: string;
  /** When, in ms after the click on "Run comparison". */
  atMs: number;
}

/**
 * The steps the app marked on its timeline since the last timed click on "Run comparison", once `lastStep` has been
 * marked (waiting for it up to `timeoutMs`): where the time between the click and the drawn results went, and the
 * autosave that follows.
 */
export async function stepMarksSinceRun(page: Page, lastStep: string, timeoutMs: number): Promise<RunSteps> {
  return page.evaluate(
    ({ lastStep: last, timeoutMs: limitMs }) =>
      new Promise<RunSteps>((resolve, reject) => {
        const run = window as unknown as { cwRunClickedAt?: number; cwLongTasks?: Array<{ startMs: number; durationMs: number }> };
        const clickedAt = run.cwRunClickedAt;
        if (clickedAt === undefined) {
          reject(new Error('no timed run: call timeRunUntilDrawn first'));
          return;
        }
        const giveUpAt = performance.now() + limitMs;
        // An interval, not a named function that calls itself: the page has no helper for tsx's names.
        const timer = window.setInterval(() => {
          const marks = performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('cw:') && mark.startTime >= clickedAt);
          if (marks.some((mark) => mark.name === `cw:${last}`)) {
            window.clearInterval(timer);
            resolve({ marks: marks.map((mark) => ({ step: mark.name.slice(3), atMs: mark.startTime - clickedAt })), longTasks: run.cwLongTasks ?? [] });
          } else if (performance.now() > giveUpAt) {
            window.clearInterval(timer);
            reject(new Error(`the app did not mark "${last}" within ${limitMs} ms`));
          }
        }, 50);
      }),
    { lastStep, timeoutMs },
  );
}

export interface LedgerTimings {
  /** From the click on a customer's row until their ledger's first entries are painted. */
  ledgerDrawnMs: number;
  customerId: string;
  entriesInTable: number;
}

/**
 * Clicks the first customer row of the Compare screen's customer table and times it until that customer's ledger
 * (replayed on the page from their usage alone) has its entries painted.
 */
export async function timeLedgerOpen(page: Page, timeoutMs: number): Promise<LedgerTimings> {
  return page.evaluate(
    ({ rowSelector, timeoutMs: limitMs }) =>
      new Promise<LedgerTimings>((resolve, reject) => {
        const row = document.querySelector<HTMLElement>(rowSelector);
        const customerId = (row?.querySelector('[role="cell"]')?.textContent ?? '').trim();
        if (row === null || customerId === '') {
          reject(new Error('the customer table has no rows to open'));
          return;
        }
        const ledgerRows = `[role="table"][aria-label="Ledger entries of ${customerId}"] [role="row"].table-row`;
        const startMs = performance.now();
        const timer = window.setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the ledger of ${customerId} was not drawn within ${limitMs} ms`));
        }, limitMs);
        const observer = new MutationObserver(() => {
          if (document.querySelector(ledgerRows) === null) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              window.clearTimeout(timer);
              const table = document.querySelector(`[role="table"][aria-label="Ledger entries of ${customerId}"]`);
              resolve({ ledgerDrawnMs: performance.now() - startMs, customerId, entriesInTable: Number(table?.getAttribute('aria-rowcount') ?? '1') - 1 });
            }, 0),
          );
        });
        observer.observe(document.body, { childList: true, subtree: true });
        row.click();
      }),
    { rowSelector: CUSTOMER_ROW_SELECTOR, timeoutMs },
  );
}
