// How the Rebalance screen replays its books: one job at a time, with progress and cancel, its outcome a value.
// The replay runs in a worker of its own (not the page's shared one, which Compare and Finance use for their runs:
// a rebalance replays again after every edit and cancels its own previous job, never theirs). Where a worker cannot
// start, the same job runs on the page's thread in slices, handing the thread back between them, so the window
// stays responsive either way.

import type { PriceBook } from '../../../core/engine/price-book/model';
import type { UsageDataset } from '../../../core/engine/usage/dataset';
import type { ReplayClient } from '../../workers/replay-client';
import { createReplayClient, startBrowserReplayWorker } from '../../workers/replay-client';
import { pageSliceScheduler, replayInSlices, type SlicedReplayOutcome, type SlicedReplayProgress } from './sliced-replay';

export interface ComparisonReplay {
  outcome: Promise<SlicedReplayOutcome>;
  cancel(): void;
}

/** Replays `books` (baseline first) over `dataset`. */
export type ComparisonReplayer = (
  books: PriceBook[],
  dataset: UsageDataset,
  onProgress: (progress: SlicedReplayProgress) => void,
) => ComparisonReplay;

export function pageThreadReplayer(): ComparisonReplayer {
  const schedule = pageSliceScheduler();
  return (books, dataset, onProgress) => replayInSlices(books, dataset, { schedule, onProgress });
}

/**
 * Replays through `client`'s worker; a worker that crashes (or cannot start) hands the job to `fallback`, and
 * later jobs go straight to it. Books the usage does not fit are refused with the engine's sentence.
 */
export function workerReplayer(client: ReplayClient, fallback: ComparisonReplayer): ComparisonReplayer {
  let workerUsable = true;
  return (books, dataset, onProgress) => {
    if (!workerUsable) return fallback(books, dataset, onProgress);
    if (client.running) client.cancel();
    let fallbackJob: ComparisonReplay | null = null;
    let cancelled = false;
    const outcome = client
      .run({ books, usage: { kind: 'decoded', dataset, lent: false }, planMapping: new Map(), toMs: null }, (progress) =>
        onProgress({ bookIndex: progress.bookIndex, bookCount: books.length, eventsDone: progress.eventsDone, eventsTotal: progress.eventsTotal }),
      )
      .then((result): SlicedReplayOutcome | Promise<SlicedReplayOutcome> => {
        switch (result.kind) {
          case 'done':
            return { kind: 'done', reports: result.reports };
          case 'refused':
            return { kind: 'failed', message: result.message };
          case 'cancelled':
            return { kind: 'cancelled' };
          case 'crashed':
            workerUsable = false;
            if (cancelled) return { kind: 'cancelled' };
            fallbackJob = fallback(books, dataset, onProgress);
            return fallbackJob.outcome;
        }
      });
    return {
      outcome,
      cancel: () => {
        cancelled = true;
        if (fallbackJob !== null) fallbackJob.cancel();
        else client.cancel();
      },
    };
  };
}

let rebalanceClient: ReplayClient | null = null;

/** The page's rebalance replayer: a worker of its own, started on first use, with the page thread as fallback. */
export function pageRebalanceReplayer(): ComparisonReplayer {
  rebalanceClient ??= createReplayClient(startBrowserReplayWorker);
  return workerReplayer(rebalanceClient, pageThreadReplayer());
}
