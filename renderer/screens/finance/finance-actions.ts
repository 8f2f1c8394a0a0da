// Replays a book and its what-if variant over a dataset in the worker, for the Finance screen. Nothing is recorded:
// a variant is not a stored book. Problems (an invalid variant, a book that does not fit the usage) are sentences.

import { readPriceBookVersionById } from '../../../core/workbook/repositories/price-books';
import type { WorkbenchStore } from '../../state/store';
import type { ReplayClient } from '../../workers/replay-client';
import { versionLabel } from '../compare/compare-choices';
import { keepDecodedDataset, replayUsageFor } from '../compare/dataset-cache';
import { changesNothing, describeRules, financeVariant } from './finance-variant';

/** Counts finance runs started: a read of usage goes on only while its own run is the latest and still running. */
let latestRun = 0;

export async function runFinance(store: WorkbenchStore, replayClient: ReplayClient): Promise<void> {
  const state = store.getState();
  const { workbook, financeChoice } = state;
  if (workbook === null) return;
  const stop = (message: string): void => state.financeStopped({ state: 'failed', message });
  if (replayClient.running || state.replayProgress.state === 'running' || state.financeProgress.state === 'running') {
    return stop('Another replay is running; wait for it to finish or cancel it first.');
  }
  if (financeChoice.versionId === null) return stop('Choose a price book.');
  if (financeChoice.datasetId === null) return stop('Choose the usage dataset to replay.');
  const version = readPriceBookVersionById(workbook, financeChoice.versionId);
  if (!version.ok) return stop(version.problem.message);
  const book = version.value.book;
  const books = [book];
  const labels = [versionLabel(book.name, version.value.versionNumber)];
  if (!changesNothing(financeChoice.rules)) {
    const variant = financeVariant(book, financeChoice.rules);
    if (!variant.ok) return stop(`The what-if rules do not make a valid book: ${variant.problems.join(' ')}`);
    books.push(variant.book);
    labels.push(`What if: ${describeRules(financeChoice.rules)}`);
  }
  state.financeStarted(books.length);
  const datasetId = financeChoice.datasetId;
  const run = ++latestRun;
  const stillWanted = (): boolean => run === latestRun && store.getState().workbook === workbook && store.getState().financeProgress.state === 'running';
  const usage = await replayUsageFor(workbook, datasetId, stillWanted);
  if (usage === null) return;
  if (!usage.ok) return stop(usage.problem.message);

  const outcome = await replayClient.run({ books, usage: usage.value, planMapping: new Map(), toMs: null }, (progress) =>
    store.getState().financeProgressed({
      state: 'running',
      bookIndex: progress.bookIndex,
      bookCount: books.length,
      bookName: labels[progress.bookIndex] ?? '',
      eventsDone: progress.eventsDone,
      eventsTotal: progress.eventsTotal,
    }),
  );
  const after = store.getState();
  if (outcome.kind === 'cancelled' || after.workbook !== workbook) return after.financeStopped({ state: 'cancelled' });
  if (outcome.kind === 'refused') return after.financeStopped({ state: 'failed', message: `The replay stopped: ${outcome.message}` });
  if (outcome.kind === 'crashed') return after.financeStopped({ state: 'failed', message: `The replay failed unexpectedly: ${outcome.message}` });
  keepDecodedDataset(workbook, datasetId, outcome.dataset);
  after.showFinance({ versionId: financeChoice.versionId, datasetId: financeChoice.datasetId, reports: outcome.reports, labels });
}

/** Stops the finance run under way, whether its usage is still being read or the worker is replaying it. */
export function cancelFinance(store: WorkbenchStore, replayClient: ReplayClient): void {
  if (store.getState().financeProgress.state !== 'running') return;
  replayClient.cancel();
  store.getState().financeStopped({ state: 'cancelled' });
}
