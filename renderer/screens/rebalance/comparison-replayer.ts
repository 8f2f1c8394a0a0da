// How the Rebalance screen replays its books: one job at a time, with progress and cancel, its outcome a value.
// The page's replay worker is the way when the page has one; until then (and where workers are refused) the
// replay runs on the page's thread in slices, handing the thread back between them so the window stays responsive.

import type { PriceBook } from '../../../core/engine/price-book/model';
import type { UsageDataset } from '../../../core/engine/usage/dataset';
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
