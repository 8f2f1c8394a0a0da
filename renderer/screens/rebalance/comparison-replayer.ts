// How the Rebalance screen replays its books: one job at a time, with progress and cancel, its outcome a value.
// The replay runs in a worker of its own (not the page's shared one, which Compare and Finance use for their runs:
// a rebalance replays again after every edit and cancels its own previous job, never theirs). The usage goes to the
// worker as Compare's does (dataset-cache.ts): the decoded dataset the last finished job handed back, lent again, or
// else the stored bytes read a slice at a time — never decoded or copied whole on the page's thread. Where a worker
// cannot start, the same job runs on the page's thread in slices, handing the thread back between them, so the
// window stays responsive either way.

import type { PriceBook } from '../../../core/engine/price-book/model';
import type { UsageDataset } from '../../../core/engine/usage/dataset';
import type { Workbook } from '../../../core/workbook/workbook';
import type { WorkbookResult } from '../../../core/workbook/workbook-problem';
import type { ReplayClient } from '../../workers/replay-client';
import { createReplayClient, startBrowserReplayWorker } from '../../workers/replay-client';
import type { ReplayUsage } from '../../workers/replay-protocol';
import { keepDecodedDataset, replayUsageFor } from '../compare/dataset-cache';
import { loadDatasetInSlices } from '../compare/stored-usage-reader';
import { pageSliceScheduler, replayInSlices, type SlicedReplayOutcome, type SlicedReplayProgress } from './sliced-replay';

export interface ComparisonReplay {
  outcome: Promise<SlicedReplayOutcome>;
  cancel(): void;
}

/** The dataset a rebalance replays: read from the workbook by the replayer, the way that suits where it runs. */
export interface RebalanceUsage {
  workbook: Workbook;
  datasetId: number;
}

/** Replays `books` (baseline first) over the usage. */
export type ComparisonReplayer = (books: PriceBook[], usage: RebalanceUsage, onProgress: (progress: SlicedReplayProgress) => void) => ComparisonReplay;

/** Where the worker's usage comes from and where the decoded dataset it hands back goes (dataset-cache.ts in the page). */
export interface WorkerUsageSource {
  usageFor(usage: RebalanceUsage, stillWanted: () => boolean): Promise<WorkbookResult<ReplayUsage> | null>;
  keep(usage: RebalanceUsage, dataset: UsageDataset): void;
}

export const PAGE_USAGE_SOURCE: WorkerUsageSource = {
  usageFor: (usage, stillWanted) => replayUsageFor(usage.workbook, usage.datasetId, stillWanted),
  keep: (usage, dataset) => keepDecodedDataset(usage.workbook, usage.datasetId, dataset),
};

export function pageThreadReplayer(): ComparisonReplayer {
  const schedule = pageSliceScheduler();
  return (books, usage, onProgress) => {
    let cancelled = false;
    let job: ComparisonReplay | null = null;
    const outcome = loadDatasetInSlices(usage.workbook, usage.datasetId, () => !cancelled).then((loaded): SlicedReplayOutcome | Promise<SlicedReplayOutcome> => {
      if (loaded === null || cancelled) return { kind: 'cancelled' };
      if (!loaded.ok) return { kind: 'failed', message: loaded.problem.message };
      job = replayInSlices(books, loaded.value, { schedule, onProgress });
      return job.outcome;
    });
    return {
      outcome,
      cancel: () => {
        cancelled = true;
        job?.cancel();
      },
    };
  };
}

/**
 * Replays through `client`'s worker; a worker that crashes (or cannot start) hands the job to `fallback`, and
 * later jobs go straight to it. Books the usage does not fit are refused with the engine's sentence.
 */
export function workerReplayer(client: ReplayClient, fallback: ComparisonReplayer, source: WorkerUsageSource = PAGE_USAGE_SOURCE): ComparisonReplayer {
  let workerUsable = true;
  // The job under way, at whatever stage (reading usage, in the worker, on the fallback): a new one cancels it.
  let current: ComparisonReplay | null = null;
  return (books, usage, onProgress) => {
    current?.cancel();
    if (!workerUsable) return (current = fallback(books, usage, onProgress));
    let fallbackJob: ComparisonReplay | null = null;
    let cancelled = false;
    const run = async (): Promise<SlicedReplayOutcome> => {
      const read = await source.usageFor(usage, () => !cancelled);
      if (read === null) return { kind: 'cancelled' };
      if (!read.ok) return { kind: 'failed', message: read.problem.message };
      if (cancelled) {
        // A lent dataset goes back where it came from, for the next job.
        if (read.value.kind === 'decoded') source.keep(usage, read.value.dataset);
        return { kind: 'cancelled' };
      }
      const result = await client.run({ books, usage: read.value, planMapping: new Map(), toMs: null }, (progress) =>
        onProgress({ bookIndex: progress.bookIndex, bookCount: books.length, eventsDone: progress.eventsDone, eventsTotal: progress.eventsTotal }),
      );
      switch (result.kind) {
        case 'done':
          source.keep(usage, result.dataset);
          return { kind: 'done', reports: result.reports };
        case 'refused':
          return { kind: 'failed', message: result.message };
        case 'cancelled':
          return { kind: 'cancelled' };
        case 'crashed':
          workerUsable = false;
          if (cancelled) return { kind: 'cancelled' };
          fallbackJob = fallback(books, usage, onProgress);
          return fallbackJob.outcome;
      }
    };
    const job: ComparisonReplay = {
      outcome: run(),
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        if (fallbackJob !== null) fallbackJob.cancel();
        else if (client.running) client.cancel();
      },
    };
    current = job;
    return job;
  };
}

let rebalanceClient: ReplayClient | null = null;

/** The page's rebalance replayer: a worker of its own, started on first use, with the page thread as fallback. */
export function pageRebalanceReplayer(): ComparisonReplayer {
  rebalanceClient ??= createReplayClient(startBrowserReplayWorker);
  return workerReplayer(rebalanceClient, pageThreadReplayer());
}
